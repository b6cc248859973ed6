/**
 * tsfresh `partial_autocorrelation(x, lag)`: the partial autocorrelation α_k — the correlation
 * of x_t and x_{t−k} once the linear influence of x_{t−1}, ..., x_{t−k+1} is removed — from
 * statsmodels' `pacf(x, method="ld", nlags)`: the Levinson–Durbin recursion on the adjusted
 * autocovariances γ (autocovariance.ts),
 *
 *   φ_11 = γ1/γ0,  v_1 = γ0 − φ_11 γ1
 *   φ_kk = (γk − Σ_{j<k} φ_{j,k−1} γ_{k−j}) / v_{k−1},  φ_jk = φ_{j,k−1} − φ_kk φ_{k−j,k−1},
 *   v_k = v_{k−1}(1 − φ_kk²),   α_0 = 1, α_k = φ_kk.
 *
 * statsmodels only allows nlags < n/2, so tsfresh computes up to min(max lag asked, n//2 − 1)
 * and gives NaN beyond; with n ≤ 3 (nothing computable) or n ≤ 1 every lag, lag 0 included,
 * is NaN. A constant series gives α_0 = 1 and NaN after (0/0). Parameter: `lag` (int ≥ 0).
 */
import { parameterMemoKeys, type SeriesContext } from '../../calculator.js';
import { combinerCalculator } from './combiner.js';
import { num } from '../../params.js';
import { adjustedAutocovariance } from './autocovariance.js';

/** α_0..α_maxLag by Levinson–Durbin (NaN-filled where statsmodels would not compute). */
export function levinsonDurbinPacf(acov: ArrayLike<number>, nlags: number): Float64Array {
  const pacf = new Float64Array(nlags + 1);
  pacf[0] = 1;
  if (nlags < 1) return pacf;
  let phiPrev = new Float64Array(nlags + 1);
  let phi = new Float64Array(nlags + 1);
  phiPrev[1] = acov[1]! / acov[0]!;
  let v = acov[0]! - phiPrev[1]! * acov[1]!;
  pacf[1] = phiPrev[1]!;
  for (let k = 2; k <= nlags; k++) {
    let s = 0;
    for (let j = 1; j < k; j++) s += phiPrev[j]! * acov[k - j]!;
    const phiKK = (acov[k]! - s) / v;
    for (let j = 1; j < k; j++) phi[j] = phiPrev[j]! - phiKK * phiPrev[k - j]!;
    phi[k] = phiKK;
    v = v * (1 - phiKK * phiKK);
    pacf[k] = phiKK;
    const swap = phiPrev;
    phiPrev = phi;
    phi = swap;
  }
  return pacf;
}

const pacfKey = parameterMemoKeys('dynamics.pacf');

function pacfUpTo(ctx: SeriesContext, maxLag: number): Float64Array {
  return ctx.memo(pacfKey(maxLag), () => {
    const n = ctx.x.length;
    const out = new Float64Array(maxLag + 1).fill(NaN);
    if (n <= 1) return out;
    const nlags = maxLag >= Math.floor(n / 2) ? Math.floor(n / 2) - 1 : maxLag;
    if (nlags <= 0) return out;
    const pacf = levinsonDurbinPacf(adjustedAutocovariance(ctx, Math.max(nlags, 9)), nlags);
    out.set(pacf);
    return out;
  });
}

export const partialAutocorrelation = combinerCalculator('partial_autocorrelation', (ctx, params, out, offset) => {
  let maxLag = 0;
  for (const p of params) {
    const lag = num(p.lag);
    if (!Number.isInteger(lag) || lag < 0) throw new RangeError(`partial_autocorrelation: lag must be an integer >= 0, got ${lag}`);
    maxLag = Math.max(maxLag, lag);
  }
  const pacf = pacfUpTo(ctx, maxLag);
  for (let i = 0; i < params.length; i++) out[offset + i] = pacf[num(params[i]!.lag)]!;
});
