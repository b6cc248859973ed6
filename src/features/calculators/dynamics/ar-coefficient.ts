/**
 * tsfresh `ar_coefficient(x, coeff, k)`: coefficient φ_coeff of the AR(k) model
 *
 *   x_t = φ_0 + Σ_{i=1}^{k} φ_i x_{t−i} + ε_t,
 *
 * fitted as statsmodels' `AutoReg(x, lags=k, trend="c").fit()` does: ordinary least squares of
 * x_t on (1, x_{t−1}, ..., x_{t−k}) for t = k..n−1. When the n − k rows are fewer than the k + 1
 * regressors statsmodels raises and tsfresh returns NaN for φ_0..φ_{k−1} but 0 for φ_k (its
 * fallback list has only k entries, and an IndexError there means 0). coeff > k gives NaN.
 *
 * A full-rank fit is solved on centered columns by Householder QR (the same estimate, better
 * conditioned for series far from zero). A rank-deficient design (a constant series) takes
 * statsmodels' pinv answer: the minimum-norm solution with singular values below 1e-15·σ_max
 * dropped. tsfresh is fragile there: its SVD's rounding noise sometimes clears that cutoff and
 * the published value is noise (e.g. a constant 895 over 300 points); we give the exact
 * minimum-norm solution. Parameters: `coeff` (int ≥ 0), `k` (int ≥ 1).
 *
 * Speed: the design is Toeplitz, so the usual fit goes through its Gram matrix, built in
 * O(n·k) (lagged-gram.ts), a Cholesky factorization (gram-least-squares.ts) and iterative
 * refinement against the data (`gramAutoregression`); the QR above is the fallback when the
 * refinement cannot certify its accuracy (nearly collinear lags of smooth series).
 */
import type { SeriesContext } from '../../calculator.js';
import { num } from '../../params.js';
import { backSubstitute, nestedQr } from '../../numeric/householder-qr.js';
import { minNormLeastSquares } from '../../numeric/jacobi-svd.js';
import { combinerCalculator } from './combiner.js';
import { fillLaggedGram } from './lagged-gram.js';
import { nestedCholesky, scaledInverseNorm } from './gram-least-squares.js';
import { numpyMean } from '../../numeric/pairwise-sum.js';

/**
 * [φ_0, ..., φ_k] of the AR(k) least-squares fit with intercept, or null when statsmodels
 * refuses the model (fewer rows than regressors).
 */
export function fitAutoregression(x: Float64Array, k: number): Float64Array | null {
  const n = x.length;
  const rows = n - k;
  if (rows < k + 1 || rows <= 0) return null;
  return gramAutoregression(x, k) ?? qrAutoregression(x, k);
}

/** The AR(k) fit by Householder QR of the centered design, or pinv when it is rank deficient. */
export function qrAutoregression(x: Float64Array, k: number): Float64Array {
  const n = x.length;
  const rows = n - k;
  // Centered regression: y − ȳ on (x_{t−i} − mean_i), then φ_0 = ȳ − Σ φ_i mean_i.
  const y = x.subarray(k);
  let yMean = 0;
  for (let t = 0; t < rows; t++) yMean += y[t]!;
  yMean /= rows;
  const yc = new Float64Array(rows);
  for (let t = 0; t < rows; t++) yc[t] = y[t]! - yMean;
  const columns: Float64Array[] = [];
  const means = new Float64Array(k + 1);
  for (let i = 1; i <= k; i++) {
    const col = new Float64Array(rows);
    let m = 0;
    for (let t = 0; t < rows; t++) m += x[k + t - i]!;
    m /= rows;
    means[i] = m;
    for (let t = 0; t < rows; t++) col[t] = x[k + t - i]! - m;
    columns.push(col);
  }
  const qr = nestedQr(columns, yc);
  let fullRank = true;
  let scale = 0;
  for (let i = 0; i < k; i++) scale = Math.max(scale, qr.columnNorms[i]!);
  for (let i = 0; i < k; i++) {
    if (!(Math.abs(qr.rDiagonal[i]!) > 1e-13 * scale)) fullRank = false;
  }
  if (fullRank) {
    const phi = backSubstitute(qr);
    const params = new Float64Array(k + 1);
    let c = yMean;
    for (let i = 1; i <= k; i++) {
      params[i] = phi[i - 1]!;
      c -= phi[i - 1]! * means[i]!;
    }
    params[0] = c;
    return params;
  }
  const raw: Float64Array[] = [new Float64Array(rows).fill(1)];
  for (let i = 1; i <= k; i++) raw.push(Float64Array.from(x.subarray(k - i, k - i + rows)));
  return minNormLeastSquares(raw, y, 1e-15).x;
}

const UNIT_ROUNDOFF = Number.EPSILON / 2;

