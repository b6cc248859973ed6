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
  return regularizedBeta(df / (df + t * t), df / 2, 0.5);
}

/** The regularized incomplete beta I_x(a, b) by its continued fraction (modified Lentz). */
function regularizedBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const logFront = a * Math.log(x) + b * Math.log(1 - x) - logBeta(a, b);
  if (x > (a + 1) / (a + b + 2)) return 1 - Math.exp(b * Math.log(1 - x) + a * Math.log(x) - logBeta(a, b)) * betaFraction(1 - x, b, a) / b;
  return (Math.exp(logFront) * betaFraction(x, a, b)) / a;
}

function betaFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m < 10000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return h;
}

function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

/** ln Gamma(z) for z > 0 (Lanczos, g = 7, n = 9). */
function logGamma(z: number): number {
  const coef = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
    -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (z < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * z))) - logGamma(1 - z);
  z -= 1;
  let sum = coef[0]!;
  for (let i = 1; i < 9; i++) sum += coef[i]! / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}
