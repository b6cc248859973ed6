/**
 * The complex roots of a real polynomial, `np.roots` style: coefficients highest power first;
 * leading zeros are dropped, trailing zeros become roots at 0. Degrees 1 and 2 are solved in
 * closed form (the quadratic with the cancellation-free formula); higher degrees by the
 * Aberth–Ehrlich simultaneous iteration started on circles from the Newton polygon of the
 * coefficient magnitudes (Bini 1996), which copes with roots of very different sizes.
 */

export interface Roots {
  readonly re: Float64Array;
  readonly im: Float64Array;
}

/** All roots of Σ p[k] x^(d−k). Throws on NaN/infinite coefficients (numpy: LinAlgError). */
export function polynomialRoots(p: ArrayLike<number>): Roots {
  for (let i = 0; i < p.length; i++) {
    if (!Number.isFinite(p[i]!)) throw new RangeError('polynomial coefficients must be finite');
  }
  let first = 0;
  while (first < p.length && p[first] === 0) first++;
  if (first === p.length) return { re: new Float64Array(0), im: new Float64Array(0) };
  let last = p.length - 1;
  while (p[last] === 0) last--;
  const trailingZeros = p.length - 1 - last;
  const coef = Array.from({ length: last - first + 1 }, (_, i) => p[first + i]!);
  const d = coef.length - 1;
  const re = new Float64Array(d + trailingZeros);
  const im = new Float64Array(d + trailingZeros);
  if (d === 1) re[0] = -coef[1]! / coef[0]!;
  else if (d === 2) quadraticRoots(coef[0]!, coef[1]!, coef[2]!, re, im);
  else if (d > 2) aberth(coef, re, im);
  return { re, im };
}

function quadraticRoots(a: number, b: number, c: number, re: Float64Array, im: Float64Array): void {
  const disc = b * b - 4 * a * c;
  if (disc >= 0) {
    const q = -0.5 * (b + (b >= 0 ? 1 : -1) * Math.sqrt(disc));
    re[0] = q / a;
    re[1] = q === 0 ? 0 : c / q;
  } else {
    re[0] = re[1] = -b / (2 * a);
    im[0] = Math.sqrt(-disc) / (2 * a);
    im[1] = -im[0]!;
  }
}

function aberth(coef: number[], re: Float64Array, im: Float64Array): void {
  const d = coef.length - 1;
  // Newton polygon of (k, log|a_k|), a_k the coefficient of x^k: upper convex hull.
  const logs = Array.from({ length: d + 1 }, (_, k) => {
    const a = Math.abs(coef[d - k]!);
    return a > 0 ? Math.log(a) : -Infinity;
  });
  const hull: number[] = [];
  for (let k = 0; k <= d; k++) {
    if (logs[k] === -Infinity) continue;
    while (hull.length >= 2) {
      const i = hull[hull.length - 2]!;
      const j = hull[hull.length - 1]!;
      // drop j if it lies on or below the segment i..k
      if ((logs[j]! - logs[i]!) * (k - i) <= (logs[k]! - logs[i]!) * (j - i)) hull.pop();
      else break;
    }
    hull.push(k);
  }
  let idx = 0;
  for (let h = 0; h + 1 < hull.length; h++) {
    const i = hull[h]!;
    const j = hull[h + 1]!;
    const radius = Math.exp((logs[i]! - logs[j]!) / (j - i));
    const count = j - i;
    for (let s = 0; s < count; s++) {
      const angle = (2 * Math.PI * s) / count + (2 * Math.PI * h) / d + 0.4;
      re[idx] = radius * Math.cos(angle);
      im[idx] = radius * Math.sin(angle);
      idx++;
    }
  }
  for (let iter = 0; iter < 200; iter++) {
    let maxStep = 0;
    for (let k = 0; k < d; k++) {
      const zr = re[k]!;
      const zi = im[k]!;
      // Horner for p(z) and p'(z)
      let pr = coef[0]!;
      let pi = 0;
      let dr = 0;
      let di = 0;
      for (let c = 1; c <= d; c++) {
        const ndr = dr * zr - di * zi + pr;
        const ndi = dr * zi + di * zr + pi;
        dr = ndr;
        di = ndi;
        const npr = pr * zr - pi * zi + coef[c]!;
        const npi = pr * zi + pi * zr;
        pr = npr;
        pi = npi;
      }
      if (pr === 0 && pi === 0) continue;
      // Newton ratio w = p / p'
      const dd = dr * dr + di * di;
      if (dd === 0) continue;
      const wr = (pr * dr + pi * di) / dd;
      const wi = (pi * dr - pr * di) / dd;
      // Σ_{j≠k} 1/(z_k − z_j)
      let sr = 0;
      let si = 0;
      for (let j = 0; j < d; j++) {
        if (j === k) continue;
        const ar = zr - re[j]!;
        const ai = zi - im[j]!;
        const aa = ar * ar + ai * ai;
        if (aa === 0) continue;
        sr += ar / aa;
        si += -ai / aa;
      }
      // step = w / (1 − w·S)
      const br = 1 - (wr * sr - wi * si);
      const bi = -(wr * si + wi * sr);
      const bb = br * br + bi * bi;
      const stepR = (wr * br + wi * bi) / bb;
      const stepI = (wi * br - wr * bi) / bb;
      re[k] = zr - stepR;
      im[k] = zi - stepI;
      const rel = Math.hypot(stepR, stepI) / Math.max(Math.hypot(re[k]!, im[k]!), Number.MIN_VALUE);
      if (rel > maxStep) maxStep = rel;
    }
    if (maxStep < 4 * Number.EPSILON) break;
  }
  // Real polynomial: roots with a negligible imaginary part are real.
  for (let k = 0; k < d; k++) {
    if (Math.abs(im[k]!) <= 1e-14 * Math.hypot(re[k]!, im[k]!)) im[k] = 0;
  }
}
