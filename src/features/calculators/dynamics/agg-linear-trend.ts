/**
 * tsfresh `agg_linear_trend(x, attr, chunk_len, f_agg)`: the series is cut into consecutive
 * chunks of `chunk_len` values (the last one possibly shorter), each chunk is reduced with the
 * numpy aggregate `f_agg` ("max", "min", "mean", "var", "std", "sum"), and `attr` of
 * `scipy.stats.linregress` of those aggregates against 0..m−1 is returned
 * (numeric/linear-regression.ts). NaN when chunk_len ≥ n (tsfresh's rule, even though a fit
 * would exist). With two chunks the fit is exact: rvalue ±1, stderr 0.
 */
import type { SeriesContext } from '../../calculator.js';
import { num } from '../../params.js';
import { linearTrendRegression, type LinearRegression } from '../../numeric/linear-regression.js';
import { aggregate } from './aggregate.js';
import { combinerCalculator } from './combiner.js';
import { regressionAttribute } from './linear-trend.js';

/** linregress of the chunk aggregates, or null when chunk_len ≥ n. */
export function chunkTrend(x: Float64Array, fAgg: string, chunkLen: number): LinearRegression | null {
  const n = x.length;
  if (chunkLen >= n) return null;
  const m = Math.ceil(n / chunkLen);
  const aggregates = new Float64Array(m);
  const scratch = new Float64Array(chunkLen);
  for (let c = 0; c < m; c++) {
    aggregates[c] = aggregate(fAgg, x, c * chunkLen, Math.min(n, (c + 1) * chunkLen), 'agg_linear_trend', scratch);
  }
  return linearTrendRegression(aggregates);
}

export const aggLinearTrend = combinerCalculator('agg_linear_trend', (ctx: SeriesContext, params, out, offset) => {
  for (let i = 0; i < params.length; i++) {
    const p = params[i]!;
    const chunkLen = num(p.chunk_len);
    if (!Number.isInteger(chunkLen) || chunkLen < 1) throw new RangeError(`agg_linear_trend: chunk_len must be an integer >= 1, got ${chunkLen}`);
    const fAgg = String(p.f_agg);
    const result = ctx.memo(`dynamics.chunkTrend.${fAgg}.${chunkLen}`, () => chunkTrend(ctx.x, fAgg, chunkLen));
    out[offset + i] = result === null ? NaN : regressionAttribute(result, String(p.attr), 'agg_linear_trend');
  }
});
