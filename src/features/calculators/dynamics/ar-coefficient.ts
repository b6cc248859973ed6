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
 * O(n·k), a Cholesky factorization and iterative refinement against the data
 * (lagged-least-squares.ts); the QR above is the fallback when the refinement cannot certify
 * its accuracy (nearly collinear lags of smooth series).
 */
import { parameterMemoKeys, type SeriesContext } from '../../calculator.js';
import { num } from '../../params.js';
import { backSubstitute, nestedQrInKernel, nestedQrInput } from '../../numeric/householder-qr.js';
import { minNormLeastSquares } from '../../numeric/jacobi-svd.js';
import { combinerCalculator } from './combiner.js';
import { laggedLeastSquaresInKernel } from './lagged-least-squares.js';
import { KernelBuffer, kernels } from '../../../util/wasm-kernels.js';

const seriesBuffer = new KernelBuffer();
const shiftedBuffer = new KernelBuffer();
const meansBuffer = new KernelBuffer();

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
  // Centered regression: y − ȳ on (x_{t−i} − mean_i), then φ_0 = ȳ − Σ φ_i mean_i; the design
  // is built in kernel memory (kernels/dynamics-series.ts, `arCenteredDesign`).
  const { matrix, response } = nestedQrInput(rows, k);
  const meansAt = meansBuffer.pointer(k + 1);
  kernels().fn.arCenteredDesign(seriesBuffer.copyIn(x), n, k, matrix, response, meansAt);
  const means = meansBuffer.view(k + 1).slice();
  const yMean = means[0]!;
  const qr = nestedQrInKernel(rows, k);
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
  return minNormLeastSquares(raw, x.subarray(k), 1e-15).x;
}

/**
 * The AR(k) fit from the Gram matrix (lagged-least-squares.ts), or null when its accuracy
 * cannot be certified. With u = x − x̄ (the intercept absorbs the shift) the regression is
 * u_t = b + Σ φ_i u_{t−i}; then φ_0 = b + x̄·(1 − Σ φ_i).
 */
export function gramAutoregression(x: Float64Array, k: number): Float64Array | null {
  const n = x.length;
  const fn = kernels().fn;
  const xAt = seriesBuffer.copyIn(x);
  const shift = fn.statsPairwiseSum(xAt, n) / n; // numpyMean(x), on the copy already in kernel memory
  const at = shiftedBuffer.pointer(n);
  fn.shiftSeries(xAt, n, shift, at);
  const fit = laggedLeastSquaresInKernel(at, 0, k, n, k, 1e-3);
  if (fit === null) return null;
  const params = fit.beta;
  let phiSum = 0;
  for (let i = 1; i <= k; i++) phiSum += params[i]!;
  params[0] = params[0]! + shift * (1 - phiSum);
  return params;
}

const arKey = parameterMemoKeys('dynamics.ar');

export const arCoefficient = combinerCalculator('ar_coefficient', (ctx: SeriesContext, params, out, offset) => {
  // consecutive parameter sets share k (tsfresh's grid: coeff 0..10 of k = 10): one lookup each run
  let fitK = NaN;
  let fit: Float64Array | null = null;
  for (let i = 0; i < params.length; i++) {
    const k = num(params[i]!.k);
    const coeff = num(params[i]!.coeff);
    if (!Number.isInteger(k) || k < 1) throw new RangeError(`ar_coefficient: k must be an integer >= 1, got ${k}`);
    if (!Number.isInteger(coeff) || coeff < 0) throw new RangeError(`ar_coefficient: coeff must be an integer >= 0, got ${coeff}`);
    if (k !== fitK) {
      fit = ctx.memo(arKey(k), () => fitAutoregression(ctx.x, k));
      fitK = k;
    }
    if (coeff > k) out[offset + i] = NaN;
    else if (fit === null) out[offset + i] = coeff < k ? NaN : 0;
    else out[offset + i] = fit[coeff]!;
  }
});
