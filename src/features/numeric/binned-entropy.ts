/**
 * tsfresh's `binned_entropy(x, max_bins)`, the one implementation shared by the
 * `binned_entropy` calculator and `fourier_entropy` (which bins the normalised Welch density):
 *
 *     -sum_{k=0}^{max_bins-1} p_k ln(p_k) * 1[p_k > 0],   p_k = (values in bin k) / len(x)
 *
 * over `np.histogram(x, bins=max_bins)`'s equal-width bins of [min(x), max(x)] (widened to
 * [v - 0.5, v + 0.5] when every value is v; see equal-width-bins.ts), summed in numpy's
 * pairwise order. A series with a NaN gives NaN, as in tsfresh; so does one with an infinity
 * (where numpy would raise on the infinite range). The counting runs in WebAssembly
 * (kernels/stats-equal-width-bins.ts `histogramCounts`) on values already in kernel memory;
 * the logs here.
 */
import { KernelBuffer, kernels } from '../../util/wasm-kernels.js';
import { shannonEntropyOfKernelCounts } from './shannon-entropy.js';

const series = new KernelBuffer();
const binCounts = new KernelBuffer();
const binEdges = new KernelBuffer();

function checkBins(maxBins: number): void {
  if (!Number.isInteger(maxBins) || maxBins < 1) {
    throw new RangeError(`binned_entropy: max_bins must be a positive integer, got ${maxBins}`);
  }
}

/** The binned entropy of `x` with `maxBins` equal-width bins (see the file comment). */
export function binnedEntropy(x: Float64Array, maxBins: number): number {
  checkBins(maxBins);
  return binnedEntropyInKernel(series.copyIn(x), x.length, maxBins);
}

/**
 * {@link binnedEntropy} of the `n` float64s at kernel pointer `x` (e.g. a series or a density
 * a kernel left there): no copy.
 */
export function binnedEntropyInKernel(x: number, n: number, maxBins: number): number {
  checkBins(maxBins);
  const counts = binCounts.pointer(2 * maxBins); // 4 * maxBins i32s of work
  if (kernels().fn.histogramCounts(x, n, maxBins, counts, binEdges.pointer(maxBins + 1)) < 0) return Number.NaN;
  return shannonEntropyOfKernelCounts(counts, maxBins, n);
}

/**
 * {@link binnedEntropyInKernel} of `n` (>= 1) finite float64s at kernel pointer `x` whose
 * histogram range [first, last] the `histogramRange` kernel gave: several bin counts of one
 * array find the range once.
 */
export function binnedEntropyInRange(x: number, n: number, maxBins: number, first: number, last: number): number {
  checkBins(maxBins);
  const counts = binCounts.pointer(2 * maxBins);
  kernels().fn.histogramCountsInRange(x, n, maxBins, first, last, counts, binEdges.pointer(maxBins + 1));
  return shannonEntropyOfKernelCounts(counts, maxBins, n);
}
