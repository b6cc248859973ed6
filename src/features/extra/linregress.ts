/**
 * Least-squares line y = intercept + slope x with scipy.stats.linregress's outputs and edge
 * cases (scipy of tsfresh 0.20.3's time): with population moments
 * ssxm = cov(x, x), ssxym = cov(x, y), ssym = cov(y, y):
 *   slope = ssxym / ssxm (NaN when every x is equal), intercept = mean(y) - slope mean(x),
 *   rvalue = ssxym / sqrt(ssxm ssym), 0 when that denominator is 0, clipped to [-1, 1];
 *   n = 2: pvalue 1 if y0 = y1 else 0, stderr 0;
 *   otherwise df = n - 2, t = r sqrt(df / ((1 - r + 1e-20)(1 + r + 1e-20))),
 *   pvalue = 2 P(T_df > |t|), stderr = sqrt((1 - r^2) ssym / ssxm / df).
 */
import { regularizedIncompleteBeta } from '../numeric/special-functions.js';

export interface LinregressResult {
  slope: number;
  intercept: number;
  rvalue: number;
  pvalue: number;
  stderr: number;
}

export function linregress(x: ArrayLike<number>, y: ArrayLike<number>): LinregressResult {
  const n = x.length;
  let xm = 0;
  let ym = 0;
  for (let i = 0; i < n; i++) {
    xm += x[i]!;
    ym += y[i]!;
  }
  xm /= n;
  ym /= n;
  let ssxm = 0;
  let ssxym = 0;
  let ssym = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - xm;
    const dy = y[i]! - ym;
    ssxm += dx * dx;
    ssxym += dx * dy;
    ssym += dy * dy;
  }
  ssxm /= n;
  ssxym /= n;
  ssym /= n;
  const rDen = Math.sqrt(ssxm * ssym);
  let r = rDen === 0 ? 0 : ssxym / rDen;
  r = Math.min(1, Math.max(-1, r));
  const slope = ssxym / ssxm;
  const intercept = ym - slope * xm;
  if (n === 2) return { slope, intercept, rvalue: r, pvalue: y[0] === y[1] ? 1 : 0, stderr: 0 };
  const df = n - 2;
  if (df <= 0) return { slope, intercept, rvalue: r, pvalue: Number.NaN, stderr: Number.NaN };
  const tiny = 1e-20;
  const t = r * Math.sqrt(df / ((1 - r + tiny) * (1 + r + tiny)));
  const pvalue = studentTwoSided(Math.abs(t), df);
  const stderr = Math.sqrt(((1 - r * r) * ssym) / ssxm / df);
  return { slope, intercept, rvalue: r, pvalue, stderr };
}

/** 2 P(T > t) for Student's t with `df` degrees of freedom: I_{df / (df + t^2)}(df / 2, 1 / 2). */
export function studentTwoSided(t: number, df: number): number {
  if (Number.isNaN(t)) return Number.NaN;
  if (!Number.isFinite(t)) return 0;
  const t2 = t * t;
  return regularizedIncompleteBeta(df / (df + t2), df / 2, 0.5, t2 / (df + t2));
}
