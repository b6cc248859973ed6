/**
 * Certified least squares on a lag design, from its Gram matrix.
 *
 * The design is that of lagged-gram.ts: rows t = first..end−1, columns [1, e_1..e_E,
 * u_{t−1}..u_{t−p}], response u_t. The fit:
 *
 * 1. A = [X y]ᵀ[X y] in O(m·(p + E)) and its Cholesky factor (gram-least-squares.ts), giving R
 *    with RᵀR = XᵀX and a first solution β = R⁻¹z.
 * 2. Refinement (corrected semi-normal equations, Björck 1987): r = y − Xβ from the data,
 *    RᵀR·Δ = Xᵀr, β ← β + Δ. A step contracts the error by about η = (p+E+1)·δ·ω² (δ the scaled
 *    Gram error, ω = ‖(RD)⁻¹‖_F), so after it the error is about η·‖Δ‖ in the column-scaled
 *    norm; steps repeat (at most three) until that is below 1e-13·‖β‖.
 * 3. On request (`withSsr`), the residual sum of squares is then summed from the data.
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
  /** Σ (y − Xβ)², summed from the data (NaN unless asked for). */
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
  extras: readonly Float64Array[],
  first: number,
  end: number,
  lags: number,
  maxEta: number,
  withSsr: boolean,
): LaggedFit | null {
  const rows = end - first;
  const extra = extras.length;
  const p = 1 + extra + lags;
  const size = p + 1;
  const gram = new Float64Array(size * size);
  fillLaggedGram(u, first, end, lags, extras, gram);
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
  const residual = new Float64Array(rows);
  const correction = new Float64Array(p);
  let certified = false;
  for (let step = 0; step < 3 && !certified; step++) {
    residuals(u, extras, first, end, lags, beta, residual);
    // Xᵀr
    let sum = 0;
    for (let i = 0; i < rows; i++) sum += residual[i]!;
    correction[0] = sum;
    for (let e = 0; e < extra; e++) {
      const v = extras[e]!;
      let s = 0;
      for (let i = 0; i < rows; i++) s += v[first + i]! * residual[i]!;
      correction[1 + e] = s;
    }
    for (let l = 1; l <= lags; l++) {
      let s = 0;
      for (let i = 0; i < rows; i++) s += u[first + i - l]! * residual[i]!;
      correction[extra + l] = s;
    }
    solveLowerTransposed(fit.r, p, correction);
    solveUpper(fit.r, p, correction);
    let delta = 0;
    let norm = 0;
    for (let j = 0; j < p; j++) {
      beta[j] = beta[j]! + correction[j]!;
      const scale = fit.columnNorms[j]!;
      delta += (correction[j]! * scale) ** 2;
      norm += (beta[j]! * scale) ** 2;
    }
    certified = eta * Math.sqrt(delta) <= 1e-13 * Math.sqrt(norm);
  }
  if (!certified) return null;
  let ssr = NaN;
  if (withSsr) {
    residuals(u, extras, first, end, lags, beta, residual);
    ssr = 0;
    for (let i = 0; i < rows; i++) ssr += residual[i]! * residual[i]!;
  }
  return { beta, ssr, rows, r: fit.r, eta };
}

/** r_t = u_t − β_0 − Σ β_e e_t − Σ β_l u_{t−l} for t = first..end−1 (into r[t − first]). */
function residuals(
  u: Float64Array,
  extras: readonly Float64Array[],
  first: number,
  end: number,
  lags: number,
  beta: Float64Array,
  r: Float64Array,
): void {
  const rows = end - first;
  const extra = extras.length;
  const b0 = beta[0]!;
  for (let i = 0; i < rows; i++) r[i] = u[first + i]! - b0;
  for (let e = 0; e < extra; e++) {
    const v = extras[e]!;
    const b = beta[1 + e]!;
    for (let i = 0; i < rows; i++) r[i] = r[i]! - b * v[first + i]!;
  }
  for (let l = 1; l <= lags; l++) {
    const b = beta[extra + l]!;
    for (let i = 0; i < rows; i++) r[i] = r[i]! - b * u[first + i - l]!;
  }
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
