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
import { hypot } from '../../numeric/hypot.js';
import type { Calculator } from '../../calculator.js';
import { requireParams } from '../../calculator.js';
import { formatParamSet, type ParamSet } from '../../params.js';
import { seriesRfft } from './series-rfft.js';
import { pairwiseSum } from '../../numeric/pairwise-sum.js';

const AGGTYPES = new Set(['centroid', 'variance', 'skew', 'kurtosis']);

function checkParams(list: readonly ParamSet[]): void {
  for (const p of list) {
    if (typeof p.aggtype !== 'string' || !AGGTYPES.has(p.aggtype)) {
      throw new Error(`fft_aggregated: aggtype must be "centroid", "variance", "skew" or "kurtosis", got ${JSON.stringify(p.aggtype)}`);
    }
  }
}

/** The four tsfresh aggregates of a non-negative spectrum `y` (index = frequency bin). */
export function spectrumMoments(y: Float64Array): { centroid: number; variance: number; skew: number; kurtosis: number } {
  const total = pairwiseSum(y);
  let d1 = 0, d2 = 0, d3 = 0, d4 = 0;
  for (let k = 0; k < y.length; k++) {
    const v = y[k]!;
    const k2 = k * k;
    d1 += v * k;
    d2 += v * k2;
    d3 += v * (k2 * k);
    d4 += v * (k2 * k2);
  }
  const m1 = d1 / total, m2 = d2 / total, m3 = d3 / total, m4 = d4 / total;
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
    const moments = ctx.memo('fft_aggregated', () => {
      const { re, im } = seriesRfft(ctx);
      const y = new Float64Array(re.length);
      for (let k = 0; k < y.length; k++) y[k] = hypot(re[k]!, im[k]!);
      return spectrumMoments(y);
    });
    for (let i = 0; i < list.length; i++) {
      out[offset + i] = moments[list[i]!.aggtype as keyof typeof moments];
    }
  },
};
