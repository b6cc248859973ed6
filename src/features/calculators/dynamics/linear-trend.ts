/**
 * tsfresh `linear_trend(x, attr)`: the least-squares line through (t, x_t), t = 0..n−1, as
 * `scipy.stats.linregress` reports it (numeric/linear-regression.ts): attr "slope",
 * "intercept", "rvalue", "pvalue" (two-sided t test of slope = 0 with n − 2 degrees of
 * freedom) or "stderr" (standard error of the slope). A series of one value gives rvalue 0 and
 * NaN otherwise; two values give pvalue 0 (1 if equal) and stderr 0; a constant series gives
 * rvalue 0, slope 0, pvalue 1, stderr 0.
 */
import type { SeriesContext } from '../../calculator.js';
import { linearTrendRegression, type LinearRegression } from '../../numeric/linear-regression.js';
import { combinerCalculator } from './combiner.js';

/** The regression attributes tsfresh may ask for. */
export const REGRESSION_ATTRIBUTES = ['slope', 'intercept', 'rvalue', 'pvalue', 'stderr', 'intercept_stderr'] as const;

/** `getattr(linregress_result, attr)`, with a clear error for an unknown attribute. */
export function regressionAttribute(result: LinearRegression, attr: string, who: string): number {
  if (!(REGRESSION_ATTRIBUTES as readonly string[]).includes(attr)) {
    throw new RangeError(`${who}: unknown attr "${attr}" (expected one of ${REGRESSION_ATTRIBUTES.join(', ')})`);
  }
  return result[attr as keyof LinearRegression];
}

export const linearTrend = combinerCalculator('linear_trend', (ctx: SeriesContext, params, out, offset) => {
  const n = ctx.x.length;
  const result = n === 0 ? null : ctx.memo('dynamics.linregress', () => linearTrendRegression(ctx.x));
  for (let i = 0; i < params.length; i++) {
    const attr = String(params[i]!.attr);
    out[offset + i] = result === null ? NaN : regressionAttribute(result, attr, 'linear_trend');
  }
});
