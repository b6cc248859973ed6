/**
 * fourier_entropy: the binned entropy of the power spectral density of x,
 *
 *     binned_entropy(P / max(P), bins),   P = welch(x, nperseg=min(len(x), 256))
 *
 * (see welch.ts and binned-entropy.ts). NaN when P is all zero (a constant series: 0/0).
 * The density stays in kernel memory: normalised there (kernels/spectral-welch.ts
 * `divideByMax`) and binned there, once per series and bin count.
 *
 * Parameters: bins, the number of histogram bins (an integer >= 1).
 */
import type { SeriesContext } from '../../calculator.js';
import { paramCalculator } from '../../calculator.js';
import { num } from '../../params.js';
import { binnedEntropyInKernel } from '../../numeric/binned-entropy.js';
import { KernelBuffer, kernels } from '../../../util/wasm-kernels.js';
import { seriesWelchLength, seriesWelchPointer } from './welch.js';

const normalised = new KernelBuffer();
/** The context whose normalised density `normalised` holds. */
let normalisedOwner: SeriesContext | null = null;

export const fourierEntropy = paramCalculator('fourier_entropy', (x, params, ctx) => {
  const bins = num(params.bins);
  if (!Number.isInteger(bins) || bins < 1) throw new Error(`fourier_entropy: bins must be an integer >= 1, got ${String(params.bins)}`);
  if (x.length === 0) return Number.NaN;
  const length = seriesWelchLength(ctx);
  if (normalisedOwner !== ctx) {
    kernels().fn.divideByMax(seriesWelchPointer(ctx), length, normalised.pointer(length));
    normalisedOwner = ctx;
  }
  return binnedEntropyInKernel(normalised.pointer(length), length, bins);
});
