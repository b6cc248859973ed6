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
import { nestedCholesky, scaledInverseNorm } from './gram-least-squares.js';
import { fillLaggedGram } from './lagged-gram.js';

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

/** The certified fit, or null (see the module comment). Requires first ≥ lags. */
export function laggedLeastSquares(
  u: Float64Array,
  extra: Float64Array | null,
  first: number,
  end: number,
  lags: number,
  maxEta: number,
): LaggedFit | null {
  const rows = end - first;
  const p = (extra === null ? 1 : 2) + lags;
  const size = p + 1;
  const gram = new Float64Array(size * size);
  fillLaggedGram(u, first, end, lags, extra === null ? [] : [extra], gram);
  const gramError = 2 * (rows + 4 * lags + size) * UNIT_ROUNDOFF;
  const fit = nestedCholesky(gram, size, rows, gramError);
  if (fit === null) return null;
  let maxNorm = 0;
  for (let j = 0; j < p; j++) maxNorm = Math.max(maxNorm, fit.columnNorms[j]!);
  for (let j = 0; j < p; j++) if (!(Math.abs(fit.rDiagonal[j]!) > 1e-10 * maxNorm)) return null;
  const omega = scaledInverseNorm(fit);
  const eta = p * gramError * omega * omega;
  if (!(eta <= maxEta)) return null;
  const beta = new Float64Array(p);
  for (let i = 0; i < p; i++) beta[i] = fit.z[i]!;
  solveUpper(fit.r, p, beta);
  const gradient = new Float64Array(p);
  const correction = new Float64Array(p);
  let certified = false;
  let ssr = NaN;
  for (let step = 0; step < 3 && !certified; step++) {
    const ssrBefore = residualGradient(u, extra, first, end, lags, beta, gradient);
    correction.set(gradient);
    solveLowerTransposed(fit.r, p, correction);
    solveUpper(fit.r, p, correction);
    let delta = 0;
    let norm = 0;
    let decrease = 0;
    for (let j = 0; j < p; j++) {
      beta[j] = beta[j]! + correction[j]!;
      const scale = fit.columnNorms[j]!;
      delta += (correction[j]! * scale) ** 2;
      norm += (beta[j]! * scale) ** 2;
      decrease += correction[j]! * gradient[j]!;
    }
    // ‖r − XΔ‖² = ‖r‖² − 2Δᵀg + ΔᵀXᵀXΔ = ‖r‖² − Δᵀg when XᵀXΔ = g = Xᵀr.
    ssr = ssrBefore - decrease;
    certified = eta * Math.sqrt(delta) <= 1e-13 * Math.sqrt(norm);
  }
  if (!certified) return null;
  return { beta, ssr, rows, r: fit.r, eta };
}

/**
 * One pass over the rows: r_t = u_t − β_0 − β_1 e_t − Σ_l β_{E+l} u_{t−l} (E = 1 with the extra
 * regressor e, else 0), g = Xᵀr into `gradient` (each sum in increasing t), and Σ r_t² returned.
 */
function residualGradient(
  u: Float64Array,
  extra: Float64Array | null,
  first: number,
  end: number,
  lags: number,
  beta: Float64Array,
  gradient: Float64Array,
): number {
  const lag1 = extra === null ? 1 : 2; // index of the first lag's coefficient
  const b0 = beta[0]!;
  const bExtra = extra === null ? 0 : beta[1]!;
  gradient.fill(0);
  let ssr = 0;
  let g0 = 0;
  let gExtra = 0;
  for (let t = first; t < end; t++) {
    let r = u[t]! - b0;
    if (extra !== null) r -= bExtra * extra[t]!;
    for (let l = 1; l <= lags; l++) r -= beta[lag1 + l - 1]! * u[t - l]!;
    ssr += r * r;
    g0 += r;
    if (extra !== null) gExtra += extra[t]! * r;
    for (let l = 1; l <= lags; l++) gradient[lag1 + l - 1] = gradient[lag1 + l - 1]! + u[t - l]! * r;
  }
  gradient[0] = g0;
  if (extra !== null) gradient[1] = gExtra;
  return ssr;
}

/** Solves R v = b in place (R upper triangular, p×p row-major). */
export function solveUpper(r: Float64Array, p: number, b: Float64Array): void {
  for (let i = p - 1; i >= 0; i--) {
    let s = b[i]!;
    for (let j = i + 1; j < p; j++) s -= r[i * p + j]! * b[j]!;
    b[i] = s / r[i * p + i]!;
  }
}

/** Solves Rᵀ v = b in place (R upper triangular, p×p row-major). */
export function solveLowerTransposed(r: Float64Array, p: number, b: Float64Array): void {
  for (let i = 0; i < p; i++) {
    let s = b[i]!;
    for (let j = 0; j < i; j++) s -= r[j * p + i]! * b[j]!;
    b[i] = s / r[i * p + i]!;
  }
}
