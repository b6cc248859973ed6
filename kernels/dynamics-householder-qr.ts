/**
 * Householder QR of a column-major m×n matrix with the same reflections applied to y
 * (src/features/numeric/householder-qr.ts, `nestedQr`), every operation in that module's order
 * (independent sums — four columns' norms, four columns' dots with a reflector — run side by
 * side, each still in increasing i):
 * column norms; per column k < min(m, n) the norm of a[k..m) of column k, the reflector
 * v = x − αe_k (α = −sign(x_k)·norm), each later column and z updated with f = (vᵀc)·inv,
 * inv = 1/(norm·(norm + |x_k|)); a numerically zero column gets R_kk = 0 and no reflection;
 * then the nested residual sums of squares.
 */
import { get, put } from './f64-memory';

/**
 * Factors `a` (m×n column-major, overwritten) and reflects `z` (m values, y on entry, Qᵀy on
 * exit). Writes R (n×n row-major, zero below the diagonal) to `r`, its diagonal to `rDiagonal`,
 * the column norms before factoring to `columnNorms` and ssr[0..n] (SSR on the first k columns)
 * to `ssr`.
 */
export function householderQr(a: usize, m: i32, n: i32, z: usize, r: usize, rDiagonal: usize, columnNorms: usize, ssr: usize): void {
  memory.fill(r, 0, <usize>(n * n) << 3);
  memory.fill(rDiagonal, 0, <usize>n << 3);
  let j = 0;
  for (; j + 3 < n; j += 4) {
    // four columns' sums side by side, each in increasing i
    const c0 = a + (<usize>(j * m) << 3);
    const c1 = c0 + (<usize>m << 3);
    const c2 = c1 + (<usize>m << 3);
    const c3 = c2 + (<usize>m << 3);
    let s0: f64 = 0;
    let s1: f64 = 0;
    let s2: f64 = 0;
    let s3: f64 = 0;
    for (let i = 0; i < m; i++) {
      s0 += get(c0, i) * get(c0, i);
      s1 += get(c1, i) * get(c1, i);
      s2 += get(c2, i) * get(c2, i);
      s3 += get(c3, i) * get(c3, i);
    }
    put(columnNorms, j, sqrt<f64>(s0));
    put(columnNorms, j + 1, sqrt<f64>(s1));
    put(columnNorms, j + 2, sqrt<f64>(s2));
    put(columnNorms, j + 3, sqrt<f64>(s3));
  }
  for (; j < n; j++) {
    let s: f64 = 0;
    for (let i = j * m, e = i + m; i < e; i++) s += get(a, i) * get(a, i);
    put(columnNorms, j, sqrt<f64>(s));
  }
  for (let k = 0; k < n && k < m; k++) {
    const base = k * m;
    let norm: f64 = 0;
    for (let i = base + k, e = base + m; i < e; i++) norm += get(a, i) * get(a, i);
    norm = sqrt<f64>(norm);
    if (norm == 0) {
      for (let j = k; j < n; j++) put(r, k * n + j, get(a, j * m + k));
      continue;
    }
    const xk = get(a, base + k);
    const alpha = xk > 0 ? -norm : norm;
    put(a, base + k, xk - alpha);
    const inv = 1 / (norm * (norm + abs<f64>(xk)));
    const v = a + (<usize>base << 3);
    let j = k + 1;
    for (; j + 3 < n; j += 4) reflect4(v, a + (<usize>(j * m) << 3), <usize>m << 3, k, m, inv);
    for (; j < n; j++) reflect(v, a + (<usize>(j * m) << 3), k, m, inv);
    reflect(v, z, k, m, inv);
    put(rDiagonal, k, alpha);
    put(r, k * n + k, alpha);
    for (let j = k + 1; j < n; j++) put(r, k * n + j, get(a, j * m + k));
  }
  let tail: f64 = 0;
  for (let i = m - 1; i >= n; i--) tail += get(z, i) * get(z, i);
  put(ssr, n, tail);
  for (let k = min<i32>(n, m) - 1; k >= 0; k--) {
    tail += get(z, k) * get(z, k);
    put(ssr, k, tail);
  }
  for (let k = m; k < n; k++) put(ssr, k, 0);
}

/** c[k..m) −= ((v·c over k..m)·inv)·v[k..m): the dot in increasing i, the update two at a time. */
function reflect(v: usize, c: usize, k: i32, m: i32, inv: f64): void {
  let dot: f64 = 0;
  for (let i = k; i < m; i++) dot += get(v, i) * get(c, i);
  update(v, c, k, m, dot * inv);
}

/**
 * `reflect` on four columns c, c + stride, c + 2·stride, c + 3·stride (bytes): their four dots
 * side by side in one pass (each in increasing i, as alone), then each update.
 */
function reflect4(v: usize, c: usize, stride: usize, k: i32, m: i32, inv: f64): void {
  const c1 = c + stride;
  const c2 = c1 + stride;
  const c3 = c2 + stride;
  let d0: f64 = 0;
  let d1: f64 = 0;
  let d2: f64 = 0;
  let d3: f64 = 0;
  for (let i = k; i < m; i++) {
    const vi = get(v, i);
    d0 += vi * get(c, i);
    d1 += vi * get(c1, i);
    d2 += vi * get(c2, i);
    d3 += vi * get(c3, i);
  }
  update(v, c, k, m, d0 * inv);
  update(v, c1, k, m, d1 * inv);
  update(v, c2, k, m, d2 * inv);
  update(v, c3, k, m, d3 * inv);
}

/** c[k..m) −= f·v[k..m), two at a time. */
@inline function update(v: usize, c: usize, k: i32, m: i32, f: f64): void {
  const ff = f64x2.splat(f);
  let i = k;
  for (; i + 1 < m; i += 2) {
    const at = c + (<usize>i << 3);
    v128.store(at, f64x2.sub(v128.load(at), f64x2.mul(ff, v128.load(v + (<usize>i << 3)))));
  }
  for (; i < m; i++) put(c, i, get(c, i) - f * get(v, i));
}
