/**
 * tsfresh's `binned_entropy(x, max_bins)`, the one implementation shared by the
 * `binned_entropy` calculator and `fourier_entropy` (which bins the normalised Welch density):
 *
 *     -sum_{k=0}^{max_bins-1} p_k ln(p_k) * 1[p_k > 0],   p_k = (values in bin k) / len(x)
 *
 * over `np.histogram(x, bins=max_bins)`'s equal-width bins of [min(x), max(x)] (widened to
 * [v - 0.5, v + 0.5] when every value is v; see equal-width-bins.ts), summed in numpy's
 * pairwise order. A series with a NaN gives NaN, as in tsfresh; so does one with an infinity
 * (where numpy would raise on the infinite range).
 */
import { histogramInto } from './equal-width-bins.js';
import { shannonEntropy } from './shannon-entropy.js';

let counts = new Int32Array(16);
let edges = new Float64Array(17);

/** The binned entropy of `x` with `maxBins` equal-width bins (see the file comment). */
export function binnedEntropy(x: Float64Array, maxBins: number): number {
  if (!Number.isInteger(maxBins) || maxBins < 1) {
    throw new RangeError(`binned_entropy: max_bins must be a positive integer, got ${maxBins}`);
  }
  if (counts.length < maxBins) {
    counts = new Int32Array(maxBins);
    edges = new Float64Array(maxBins + 1);
  }
  if (!histogramInto(x, maxBins, counts, edges)) return Number.NaN;
  return shannonEntropy(counts, maxBins, x.length);
}
