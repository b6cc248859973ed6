/** tsfresh's `kurtosis`: pandas' bias-corrected excess kurtosis (`pd.Series.kurt`). */
import { scalarCalculator, type Calculator } from '../../calculator.js';
import { centralMomentSums } from './series-moments.js';
import { zeroOutRoundingNoise } from './skewness.js';

/**
 * `kurtosis`: G2 = n(n+1)(n-1) m4 / ((n-2)(n-3) m2^2) - 3(n-1)^2 / ((n-2)(n-3)) with
 * m_k = sum((x_i - mean)^k), as pandas' `nankurt` computes it: numerator and denominator
 * below 1e-14 in magnitude count as 0; NaN for fewer than 4 values; 0 when the denominator
 * is 0 (a constant series).
 */
export const kurtosis: Calculator = scalarCalculator('kurtosis', (x, ctx) => {
  const n = x.length;
  if (n < 4) return NaN;
  const { m2, m4 } = centralMomentSums(ctx);
  const adjustment = (3 * (n - 1) ** 2) / ((n - 2) * (n - 3));
  const numerator = zeroOutRoundingNoise(n * (n + 1) * (n - 1) * m4);
  const denominator = zeroOutRoundingNoise((n - 2) * (n - 3) * (m2 * m2));
  if (denominator === 0) return 0;
  return numerator / denominator - adjustment;
});
