/**
 * tsfresh `autocorrelation(x, lag)`: the autocorrelation at one lag,
 *
 *   R(l) = 1 / ((n − l) σ²) · Σ_{t=1}^{n−l} (x_t − μ)(x_{t+l} − μ)
 *
 * with μ the mean and σ² the population variance of the whole series. NaN when n < l, when
 * n = l (an empty sum over zero terms: tsfresh divides 0 by 0) and when σ² is close to zero
 * (`np.isclose(σ², 0)`, i.e. σ² ≤ 1e-8). Parameter: `lag` (int ≥ 0).
 */
import { paramCalculator } from '../../calculator.js';
import { num } from '../../params.js';
import { adjustedAutocovariance, seriesVariance } from './autocovariance.js';

export const autocorrelation = paramCalculator('autocorrelation', (x, params, ctx) => {
  const lag = num(params.lag);
  if (!Number.isInteger(lag) || lag < 0) throw new RangeError(`autocorrelation: lag must be an integer >= 0, got ${lag}`);
  const n = x.length;
  if (n < lag || n === lag) return NaN;
  const variance = seriesVariance(ctx);
  if (Math.abs(variance) <= 1e-8) return NaN;
  // Σ (x_t − μ)(x_{t+l} − μ) / (n − l) is the adjusted autocovariance γ(l).
  return adjustedAutocovariance(ctx, Math.max(lag, 9))[lag]! / variance;
});
