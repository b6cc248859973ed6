/**
 * Least squares through the singular value decomposition, the way numpy/statsmodels solve
 * them: `np.linalg.lstsq(A, b, rcond)` and statsmodels' `pinv`-based OLS both return the
 * minimum-norm solution x = Σ_{σ_j > rcond·σ_max} v_j (u_jᵀ b) / σ_j, treating the smaller
 * singular values as exact zeros. That choice decides the answer whenever the design matrix is
 * rank deficient (a polynomial fitted through fewer points than coefficients, an AR model of a
 * constant series), so we reproduce it rather than use a plain QR solve there.
 *
 * The SVD is one-sided Jacobi (Hestenes 1958): rotate column pairs of A until all columns are
 * orthogonal; the column norms are then the singular values. It is slow for big matrices and
 * very accurate, which is the right trade for the small systems here (≤ a few dozen columns).
 */
import { KernelBuffer, kernels } from '../../util/wasm-kernels.js';

export interface MinNormSolution {
  /** The minimum-norm least-squares coefficients (length = number of columns). */
  readonly x: Float64Array;
  /** Singular values kept above the cutoff. */
  readonly rank: number;
  /** All singular values, unsorted (column order of the rotated matrix). */
  readonly singularValues: Float64Array;
}

const matrixBuffer = new KernelBuffer();
const rhsBuffer = new KernelBuffer();
const workBuffer = new KernelBuffer();

/**
 * Minimum-norm least-squares solution of A x ≈ b, A given column-major as `columns[j][i]`
 * (m rows, n columns), singular values ≤ rcond·σ_max dropped. Does not modify its inputs. The
 * sweeps run in WebAssembly (kernels/dynamics-min-norm.ts, `minNormSolve`).
 */
export function minNormLeastSquares(columns: readonly Float64Array[], b: ArrayLike<number>, rcond: number): MinNormSolution {
  const n = columns.length;
  const m = b.length;
  const k = kernels();
  const u = matrixBuffer.pointer(n * m);
  const rhs = rhsBuffer.pointer(m);
  const work = workBuffer.pointer(n * n + 2 * n);
  const memory = k.f64;
  for (let j = 0; j < n; j++) memory.set(columns[j]!.subarray(0, m), u / 8 + j * m);
  for (let i = 0; i < m; i++) memory[rhs / 8 + i] = b[i]!;
  const sigmaAt = work + 8 * n * n;
  const xAt = sigmaAt + 8 * n;
  const rank = k.fn.minNormSolve(u, m, n, rhs, rcond, work, sigmaAt, xAt);
  const out = workBuffer.view(n * n + 2 * n);
  return { x: out.slice(n * n + n), rank, singularValues: out.slice(n * n, n * n + n) };
}
