/**
 * fourier_entropy: the binned entropy of the power spectral density of x,
 *
 *     binned_entropy(P / max(P), bins),   P = welch(x, nperseg=min(len(x), 256))
 *
 * (see welch.ts and binned-entropy.ts). NaN when P is all zero (a constant series: 0/0).
 * The density stays in kernel memory: normalised there (kernels/spectral-welch.ts
 * `divideByMax`) and its histogram range found there once per series (`histogramRange`),
 * then binned there once per bin count.
 *
 * Parameters: bins, the number of histogram bins (an integer >= 1).
 */
import type { SeriesContext } from '../../calculator.js';
import { paramCalculator } from '../../calculator.js';
import { num } from '../../params.js';
import { binnedEntropyInRange } from '../../numeric/binned-entropy.js';
import { KernelBuffer, kernels } from '../../../util/wasm-kernels.js';
import { seriesWelchLength, seriesWelchPointer } from './welch.js';

const normalised = new KernelBuffer();
/** The context whose normalised density `normalised` holds. */
let normalisedOwner: SeriesContext | null = null;
/** The normalised density's histogram range [first, last] (NaN when a value is not finite). */
const rangeBuffer = new KernelBuffer();
let rangeFirst = Number.NaN;
let rangeLast = Number.NaN;

export const fourierEntropy = paramCalculator('fourier_entropy', (x, params, ctx) => {
  const bins = num(params.bins);
  if (!Number.isInteger(bins) || bins < 1) throw new Error(`fourier_entropy: bins must be an integer >= 1, got ${String(params.bins)}`);
  if (x.length === 0) return Number.NaN;
  const length = seriesWelchLength(ctx);
  if (normalisedOwner !== ctx) {
    const k = kernels();
    k.fn.divideByMax(seriesWelchPointer(ctx), length, normalised.pointer(length));
    const range = rangeBuffer.pointer(2);
    if (k.fn.histogramRange(normalised.pointer(length), length, range) < 0) rangeFirst = rangeLast = Number.NaN;
    else {
      const found = rangeBuffer.view(2);
      rangeFirst = found[0]!;
      rangeLast = found[1]!;
    }
    normalisedOwner = ctx;
  }
  if (Number.isNaN(rangeFirst)) return Number.NaN;
  return binnedEntropyInRange(normalised.pointer(length), length, bins, rangeFirst, rangeLast);
});
