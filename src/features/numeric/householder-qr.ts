/**
 * Nested least squares by Householder QR. Factoring X = QR once (columns in a chosen order)
 * answers every regression on a leading block of columns: with z = Qᵀy, the residual sum of
 * squares of the model on the first k columns is Σ_{i≥k} z_i², and the coefficient of the
 * k-th (last) column of that model is z_{k−1}/R_{k−1,k−1} with variance factor 1/R²_{k−1,k−1}.
 * This is how the ADF lag search fits all its candidate models in one pass when the faster
 * Gram/Cholesky route (calculators/dynamics/gram-least-squares.ts, which answers the same
 * `NestedLeastSquares` questions) cannot certify its accuracy.
 */

/** What a nested least-squares factorization answers (a QR, or a Cholesky of the Gram matrix). */
export interface NestedLeastSquares {
  /** Number of rows and columns. */
  readonly rows: number;
  readonly cols: number;
  /** R's diagonal (signed). */
  readonly rDiagonal: Float64Array;
  /** Upper triangle of R, row-major `r[i * cols + j]` for j >= i. */
  readonly r: Float64Array;
  /** z = Qᵀ y: the first `cols` entries at least. */
  readonly z: Float64Array;
  /** ssr[k] = residual sum of squares of y on the first k columns, k = 0..cols. */
  readonly ssr: Float64Array;
  /** The column norms before factoring (for rank decisions). */
  readonly columnNorms: Float64Array;
}

/** A Householder factorization: `z` = Qᵀy in full (length rows). */
export type NestedQr = NestedLeastSquares;

/**
 * Factors the m×n matrix given as columns (copied; inputs untouched) and applies the same
 * reflections to y. A column that is numerically zero after the previous reflections gets
 * R_kk = 0 and no reflection.
 */
export function nestedQr(columns: readonly Float64Array[], y: ArrayLike<number>): NestedQr {
  const n = columns.length;
  const m = y.length;
  // Column-major working copy: column j occupies a[j*m .. j*m+m).
  const a = new Float64Array(n * m);
  for (let j = 0; j < n; j++) a.set(columns[j]!.subarray(0, m), j * m);
  const z = Float64Array.from(y);
  const rDiagonal = new Float64Array(n);
  const r = new Float64Array(n * n);
  const columnNorms = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let s = 0;
    for (let i = j * m, e = i + m; i < e; i++) s += a[i]! * a[i]!;
    columnNorms[j] = Math.sqrt(s);
  }
  for (let k = 0; k < n && k < m; k++) {
    const base = k * m;
    let norm = 0;
    for (let i = base + k, e = base + m; i < e; i++) norm += a[i]! * a[i]!;
    norm = Math.sqrt(norm);
    if (norm === 0) {
      for (let j = k; j < n; j++) r[k * n + j] = a[j * m + k]!;
      continue;
    }
    const xk = a[base + k]!;
    const alpha = xk > 0 ? -norm : norm;
    // v = x − alpha e_k overwrites the column; vᵀv = 2 norm (norm + |x_k|)
    a[base + k] = xk - alpha;
    const inv = 1 / (norm * (norm + Math.abs(xk)));
    for (let j = k + 1; j < n; j++) {
      const cb = j * m;
      let dot = 0;
      for (let i = k; i < m; i++) dot += a[base + i]! * a[cb + i]!;
      const f = dot * inv;
      for (let i = k; i < m; i++) a[cb + i] = a[cb + i]! - f * a[base + i]!;
    }
    let dot = 0;
    for (let i = k; i < m; i++) dot += a[base + i]! * z[i]!;
    const f = dot * inv;
    for (let i = k; i < m; i++) z[i] = z[i]! - f * a[base + i]!;
    rDiagonal[k] = alpha;
    r[k * n + k] = alpha;
    for (let j = k + 1; j < n; j++) r[k * n + j] = a[j * m + k]!;
  }
  const ssr = new Float64Array(n + 1);
  let tail = 0;
  for (let i = m - 1; i >= n; i--) tail += z[i]! * z[i]!;
  ssr[n] = tail;
  for (let k = Math.min(n, m) - 1; k >= 0; k--) {
    tail += z[k]! * z[k]!;
    ssr[k] = tail;
  }
  for (let k = m; k < n; k++) ssr[k] = 0;
  return { rows: m, cols: n, rDiagonal, r, z, ssr, columnNorms };
}

/** Solves R b = z[0..n) by back substitution (the full-rank least-squares coefficients). */
export function backSubstitute(qr: NestedQr): Float64Array {
  const n = qr.cols;
  const b = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = qr.z[i]!;
    for (let j = i + 1; j < n; j++) s -= qr.r[i * n + j]! * b[j]!;
    b[i] = s / qr.r[i * n + i]!;
  }
  return b;
}