/**
 * The AR(k) fit from the Gram matrix, or null when its accuracy cannot be certified.
 *
 * With u = x − x̄ (the intercept absorbs the shift), the regression u_t = b + Σ φ_i u_{t−i} has
 * the lag design of lagged-gram.ts. Cholesky gives R (RᵀR = XᵀX) and a first solution
 * β = R⁻¹z. Each refinement step computes the residual r = y − Xβ from the data and solves the
 * correction RᵀR·Δ = Xᵀr (corrected semi-normal equations, Björck 1987): it contracts the
 * error by about η = (k+1)·δ·ω² (δ the scaled Gram error, ω = ‖(RD)⁻¹‖_F, see
 * gram-least-squares.ts), so after a step the error is about η·‖Δ‖ in the column-scaled norm.
 * The fit is accepted once that is below 1e-13·‖β‖ (at most three steps, η ≤ 1e-3), with every
 * pivot far above the QR path's rank cutoff; finally φ_0 = b + x̄·(1 − Σ φ_i).
 */
export function gramAutoregression(x: Float64Array, k: number): Float64Array | null {
  const n = x.length;
  const rows = n - k;
  const size = k + 2;
  const shift = numpyMean(x);
  const u = new Float64Array(n);
  for (let t = 0; t < n; t++) u[t] = x[t]! - shift;
  const gram = new Float64Array(size * size);
  fillLaggedGram(u, k, n, k, [], gram);
  const gramError = 2 * (rows + 4 * k + size) * UNIT_ROUNDOFF;
  const fit = nestedCholesky(gram, size, rows, gramError);
  if (fit === null) return null;
  const p = k + 1;
  let maxNorm = 0;
  for (let j = 0; j < p; j++) maxNorm = Math.max(maxNorm, fit.columnNorms[j]!);
  for (let j = 0; j < p; j++) if (!(Math.abs(fit.rDiagonal[j]!) > 1e-10 * maxNorm)) return null;
  const omega = scaledInverseNorm(fit);
  const eta = p * gramError * omega * omega;
  if (!(eta <= 1e-3)) return null;
  const beta = new Float64Array(p);
  for (let i = 0; i < p; i++) beta[i] = fit.z[i]!;
  solveUpper(fit.r, p, beta);
  const residual = new Float64Array(rows);
  const correction = new Float64Array(p);
  let certified = false;
  for (let step = 0; step < 3 && !certified; step++) {
    // r_t = u_t − b − Σ φ_i u_{t−i}, t = k..n−1 (row t − k), then Xᵀr.
    for (let t = 0; t < rows; t++) residual[t] = u[k + t]! - beta[0]!;
    for (let i = 1; i <= k; i++) {
      const phi = beta[i]!;
      for (let t = 0; t < rows; t++) residual[t] = residual[t]! - phi * u[k + t - i]!;
    }
    let sum = 0;
    for (let t = 0; t < rows; t++) sum += residual[t]!;
    correction[0] = sum;
    for (let i = 1; i <= k; i++) {
      let s = 0;
      for (let t = 0; t < rows; t++) s += u[k + t - i]! * residual[t]!;
      correction[i] = s;
    }
    solveLowerTransposed(fit.r, p, correction);
    solveUpper(fit.r, p, correction);
    let delta = 0;
    let size2 = 0;
    for (let j = 0; j < p; j++) {
      beta[j] = beta[j]! + correction[j]!;
      const scale = fit.columnNorms[j]!;
      delta += (correction[j]! * scale) ** 2;
      size2 += (beta[j]! * scale) ** 2;
    }
    certified = eta * Math.sqrt(delta) <= 1e-13 * Math.sqrt(size2);
  }
  if (!certified) return null;
  let phiSum = 0;
  for (let i = 1; i <= k; i++) phiSum += beta[i]!;
  const params = new Float64Array(p);
  params[0] = beta[0]! + shift * (1 - phiSum);
  for (let i = 1; i <= k; i++) params[i] = beta[i]!;
  return params;
}

/** Solves R v = b in place (R upper triangular, p×p row-major). */
function solveUpper(r: Float64Array, p: number, b: Float64Array): void {
  for (let i = p - 1; i >= 0; i--) {
    let s = b[i]!;
    for (let j = i + 1; j < p; j++) s -= r[i * p + j]! * b[j]!;
    b[i] = s / r[i * p + i]!;
  }
}

/** Solves Rᵀ v = b in place (R upper triangular, p×p row-major). */
function solveLowerTransposed(r: Float64Array, p: number, b: Float64Array): void {
  for (let i = 0; i < p; i++) {
    let s = b[i]!;
    for (let j = 0; j < i; j++) s -= r[j * p + i]! * b[j]!;
    b[i] = s / r[i * p + i]!;
  }
}

export const arCoefficient = combinerCalculator('ar_coefficient', (ctx: SeriesContext, params, out, offset) => {
  for (let i = 0; i < params.length; i++) {
    const k = num(params[i]!.k);
    const coeff = num(params[i]!.coeff);
    if (!Number.isInteger(k) || k < 1) throw new RangeError(`ar_coefficient: k must be an integer >= 1, got ${k}`);
    if (!Number.isInteger(coeff) || coeff < 0) throw new RangeError(`ar_coefficient: coeff must be an integer >= 0, got ${coeff}`);
    const fit = ctx.memo(`dynamics.ar.${k}`, () => fitAutoregression(ctx.x, k));
    if (coeff > k) out[offset + i] = NaN;
    else if (fit === null) out[offset + i] = coeff < k ? NaN : 0;
    else out[offset + i] = fit[coeff]!;
  }
});
