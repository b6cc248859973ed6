/**
 * tsfresh `agg_linear_trend(x, attr, chunk_len, f_agg)`: the series is cut into consecutive
 * chunks of `chunk_len` values (the last one possibly shorter), each chunk is reduced with the
 * numpy aggregate `f_agg` ("max", "min", "mean", "var", "std", "sum", "median"), and `attr` of
 * `scipy.stats.linregress` of those aggregates against 0..m−1 is returned
 * (numeric/linear-regression.ts). NaN when chunk_len ≥ n (tsfresh's rule, even though a fit
 * would exist). With two chunks the fit is exact: rvalue ±1, stderr 0.
 *
 * Speed: a parameter list (tsfresh's grid asks 4 attributes of 12 (f_agg, chunk_len) pairs) is
 * compiled once into its distinct fits, and each fit reduces the chunks in one specialised loop.
 */
import type { SeriesContext } from '../../calculator.js';
import { num, type ParamSet } from '../../params.js';
import { linearTrendRegression, type LinearRegression } from '../../numeric/linear-regression.js';
import { numpyMean, numpyVariance } from '../../numeric/pairwise-sum.js';
import { AGGREGATES, aggregate } from './aggregate.js';
import { combinerCalculator } from './combiner.js';
import { REGRESSION_ATTRIBUTES } from './linear-trend.js';

/**
 * `f_agg` of every chunk x[c·len .. min(n, (c+1)·len)), c = 0..⌈n/len⌉−1, into `out`
 * (numpy's rounding: pairwise sums for mean/var/std/sum). `scratch` needs `len` values.
 */
export function chunkAggregates(x: Float64Array, fAgg: string, chunkLen: number, out: Float64Array, scratch: Float64Array): void {
  const n = x.length;
  const m = Math.ceil(n / chunkLen);
  switch (fAgg) {
    // `!(v <= best)` takes a larger value or a NaN, and a NaN ends the chunk (numpy propagates
    // NaN through max/min).
    case 'max':
      for (let c = 0; c < m; c++) {
        const end = Math.min(n, (c + 1) * chunkLen);
        let best = x[c * chunkLen]!;
        for (let i = c * chunkLen + 1; i < end && best === best; i++) {
          const v = x[i]!;
          if (!(v <= best)) best = v;
        }
        out[c] = best;
      }
      return;
    case 'min':
      for (let c = 0; c < m; c++) {
        const end = Math.min(n, (c + 1) * chunkLen);
        let best = x[c * chunkLen]!;
        for (let i = c * chunkLen + 1; i < end && best === best; i++) {
          const v = x[i]!;
          if (!(v >= best)) best = v;
        }
        out[c] = best;
      }
      return;
    case 'mean':
      for (let c = 0; c < m; c++) out[c] = numpyMean(x, c * chunkLen, Math.min(n, (c + 1) * chunkLen));
      return;
    case 'var':
      for (let c = 0; c < m; c++) out[c] = numpyVariance(x, c * chunkLen, Math.min(n, (c + 1) * chunkLen), scratch);
      return;
    default:
      for (let c = 0; c < m; c++) out[c] = aggregate(fAgg, x, c * chunkLen, Math.min(n, (c + 1) * chunkLen), 'agg_linear_trend', scratch);
  }
}

/** linregress of the chunk aggregates, or null when chunk_len ≥ n. */
export function chunkTrend(x: Float64Array, fAgg: string, chunkLen: number): LinearRegression | null {
  const n = x.length;
  if (chunkLen >= n) return null;
  const aggregates = new Float64Array(Math.ceil(n / chunkLen));
  chunkAggregates(x, fAgg, chunkLen, aggregates, new Float64Array(chunkLen));
  return linearTrendRegression(aggregates);
}

/** A parameter list compiled: its distinct fits and, per output, which fit and attribute. */
interface Plan {
  readonly fits: readonly { readonly fAgg: string; readonly chunkLen: number }[];
  readonly fitOf: Int32Array;
  readonly attrOf: readonly (keyof LinearRegression)[];
}

const plans = new WeakMap<readonly ParamSet[], Plan>();

/** Validates `params` once (clear errors naming the parameter) and groups equal fits. */
function planFor(params: readonly ParamSet[]): Plan {
  let plan = plans.get(params);
  if (plan) return plan;
  const fits: { fAgg: string; chunkLen: number }[] = [];
  const fitOf = new Int32Array(params.length);
  const attrOf: (keyof LinearRegression)[] = [];
  params.forEach((p, i) => {
    const chunkLen = num(p.chunk_len);
    if (!Number.isInteger(chunkLen) || chunkLen < 1) throw new RangeError(`agg_linear_trend: chunk_len must be an integer >= 1, got ${chunkLen}`);
    const fAgg = String(p.f_agg);
    if (!(AGGREGATES as readonly string[]).includes(fAgg)) {
      throw new RangeError(`agg_linear_trend: unknown aggregation f_agg="${fAgg}" (expected one of ${AGGREGATES.join(', ')})`);
    }
    const attr = String(p.attr);
    if (!(REGRESSION_ATTRIBUTES as readonly string[]).includes(attr)) {
      throw new RangeError(`agg_linear_trend: unknown attr "${attr}" (expected one of ${REGRESSION_ATTRIBUTES.join(', ')})`);
    }
    let f = fits.findIndex((fit) => fit.fAgg === fAgg && fit.chunkLen === chunkLen);
    if (f < 0) f = fits.push({ fAgg, chunkLen }) - 1;
    fitOf[i] = f;
    attrOf.push(attr as keyof LinearRegression);
  });
  plan = { fits, fitOf, attrOf };
  plans.set(params, plan);
  return plan;
}

export const aggLinearTrend = combinerCalculator('agg_linear_trend', (ctx: SeriesContext, params, out, offset) => {
  const plan = planFor(params);
  const x = ctx.x;
  const n = x.length;
  let longest = 0;
  for (const fit of plan.fits) if (fit.chunkLen < n) longest = Math.max(longest, fit.chunkLen);
  const scratch = new Float64Array(longest);
  const aggregates = new Float64Array(n);
  const results = plan.fits.map(({ fAgg, chunkLen }) => {
    if (chunkLen >= n) return null;
    const m = Math.ceil(n / chunkLen);
    chunkAggregates(x, fAgg, chunkLen, aggregates, scratch);
    return linearTrendRegression(aggregates, 0, m);
  });
  for (let i = 0; i < params.length; i++) {
    const result = results[plan.fitOf[i]!]!;
    out[offset + i] = result === null ? NaN : result[plan.attrOf[i]!];
  }
});
