/** tsfresh's `skewness`: pandas' bias-corrected sample skewness (`pd.Series.skew`). */
import { scalarCalculator, type Calculator } from '../../calculator.js';
import { centralMomentSums } from './series-moments.js';

/**
 * pandas' `_zero_out_fperr`: sums whose magnitude is below 1e-14 are taken as exactly 0, so
 * a constant series gets skewness and kurtosis 0 rather than rounding noise.
 */
export function zeroOutRoundingNoise(value: number): number {
  return Math.abs(value) < 1e-14 ? 0 : value;
}

/**
 * `skewness`: G1 = n * sqrt(n - 1) / (n - 2) * m3 / m2^1.5 with m_k = sum((x_i - mean)^k),
 * as pandas' `nanskew` computes it: NaN for fewer than 3 values, 0 when m2 is (after the
 * 1e-14 rounding cut) 0.
 */
export const skewness: Calculator = scalarCalculator('skewness', (x, ctx) => {
  const n = x.length;
  if (n < 3) return NaN;
  const sums = centralMomentSums(ctx);
  const m2 = zeroOutRoundingNoise(sums.m2);
  const m3 = zeroOutRoundingNoise(sums.m3);
  if (m2 === 0) return 0;
  return ((n * Math.pow(n - 1, 0.5)) / (n - 2)) * (m3 / Math.pow(m2, 1.5));
});
