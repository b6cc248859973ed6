/**
 * Distribution functions used by tsfresh's statistics (via scipy): the standard normal CDF
 * (`scipy.stats.norm.cdf`) and Student's t CDF (`scipy.special.stdtr`).
 */
import { erfc, regularizedIncompleteBeta } from './special-functions.js';

/** Φ(x) = ½ erfc(−x/√2), accurate in relative terms in the lower tail. */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}

/**
 * Student's t CDF with `df` degrees of freedom: for t < 0, ½ I_{ν/(ν+t²)}(ν/2, ½); for t > 0,
 * 1 − that at −t (A&S 26.7.1 via 26.5.27). NaN for df <= 0 or NaN input.
 */
export function studentTCdf(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return NaN;
  if (t === 0) return 0.5;
  if (!Number.isFinite(t)) return t > 0 ? 1 : 0;
  const t2 = t * t;
  const denom = df + t2;
  const lower = 0.5 * regularizedIncompleteBeta(df / denom, df / 2, 0.5, t2 / denom);
  return t < 0 ? lower : 1 - lower;
}
