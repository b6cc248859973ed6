/**
 * Shared per-series intermediate results of the dynamics family.
 *
 * `adjustedAutocovariance(ctx, maxLag)` is statsmodels' `acovf(x, adjusted=True, demean=True)`:
 * γ(k) = Σ_{t=0}^{n−1−k} (x_t − x̄)(x_{t+k} − x̄) / (n − k) for k = 0..min(maxLag, n−1), x̄ the
 * numpy mean. It feeds autocorrelation, agg_autocorrelation and partial_autocorrelation; it is
 * computed directly in O(n·maxLag) (maxLag is at most a few dozen in every tsfresh setting),
 * in WebAssembly (kernels/dynamics-autocovariance.ts: eight lags per pass over the data, every
 * sum in increasing t), and cached under the memo key `dynamics.acovf` — a longer
 * request recomputes and replaces it. Also here: the shared memo `mean` (same meaning as in the
 * other families) and `dynamics.variance`.
 */
import type { SeriesContext } from '../../calculator.js';
import { numpyMean, numpyVariance } from '../../numeric/pairwise-sum.js';
import { KernelBuffer, kernels } from '../../../util/wasm-kernels.js';

/** The numpy mean of the series, memo key `mean` (shared meaning across families). */
export function seriesMean(ctx: SeriesContext): number {
  return ctx.memo('mean', () => numpyMean(ctx.x));
}

/** `np.var(x)` (population variance, ddof 0) computed numpy's way, memo key `dynamics.variance`. */
export function seriesVariance(ctx: SeriesContext): number {
  return ctx.memo('dynamics.variance', () => numpyVariance(ctx.x));
}

const seriesBuffer = new KernelBuffer();
const centeredBuffer = new KernelBuffer();
const outBuffer = new KernelBuffer();

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
  const fn = kernels().fn;
  const out = outBuffer.pointer(want);
  fn.autocovariance(seriesBuffer.copyIn(x), n, seriesMean(ctx), want, centeredBuffer.pointer(n), out);
  const values = outBuffer.view(want).slice();
  cache.values = values;
  return values;
}
