/**
 * tsfresh `binned_entropy(x, max_bins)`.
 *
 * Bins x into `max_bins` equal-width bins over [min(x), max(x)] (numpy's `np.histogram`
 * edges and edge rules) and returns
 *
 *     -sum_{k=0}^{max_bins-1} p_k ln(p_k) * 1[p_k > 0],   p_k = (values in bin k) / len(x)
 *
 * Parameters: `max_bins` (int >= 1; tsfresh uses 10). A constant series puts everything in
 * one bin (numpy widens the range to [v - 0.5, v + 0.5]) and gives 0; a series containing
 * NaN gives NaN, as in tsfresh (and so does one with an infinity, where numpy would raise).
 */
import { requireParams, type Calculator } from '../../calculator.js';
import { formatParamSet, num } from '../../params.js';
import { histogramCounts } from './equal-width-bins.js';
import { allFinite } from './numpy-reductions.js';
import { shannonEntropy } from './shannon-entropy.js';

let counts = new Int32Array(16);
let edges = new Float64Array(17);

/** The binned entropy of `x` with `maxBins` equal-width bins (see the file comment). */
export function binnedEntropy(x: Float64Array, maxBins: number): number {
  if (!Number.isInteger(maxBins) || maxBins < 1) {
    throw new RangeError(`binned_entropy: max_bins must be a positive integer, got ${maxBins}`);
  }
  if (!allFinite(x)) return Number.NaN; // tsfresh: NaN; numpy refuses infinite ranges
  if (counts.length < maxBins) {
    counts = new Int32Array(maxBins);
    edges = new Float64Array(maxBins + 1);
  }
  histogramCounts(x, maxBins, counts, edges);
  return shannonEntropy(counts, maxBins, x.length);
}

export const binnedEntropyCalculator: Calculator = {
  name: 'binned_entropy',
  outputs: (params) => requireParams('binned_entropy', params).map(formatParamSet),
  compute(ctx, params, out, offset) {
    const list = requireParams('binned_entropy', params);
    for (let i = 0; i < list.length; i++) out[offset + i] = binnedEntropy(ctx.x, num(list[i]!['max_bins']));
  },
};
