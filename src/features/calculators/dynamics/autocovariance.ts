/**
 * Shared per-series intermediate results of the dynamics family.
 *
 * `adjustedAutocovariance(ctx, maxLag)` is statsmodels' `acovf(x, adjusted=True, demean=True)`:
 * γ(k) = Σ_{t=0}^{n−1−k} (x_t − x̄)(x_{t+k} − x̄) / (n − k) for k = 0..min(maxLag, n−1), x̄ the
 * numpy mean. It feeds autocorrelation, agg_autocorrelation and partial_autocorrelation; it is
 * computed directly in O(n·maxLag) (maxLag is at most a few dozen in every tsfresh setting),
 * four lags per pass over the data, and cached under the memo key `dynamics.acovf` — a longer
 * request recomputes and replaces it. Also here: the shared memos `mean` and `sorted` (same
 * meaning as in the other families) and `dynamics.variance`.
 */
import type { SeriesContext } from '../../calculator.js';
import { numpyMean, numpyVariance } from '../../numeric/pairwise-sum.js';

/** The numpy mean of the series, memo key `mean` (shared meaning across families). */
export function seriesMean(ctx: SeriesContext): number {
  return ctx.memo('mean', () => numpyMean(ctx.x));
}

/** An ascending copy of the series (NaN last, as `np.sort`), memo key `sorted` (shared meaning across families). Do not modify it. */
export function seriesSorted(ctx: SeriesContext): Float64Array {
  return ctx.memo('sorted', () => Float64Array.from(ctx.x).sort());
}

/** `np.var(x)` (population variance, ddof 0) computed numpy's way, memo key `dynamics.variance`. */
export function seriesVariance(ctx: SeriesContext): number {
  return ctx.memo('dynamics.variance', () => numpyVariance(ctx.x));
}

interface AcovfCache {
  values: Float64Array;
}

/** γ(0..min(maxLag, n−1)), adjusted (divided by n − k) and demeaned. Empty for an empty series. */
export function adjustedAutocovariance(ctx: SeriesContext, maxLag: number): Float64Array {
  const x = ctx.x;
  const n = x.length;
  const want = Math.max(0, Math.min(maxLag, n - 1)) + 1;
  const cache = ctx.memo<AcovfCache>('dynamics.acovf', () => ({ values: new Float64Array(0) }));
  if (n === 0) return cache.values;
  if (cache.values.length >= want) return cache.values;
  const mean = seriesMean(ctx);
  const centered = new Float64Array(n);
  for (let i = 0; i < n; i++) centered[i] = x[i]! - mean;
  const values = new Float64Array(want);
  // Four lags per pass over the data (each x_t is loaded once for them); every lag's sum still
  // runs over t in increasing order, so the rounding is that of one loop per lag.
  let k = 0;
  for (; k + 3 < want; k += 4) {
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    const common = n - k - 3; // t < common is inside all four sums
    for (let t = 0; t < common; t++) {
      const c = centered[t]!;
      s0 += c * centered[t + k]!;
      s1 += c * centered[t + k + 1]!;
      s2 += c * centered[t + k + 2]!;
      s3 += c * centered[t + k + 3]!;
    }
    for (let t = Math.max(0, common); t < n - k; t++) s0 += centered[t]! * centered[t + k]!;
    for (let t = Math.max(0, common); t < n - k - 1; t++) s1 += centered[t]! * centered[t + k + 1]!;
    for (let t = Math.max(0, common); t < n - k - 2; t++) s2 += centered[t]! * centered[t + k + 2]!;
    values[k] = s0 / (n - k);
    values[k + 1] = s1 / (n - k - 1);
    values[k + 2] = s2 / (n - k - 2);
    values[k + 3] = s3 / (n - k - 3);
  }
  for (; k < want; k++) {
    let s = 0;
    for (let t = 0; t + k < n; t++) s += centered[t]! * centered[t + k]!;
    values[k] = s / (n - k);
  }
  cache.values = values;
  return values;
}
