/**
 * Nested least squares by Householder QR. Factoring X = QR once (columns in a chosen order)
 * answers every regression on a leading block of columns: with z = Qᵀy, the residual sum of
 * squares of the model on the first k columns is Σ_{i≥k} z_i², and the coefficient of the
 * k-th (last) column of that model is z_{k−1}/R_{k−1,k−1} with variance factor 1/R²_{k−1,k−1}.
 * This is how the ADF lag search fits all its candidate models in one pass when the faster
 * Gram/Cholesky route (calculators/dynamics/gram-least-squares.ts, which answers the same
 * `NestedLeastSquares` questions) cannot certify its accuracy.
 */
import { KernelBuffer, kernels } from '../../util/wasm-kernels.js';

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

const matrixBuffer = new KernelBuffer();
const outputBuffer = new KernelBuffer();

/**
 * Factors the m×n matrix given as columns (copied; inputs untouched) and applies the same
 * reflections to y. A column that is numerically zero after the previous reflections gets
 * R_kk = 0 and no reflection. The factorization runs in WebAssembly
 * (kernels/dynamics-householder-qr.ts).
 */
export function nestedQr(columns: readonly Float64Array[], y: ArrayLike<number>): NestedQr {
  const n = columns.length;
  const m = y.length;
  const { matrix, response } = nestedQrInput(m, n);
  const memory = kernels().f64;
  for (let j = 0; j < n; j++) memory.set(columns[j]!.subarray(0, m), matrix / 8 + j * m);
  for (let i = 0; i < m; i++) memory[response / 8 + i] = y[i]!;
  return nestedQrInKernel(m, n);
}

/**
 * Kernel memory for the next `nestedQrInKernel(m, n)`: `matrix` (m×n column-major) and
 * `response` (m values), to be filled by the caller.
 */
export function nestedQrInput(m: number, n: number): { matrix: number; response: number } {
  const matrix = matrixBuffer.pointer(n * m);
  const response = outputBuffer.pointer(m + n * n + 3 * n + 1);
  return { matrix, response };
}

/** `nestedQr` of the matrix and response already written at `nestedQrInput(m, n)`'s pointers. */
export function nestedQrInKernel(m: number, n: number): NestedQr {
  const { matrix, response } = nestedQrInput(m, n);
  const rAt = response + 8 * m;
  const diagonalAt = rAt + 8 * n * n;
  const normsAt = diagonalAt + 8 * n;
  kernels().fn.householderQr(matrix, m, n, response, rAt, diagonalAt, normsAt, normsAt + 8 * n);
  const view = outputBuffer.view(m + n * n + 3 * n + 1);
  let at = 0;
  const take = (count: number) => view.slice(at, (at += count));
  const z = take(m);
  const r = take(n * n);
  const rDiagonal = take(n);
  const columnNorms = take(n);
  const ssr = take(n + 1);
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
