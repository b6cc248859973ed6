/**
 * MacKinnon's approximate asymptotic p-value of a Dickey–Fuller τ statistic, for the regression
 * with a constant and one I(1) series (statsmodels `mackinnonp(stat, regression="c", N=1)`):
 *
 *   p = 1 for τ > 2.74,  p = 0 for τ < −18.83,
 *   p = Φ(2.1659 + 1.4412 τ + 0.038269 τ²)                       for τ ≤ −1.61,
 *   p = Φ(1.7339 + 0.93202 τ − 0.12745 τ² − 0.010368 τ³)        otherwise.
 *
 * The coefficients are data, from J. G. MacKinnon (1994), "Approximate asymptotic distribution
 * functions for unit-root and cointegration tests", Journal of Business & Economic Statistics
 * 12(2), 167–176, Table 3 (τ_c, N = 1), as tabulated in statsmodels/tsa/adfvalues.py.
 */
import { normalCdf } from '../../numeric/distributions.js';

const TAU_MAX = 2.74;
const TAU_MIN = -18.83;
const TAU_STAR = -1.61;
const SMALL_P = [2.1659, 1.4412, 3.8269e-2] as const;
const LARGE_P = [1.7339, 9.3202e-1, -1.2745e-1, -1.0368e-2] as const;

/** MacKinnon (1994) p-value of τ (NaN stays NaN). */
export function mackinnonPValue(tau: number): number {
  if (tau > TAU_MAX) return 1;
  if (tau < TAU_MIN) return 0;
  const c = tau <= TAU_STAR ? SMALL_P : LARGE_P;
  let acc = 0;
  for (let i = c.length - 1; i >= 0; i--) acc = acc * tau + c[i]!;
  return normalCdf(acc);
}
