/**
 * The Aberth–Ehrlich iteration for the roots of a real polynomial
 * (src/features/numeric/polynomial-roots.ts), from the starting circles computed in TypeScript
 * (they need log/exp/cos/sin) to the converged roots.
 *
 * A sweep is Gauss–Seidel style: root k is updated in place before root k+1 is visited. For each
 * z_k: p(z_k) and p'(z_k) by Horner, the Newton ratio w = p/p', S = Σ_{j≠k} 1/(z_k − z_j)
 * (coincident roots skipped), and z_k −= w/(1 − w·S); a root where p = 0 or p' = 0 is left
 * alone. After each sweep the largest relative step |Δz_k| / max(|z_k|, 5e-324) of the moved
 * roots decides convergence (< 4ε); at most 200 sweeps. Finally a root whose imaginary part is
 * at most 1e-14·|z_k| is made real. |·| is V8's Math.hypot to the bit (see `hypot`).
 */
import { get, put } from './f64-memory';
import { hypot } from './hypot';

/** The smallest positive double (JS Number.MIN_VALUE). */
const MIN_VALUE: f64 = 5e-324;
/** The convergence threshold 4ε on the largest relative step of a sweep. */
const STOP: f64 = 4 * 2.220446049250313e-16;
const MAX_SWEEPS: i32 = 200;

/**
 * Iterates the d roots `re`, `im` (the starting points in, the roots out) of Σ coef[c] z^(d−c)
 * (d + 1 coefficients, coef[0] ≠ 0) to convergence; returns the number of sweeps taken.
 */
export function aberthRoots(coef: usize, d: i32, re: usize, im: usize): i32 {
  let sweeps = 0;
  while (sweeps < MAX_SWEEPS) {
    sweeps++;
    let maxStep: f64 = 0;
    for (let k = 0; k < d; k++) {
      const zr = get(re, k);
      const zi = get(im, k);
      let pr = get(coef, 0);
      let pi: f64 = 0;
      let dr: f64 = 0;
      let di: f64 = 0;
      for (let c = 1; c <= d; c++) {
        const ndr = dr * zr - di * zi + pr;
        const ndi = dr * zi + di * zr + pi;
        dr = ndr;
        di = ndi;
        const npr = pr * zr - pi * zi + get(coef, c);
        const npi = pr * zi + pi * zr;
        pr = npr;
        pi = npi;
      }
      if (pr == 0 && pi == 0) continue;
      const dd = dr * dr + di * di;
      if (dd == 0) continue;
      const wr = (pr * dr + pi * di) / dd;
      const wi = (pi * dr - pr * di) / dd;
      let sr: f64 = 0;
      let si: f64 = 0;
      for (let j = 0; j < d; j++) {
        if (j == k) continue;
        const ar = zr - get(re, j);
        const ai = zi - get(im, j);
        const aa = ar * ar + ai * ai;
        if (aa == 0) continue;
        sr += ar / aa;
        si += -ai / aa;
      }
      const br = 1 - (wr * sr - wi * si);
      const bi = -(wr * si + wi * sr);
      const bb = br * br + bi * bi;
      const stepR = (wr * br + wi * bi) / bb;
      const stepI = (wi * br - wr * bi) / bb;
      const nr = zr - stepR;
      const ni = zi - stepI;
      put(re, k, nr);
      put(im, k, ni);
      const rel = hypot(stepR, stepI) / max<f64>(hypot(nr, ni), MIN_VALUE);
      if (rel > maxStep) maxStep = rel;
    }
    if (maxStep < STOP) break;
  }
  for (let k = 0; k < d; k++) {
    const zi = get(im, k);
    if (abs<f64>(zi) <= 1e-14 * hypot(get(re, k), zi)) put(im, k, 0);
  }
  return sweeps;
}
