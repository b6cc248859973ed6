/**
 * fft_aggregated: the spectral centroid (mean), variance, skew and kurtosis of the absolute
 * Fourier spectrum y_k = |rfft(x)_k|, k = 0 .. K-1, seen as a distribution over k:
 *
 *     m_p      = sum_k k^p y_k / sum_k y_k            (non-centred moment p)
 *     centroid = m_1
 *     variance = m_2 - m_1^2
 *     skew     = (m_3 - 3 m_1 variance - m_1^3) / variance^1.5
 *     kurtosis = (m_4 - 4 m_1 m_3 + 6 m_2 m_1^2 - 3 m_1) / variance^2
 *
 * Skew and kurtosis are NaN when the variance is below 0.5 (tsfresh: "in the discrete limit
 * the skew blows up as variance -> 0"). The kurtosis keeps tsfresh 0.20.3's formula exactly,
 * including its last term `- 3 m_1` (the textbook Pearson kurtosis has `- 3 m_1^4`): the
 * names are a contract and the values must match tsfresh's.
 *
 * Parameters: aggtype, one of "centroid", "variance", "skew", "kurtosis".
 */
import type { Calculator } from '../../calculator.js';
import { requireParams } from '../../calculator.js';
import { formatParamSet, type ParamSet } from '../../params.js';
import { KernelBuffer, kernels } from '../../../util/wasm-kernels.js';
import { rfftLength, seriesSpectrumPointer } from './series-rfft.js';

const AGGTYPES = new Set(['centroid', 'variance', 'skew', 'kurtosis']);

function checkParams(list: readonly ParamSet[]): void {
  for (const p of list) {
    if (typeof p.aggtype !== 'string' || !AGGTYPES.has(p.aggtype)) {
      throw new Error(`fft_aggregated: aggtype must be "centroid", "variance", "skew" or "kurtosis", got ${JSON.stringify(p.aggtype)}`);
    }
  }
}

/** The four aggregates. */
interface SpectrumMoments {
  readonly centroid: number;
  readonly variance: number;
  readonly skew: number;
  readonly kurtosis: number;
}

const absolute = new KernelBuffer();
const sums = new KernelBuffer();

/**
 * The four tsfresh aggregates of y_k = |X_k| for the K-term spectrum at kernel pointer
 * `spectrum` (K real parts, then K imaginary parts): |X_k| (V8's hypot), sum_k y_k (pairwise)
 * and sum_k k^p y_k (p = 1..4, in order) in WebAssembly (kernels/spectral-spectrum-terms.ts),
 * the moments from them here.
 */
export function spectrumMoments(spectrum: number, K: number): SpectrumMoments {
  const out = sums.pointer(5);
  kernels().fn.spectrumMomentSums(spectrum, spectrum + 8 * K, K, absolute.pointer(K), out);
  const memory = kernels().f64;
  const at = out / 8;
  const total = memory[at]!;
  const m1 = memory[at + 1]! / total, m2 = memory[at + 2]! / total, m3 = memory[at + 3]! / total, m4 = memory[at + 4]! / total;
  const variance = m2 - m1 ** 2;
  const small = variance < 0.5;
  const skew = small ? Number.NaN : (m3 - 3 * m1 * variance - m1 ** 3) / variance ** 1.5;
  const kurtosis = small ? Number.NaN : (m4 - 4 * m1 * m3 + 6 * m2 * m1 ** 2 - 3 * m1) / variance ** 2;
  return { centroid: m1, variance, skew, kurtosis };
}

export const fftAggregated: Calculator = {
  name: 'fft_aggregated',
  outputs(params) {
    const list = requireParams('fft_aggregated', params);
    checkParams(list);
    return list.map(formatParamSet);
  },
  compute(ctx, params, out, offset) {
    const list = requireParams('fft_aggregated', params);
    checkParams(list);
    if (ctx.x.length === 0) {
      out.fill(Number.NaN, offset, offset + list.length);
      return;
    }
    const moments = ctx.memo('fft_aggregated', () => spectrumMoments(seriesSpectrumPointer(ctx), rfftLength(ctx.x.length)));
    for (let i = 0; i < list.length; i++) {
      out[offset + i] = moments[list[i]!.aggtype as keyof typeof moments];
    }
  },
};
