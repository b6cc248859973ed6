/**
 * fourier_entropy: the binned entropy of the power spectral density of x,
 *
 *     binned_entropy(P / max(P), bins),   P = welch(x, nperseg=min(len(x), 256))
 *
 * (see welch.ts and binned-entropy.ts). NaN when P is all zero (a constant series: 0/0).
 *
 * Parameters: bins, the number of histogram bins (an integer >= 1).
 */
import { paramCalculator } from '../../calculator.js';
import { num } from '../../params.js';
import { binnedEntropy } from '../../numeric/binned-entropy.js';
import { seriesWelch } from './welch.js';

export const fourierEntropy = paramCalculator('fourier_entropy', (x, params, ctx) => {
  const bins = num(params.bins);
  if (!Number.isInteger(bins) || bins < 1) throw new Error(`fourier_entropy: bins must be an integer >= 1, got ${String(params.bins)}`);
  if (x.length === 0) return Number.NaN;
  const normalised = ctx.memo('fourier_entropy_normalised_welch', () => {
    const pxx = seriesWelch(ctx);
    let max = -Infinity;
    for (let k = 0; k < pxx.length; k++) if (pxx[k]! > max || Number.isNaN(pxx[k]!)) max = pxx[k]!;
    const out = new Float64Array(pxx.length);
    for (let k = 0; k < pxx.length; k++) out[k] = pxx[k]! / max;
    return out;
  });
  return binnedEntropy(normalised, bins);
});
