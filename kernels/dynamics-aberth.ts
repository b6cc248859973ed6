/**
 * One sweep of the Aberth–Ehrlich iteration for the roots of a real polynomial
 * (src/features/numeric/polynomial-roots.ts), Gauss–Seidel style: root k is updated in place
 * before root k+1 is visited. For each z_k: p(z_k) and p'(z_k) by Horner, the Newton ratio
 * w = p/p', S = Σ_{j≠k} 1/(z_k − z_j) (coincident roots skipped), and z_k −= w/(1 − w·S); a root
 * where p = 0 or p' = 0 is left alone. The convergence measure (hypot) stays in TypeScript.
 */

@inline function get(p: usize, i: i32): f64 {
  return load<f64>(p + (<usize>i << 3));
}

@inline function put(p: usize, i: i32, v: f64): void {
  store<f64>(p + (<usize>i << 3), v);
}

/**
 * Updates the d roots `re`, `im` of Σ coef[c] z^(d−c) once; `steps` receives per root
 * [moved (1 or 0), step re, step im].
 */
export function aberthSweep(coef: usize, d: i32, re: usize, im: usize, steps: usize): void {
  for (let k = 0; k < d; k++) {
    put(steps, 3 * k, 0);
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
    put(re, k, zr - stepR);
    put(im, k, zi - stepI);
    put(steps, 3 * k, 1);
    put(steps, 3 * k + 1, stepR);
    put(steps, 3 * k + 2, stepI);
  }
}
