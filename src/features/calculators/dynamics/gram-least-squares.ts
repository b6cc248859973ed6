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
import { KernelBuffer, kernels } from '../../../util/wasm-kernels.js';

export interface GramLeastSquares extends NestedLeastSquares {
  /** A bound on |ΔSSR_j| / SSR_j for every j (see the module comment); Infinity if none. */
  readonly relativeSsrError: number;
}

const gramBuffer = new KernelBuffer();
const outputBuffer = new KernelBuffer();

/**
 * Factors the (k+1)×(k+1) augmented Gram matrix `gram` (row-major, response last; only the
 * upper triangle is read) of a design with `rows` observations. `gramError` is δ, the bound on
 * the entry errors of the column-scaled Gram matrix. Returns null when a column is zero or a
 * pivot is not positive (numerically rank deficient): use a QR then.
 *
 * The factorization, the nested SSRs and ω run in WebAssembly
 * (kernels/dynamics-lagged-least-squares.ts, `nestedCholesky`: right-looking, each a_jl
 * receiving its subtractions in the order of the textbook row-by-row formula
 * R_ij = (A_ij − Σ_{l<i} R_li R_lj) / R_ii).
 */
export function nestedCholesky(gram: Float64Array, size: number, rows: number, gramError: number): GramLeastSquares | null {
  const k = size - 1;
  const fn = kernels().fn;
  const at = gramBuffer.copyIn(gram.subarray(0, size * size));
  const out = outputBuffer.pointer(fn.nestedCholeskySize(k));
  if (!fn.nestedCholesky(at, size, out)) return null;
  const view = outputBuffer.view(1 + 4 * k + k * k + 1);
  const omega = view[0]!;
  let from = 1;
  const take = (count: number) => view.slice(from, (from += count));
  const columnNorms = take(k);
  const rDiagonal = take(k);
  const z = take(k);
  const r = take(k * k);
  const ssr = take(k + 1);
  const relativeSsrError = relativeSsrErrorBound(k, gramError, omega, gram[size * size - 1]!, ssr[k]!);
  return { rows, cols: k, rDiagonal, r, z, ssr, columnNorms, relativeSsrError };
}

/**
 * The module comment's bound on |ΔSSR_j| / SSR_j for k columns: 2δ(1 + √k·ω)²‖y‖² / ρ², or
 * Infinity when k·δ·ω² > 1e-2 (the first-order expansion is not trustworthy) or ρ² is not
 * positive. `responseSquare` is ‖y‖² (the Gram matrix's last entry), `smallestSsr` ρ².
 */
export function relativeSsrErrorBound(k: number, gramError: number, omega: number, responseSquare: number, smallestSsr: number): number {
  if (!(k * gramError * omega * omega <= 1e-2 && smallestSsr > 0)) return Infinity;
  const amplification = 1 + Math.sqrt(k) * omega;
  return (2 * gramError * amplification * amplification * responseSquare) / smallestSsr;
}
