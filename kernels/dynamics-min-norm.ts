/**
 * Minimum-norm least squares by one-sided Jacobi SVD (src/features/numeric/jacobi-svd.ts) and
 * np.polyfit on top of it (src/features/numeric/polyfit.ts), every operation in those modules'
 * order. Matrices are column-major: column j of an m-row matrix at a + 8·j·m.
 */
import { get, put } from './f64-memory';

/**
 * x (n values) = Σ_{σ_j > rcond·σ_max} v_j (u_jᵀ b) / σ_j² of the m×n matrix at `u`
 * (overwritten by the rotated columns): sweeps of plane rotations of column pairs (p < q in
 * order) until none is needed (|u_pᵀu_q| ≤ 1e-15·‖u_p‖‖u_q‖) or 80 sweeps; `v` (n×n) receives
 * the accumulated rotations, `sigma` (n) the column norms. Returns the rank kept.
 */
export function minNormSolve(u: usize, m: i32, n: i32, b: usize, rcond: f64, v: usize, sigma: usize, x: usize): i32 {
  memory.fill(v, 0, <usize>(n * n) << 3);
  for (let j = 0; j < n; j++) put(v, j * n + j, 1);
  for (let sweep = 0; sweep < 80; sweep++) {
    let rotated = false;
    for (let p = 0; p < n - 1; p++) {
      const up = u + (<usize>(p * m) << 3);
      for (let q = p + 1; q < n; q++) {
        const uq = u + (<usize>(q * m) << 3);
        let alpha: f64 = 0;
        let beta: f64 = 0;
        let gamma: f64 = 0;
        for (let i = 0; i < m; i++) {
          const a = get(up, i);
          const c = get(uq, i);
          alpha += a * a;
          beta += c * c;
          gamma += a * c;
        }
        if (gamma == 0 || abs<f64>(gamma) <= 1e-15 * sqrt<f64>(alpha * beta)) continue;
        rotated = true;
        const zeta = (beta - alpha) / (2 * gamma);
        const t = (zeta >= 0 ? 1.0 : -1.0) / (abs<f64>(zeta) + sqrt<f64>(1 + zeta * zeta));
        const c = 1 / sqrt<f64>(1 + t * t);
        const s = c * t;
        rotate(up, uq, m, c, s);
        rotate(v + (<usize>(p * n) << 3), v + (<usize>(q * n) << 3), n, c, s);
      }
    }
    if (!rotated) break;
  }
  let sigmaMax: f64 = 0;
  for (let j = 0; j < n; j++) {
    const col = u + (<usize>(j * m) << 3);
    let ss: f64 = 0;
    for (let i = 0; i < m; i++) ss += get(col, i) * get(col, i);
    const sj = sqrt<f64>(ss);
    put(sigma, j, sj);
    if (sj > sigmaMax) sigmaMax = sj;
  }
  const cutoff = rcond * sigmaMax;
  memory.fill(x, 0, <usize>n << 3);
  let rank = 0;
  for (let j = 0; j < n; j++) {
    const sj = get(sigma, j);
    if (!(sj > cutoff)) continue;
    rank++;
    const col = u + (<usize>(j * m) << 3);
    let dot: f64 = 0;
    for (let i = 0; i < m; i++) dot += get(col, i) * get(b, i);
    const scale = dot / (sj * sj);
    for (let k = 0; k < n; k++) put(x, k, get(x, k) + get(v, j * n + k) * scale);
  }
  return rank;
}

/** (a, b) ← (c·a − s·b, s·a + c·b) elementwise over `len` values, two at a time. */
function rotate(a: usize, b: usize, len: i32, c: f64, s: f64): void {
  const cc = f64x2.splat(c);
  const ss = f64x2.splat(s);
  let i = 0;
  for (; i + 1 < len; i += 2) {
    const pa = a + (<usize>i << 3);
    const pb = b + (<usize>i << 3);
    const va = v128.load(pa);
    const vb = v128.load(pb);
    v128.store(pa, f64x2.sub(f64x2.mul(cc, va), f64x2.mul(ss, vb)));
    v128.store(pb, f64x2.add(f64x2.mul(ss, va), f64x2.mul(cc, vb)));
  }
  for (; i < len; i++) {
    const va = get(a, i);
    const vb = get(b, i);
    put(a, i, c * va - s * vb);
    put(b, i, s * va + c * vb);
  }
}

/**
 * np.polyfit(x, y, deg) of m points into `coef` (deg+1 values, highest power first): the
 * Vandermonde columns by repeated multiplication, each scaled to unit norm, the minimum-norm
 * solution with `rcond`, unscaled. `work` holds (deg+1)·(m + deg + 3) values.
 */
export function polyfit(x: usize, y: usize, m: i32, deg: i32, rcond: f64, work: usize, coef: usize): void {
  const order = deg + 1;
  const columns = work;
  const scale = columns + (<usize>(order * m) << 3);
  const sigma = scale + (<usize>order << 3);
  const v = sigma + (<usize>order << 3);
  for (let i = 0; i < m; i++) {
    let p: f64 = 1;
    put(columns, deg * m + i, 1);
    const xi = get(x, i);
    for (let k = 1; k <= deg; k++) {
      p *= xi;
      put(columns, (deg - k) * m + i, p);
    }
  }
  for (let j = 0; j < order; j++) {
    const col = columns + (<usize>(j * m) << 3);
    let s: f64 = 0;
    for (let i = 0; i < m; i++) s += get(col, i) * get(col, i);
    const sj = sqrt<f64>(s);
    put(scale, j, sj);
    for (let i = 0; i < m; i++) put(col, i, get(col, i) / sj);
  }
  minNormSolve(columns, m, order, y, rcond, v, sigma, coef);
  for (let j = 0; j < order; j++) put(coef, j, get(coef, j) / get(scale, j));
}
