/**
 * Nested least squares from a Gram matrix, with an accuracy certificate.
 *
 * For a design X (m×k, columns in a fixed order) and a response y, the augmented Gram matrix
 * A = [X y]ᵀ[X y] has the Cholesky factor
 *
 *   R̃ = | R  z |      R̃ᵀR̃ = A,
 *       | 0  ρ |
 *
 * where R is, up to the signs of its rows, the R of the QR factorization X = QR, z holds the
 * first k entries of Qᵀy and ρ² is the residual sum of squares of the full model. So, exactly
 * as with Householder QR (numeric/householder-qr.ts), the model on the first j columns has
 * SSR_j = ρ² + Σ_{i≥j} z_i². When the Gram matrix of a lag design can be built in O(m·k)
 * (lagged-gram.ts), every nested model costs O(k³) instead of the O(m·k²) of a QR.
 *
 * The price is accuracy: forming A squares the condition number, and SSR_j suffers
 * cancellation when the fit is nearly exact. Hence the certificate. Scale the columns to unit
 * norm (D = diag(1/‖x_j‖), R̂ = R·D, W = R̂⁻¹, ω = ‖W‖_F ≥ 1/σ_min(R̂)). If every entry of the
 * scaled A carries an error of at most δ (the caller's bound for how A was formed; Cholesky's
 * own backward error is of the same kind), then to first order, with β̂ the scaled coefficients,
 *
 *   |ΔSSR_j| ≤ δ (‖y‖ + ‖β̂‖₁)² ≤ δ (1 + √k·ω)² ‖y‖²,
 *
 * and the first-order term dominates while k·δ·ω² is small. `relativeSsrError` is twice that
 * bound over the smallest SSR (ρ²), or Infinity when the expansion is not trustworthy; callers
 * fall back to a QR when it is too large for the decision they make.
 */
import type { NestedLeastSquares } from '../../numeric/householder-qr.js';

export interface GramLeastSquares extends NestedLeastSquares {
  /** A bound on |ΔSSR_j| / SSR_j for every j (see the module comment); Infinity if none. */
  readonly relativeSsrError: number;
}

/**
 * Factors the (k+1)×(k+1) augmented Gram matrix `gram` (row-major, response last; only the
 * upper triangle is read) of a design with `rows` observations. `gramError` is δ, the bound on
 * the entry errors of the column-scaled Gram matrix. Returns null when a column is zero or a
 * pivot is not positive (numerically rank deficient): use a QR then.
 */
export function nestedCholesky(gram: Float64Array, size: number, rows: number, gramError: number): GramLeastSquares | null {
  const k = size - 1;
  const r = new Float64Array(size * size);
  const columnNorms = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    const d = gram[j * size + j]!;
    if (!(d > 0)) return null;
    columnNorms[j] = Math.sqrt(d);
  }
  const yy = gram[size * size - 1]!;
  // Upper Cholesky, right-looking: row i of R is the pivot row of what is left of A after
  // rows 0..i−1 were subtracted, R_ii = √a_ii, R_ij = a_ij / R_ii, then a_jl −= R_ij R_il for
  // i < j ≤ l. Each a_jl receives its subtractions in the order l = 0, 1, ... exactly as in
  // the textbook row-by-row formula R_ij = (A_ij − Σ_{l<i} R_li R_lj) / R_ii; the inner loops
  // just run along rows.
  r.set(gram.subarray(0, size * size));
  for (let i = 0; i < size; i++) {
    const rowI = i * size;
    const pivot = r[rowI + i]!;
    if (i === k) {
      r[rowI + i] = pivot > 0 ? Math.sqrt(pivot) : 0;
      break;
    }
    if (!(pivot > 0)) return null;
    const rii = Math.sqrt(pivot);
    r[rowI + i] = rii;
    const inv = 1 / rii;
    for (let j = i + 1; j < size; j++) r[rowI + j] = r[rowI + j]! * inv;
    for (let j = i + 1; j < size; j++) {
      const rij = r[rowI + j]!;
      const rowJ = j * size;
      for (let l = j; l < size; l++) r[rowJ + l] = r[rowJ + l]! - rij * r[rowI + l]!;
    }
  }
  const rDiagonal = new Float64Array(k);
  const z = new Float64Array(k);
  const rk = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    rDiagonal[i] = r[i * size + i]!;
    z[i] = r[i * size + k]!;
    for (let j = i; j < k; j++) rk[i * k + j] = r[i * size + j]!;
  }
  const rho = r[size * size - 1]!;
  const ssr = new Float64Array(k + 1);
  let tail = rho * rho;
  ssr[k] = tail;
  for (let i = k - 1; i >= 0; i--) {
    tail += z[i]! * z[i]!;
    ssr[i] = tail;
  }
  const omega = scaledInverseNorm({ r: rk, columnNorms, cols: k });
  let relativeSsrError = Infinity;
  if (k * gramError * omega * omega <= 1e-2 && ssr[k]! > 0) {
    const amplification = 1 + Math.sqrt(k) * omega;
    relativeSsrError = (2 * gramError * amplification * amplification * yy) / ssr[k]!;
  }
  return { rows, cols: k, rDiagonal, r: rk, z, ssr, columnNorms, relativeSsrError };
}

/**
 * ω = ‖(R·D)⁻¹‖_F for a factorization's upper-triangular R (cols×cols, row-major) and
 * D = diag(1/‖x_j‖): an upper bound on 1/σ_min of the column-scaled design. (RD)⁻¹ = D⁻¹R⁻¹,
 * so ω² = Σ_ij (‖x_i‖·(R⁻¹)_ij)², with R⁻¹ by substitution column by column in O(cols³/6).
 * Only an estimate's worth of accuracy is needed, hence reciprocals instead of divisions.
 */
export function scaledInverseNorm(fit: Pick<NestedLeastSquares, 'r' | 'columnNorms' | 'cols'>): number {
  const k = fit.cols;
  const r = fit.r;
  const norms = fit.columnNorms;
  const reciprocal = new Float64Array(k);
  for (let i = 0; i < k; i++) reciprocal[i] = 1 / r[i * k + i]!;
  const w = new Float64Array(k);
  let sum = 0;
  for (let j = 0; j < k; j++) {
    // Column j of R⁻¹: R w = e_j, w_i = 0 below j.
    w[j] = reciprocal[j]!;
    let column = (norms[j]! * w[j]!) ** 2;
    for (let i = j - 1; i >= 0; i--) {
      let s = 0;
      const rowI = i * k;
      for (let l = i + 1; l <= j; l++) s -= r[rowI + l]! * w[l]!;
      w[i] = s * reciprocal[i]!;
      column += (norms[i]! * w[i]!) ** 2;
    }
    sum += column;
  }
  return Math.sqrt(sum);
}
