/**
 * Certified least squares on a lag design, from its Gram matrix.
 *
 * The design is that of lagged-gram.ts with at most one extra regressor: rows
 * t = first..end−1, columns [1, (e), u_{t−1}..u_{t−p}], response u_t. The fit:
 *
 * 1. A = [X y]ᵀ[X y] in O(m·(p + E)) and its Cholesky factor (gram-least-squares.ts), giving R
 *    with RᵀR = XᵀX and a first solution β = R⁻¹z.
 * 2. Refinement (corrected semi-normal equations, Björck 1987): r = y − Xβ from the data,
 *    RᵀR·Δ = Xᵀr, β ← β + Δ. A step contracts the error by about η = p'·δ·ω² (p' columns, δ
 *    the scaled Gram error, ω = ‖(RD)⁻¹‖_F), so after it the error is about η·‖Δ‖ in the
 *    column-scaled norm; steps repeat (at most three) until that is below 1e-13·‖β‖.
 * 3. The residual sum of squares: ‖r‖² of the last step (summed from the data) less Δᵀ·Xᵀr,
 *    which is ‖r − XΔ‖² exactly when Δ solves the step, and second-order close otherwise.
 *
 * η also bounds the relative error of (XᵀX)⁻¹'s diagonal taken from R (variance factors):
 * |Δ(G⁻¹)_jj| ≤ ‖G⁻¹e_j‖²·‖E‖ ≤ η·(G⁻¹)_jj in the scaled problem. The fit is refused (null) when
 * η exceeds the caller's `maxEta`, when a pivot is within 1e-10 of the largest column norm (a
 * QR would be needed to decide the rank) or when refinement does not settle: callers then use a
 * Householder QR.
 */
import { KernelBuffer, kernels } from '../../../util/wasm-kernels.js';

export interface LaggedFit {
  /** Coefficients in design order: constant, extras, lags 1..p. */
  readonly beta: Float64Array;
  /** Σ (y − Xβ)²: the last step's residuals summed from the data, less the step's decrease. */
  readonly ssr: number;
  /** Number of rows. */
  readonly rows: number;
  /** Cholesky R of XᵀX (p' × p' row-major, p' = 1 + E + p). */
  readonly r: Float64Array;
  /** The accuracy factor η of the module comment. */
  readonly eta: number;
}

const UNIT_ROUNDOFF = Number.EPSILON / 2;

const seriesBuffer = new KernelBuffer();
const extraBuffer = new KernelBuffer();
const workBuffer = new KernelBuffer();

/**
 * The certified fit, or null (see the module comment). Requires first ≥ lags. The whole fit —
 * Gram matrix, Cholesky, ω, the substitutions and the refinement passes over the data — runs in
 * WebAssembly (kernels/dynamics-lagged-least-squares.ts, `laggedLeastSquares`).
 */
export function laggedLeastSquares(
  u: Float64Array,
  extra: Float64Array | null,
  first: number,
  end: number,
  lags: number,
  maxEta: number,
): LaggedFit | null {
  if (first < lags || end > u.length || (extra !== null && end > extra.length)) throw new RangeError('laggedLeastSquares: rows out of range');
  const extraAt = extra === null ? 0 : extraBuffer.copyIn(extra);
  return laggedLeastSquaresInKernel(seriesBuffer.copyIn(u), extraAt, first, end, lags, maxEta);
}

/**
 * `laggedLeastSquares` on series already in kernel memory: `uAt` and `extraAt` byte pointers
 * (`extraAt` 0 for no extra regressor), each holding at least `end` values; first ≥ lags is the
 * caller's to guarantee (nothing here can check it).
 */
export function laggedLeastSquaresInKernel(uAt: number, extraAt: number, first: number, end: number, lags: number, maxEta: number): LaggedFit | null {
  const rows = end - first;
  const hasExtra = extraAt === 0 ? 0 : 1;
  const p = 1 + hasExtra + lags;
  const size = p + 1;
  const gramError = 2 * (rows + 4 * lags + size) * UNIT_ROUNDOFF;
  const fn = kernels().fn;
  const work = workBuffer.pointer(fn.laggedWorkSize(p, rows));
  if (!fn.laggedLeastSquares(uAt, extraAt, hasExtra, first, end, lags, maxEta, gramError, work)) return null;
  // read straight from kernel memory (p varies between callers: a view per call would allocate)
  const memory = kernels().f64;
  const at = work / 8;
  return { beta: memory.slice(at + 2, at + 2 + p), ssr: memory[at]!, rows, r: memory.slice(at + 2 + p, at + 2 + p + p * p), eta: memory[at + 1]! };
}

/** Solves Rᵀ v = b in place (R upper triangular, p×p row-major). */
export function solveLowerTransposed(r: Float64Array, p: number, b: Float64Array): void {
  for (let i = 0; i < p; i++) {
    let s = b[i]!;
    for (let j = 0; j < i; j++) s -= r[j * p + i]! * b[j]!;
    b[i] = s / r[i * p + i]!;
  }
}
