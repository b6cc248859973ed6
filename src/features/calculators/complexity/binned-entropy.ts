/**
 * tsfresh `binned_entropy(x, max_bins)`: the entropy of x's `np.histogram` with `max_bins`
 * equal-width bins (numeric/binned-entropy.ts holds the definition, shared with
 * fourier_entropy):
 *
 *     -sum_{k=0}^{max_bins-1} p_k ln(p_k) * 1[p_k > 0],   p_k = (values in bin k) / len(x)
 *
 * Parameters: `max_bins` (int >= 1; tsfresh uses 10). A constant series puts everything in
 * one bin and gives 0; a series containing NaN (or an infinity) gives NaN.
 */
import { requireParams, type Calculator } from '../../calculator.js';
import { binnedEntropy } from '../../numeric/binned-entropy.js';
import { formatParamSet, num } from '../../params.js';

/** The binned_entropy calculator (one value per `max_bins` parameter set). */
export const binnedEntropyCalculator: Calculator = {
  name: 'binned_entropy',
  outputs: (params) => requireParams('binned_entropy', params).map(formatParamSet),
  compute(ctx, params, out, offset) {
    const list = requireParams('binned_entropy', params);
    for (let i = 0; i < list.length; i++) out[offset + i] = binnedEntropy(ctx.x, num(list[i]!['max_bins']));
  },
};
