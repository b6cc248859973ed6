/**
 * Reconstruction errors (spec section 6): a sample's error is the mean over features of
 * |x - x_hat|, with x_hat from one forward pass with z sampled (seeded).
 */
import { toMatrix, type MatrixInput, type NumericMatrix } from './matrix.js';
import type { Vae } from './vae.js';

/** |x - x_hat| per sample and feature, [rows, features]; the basis of per-feature explanations. */
export function absoluteErrors(vae: Vae, data: MatrixInput, seed = 0): NumericMatrix {
  const x = toMatrix(data, 'reconstruction input');
  const xHat = vae.reconstruct(x, seed);
  const out = new Float64Array(x.values.length);
  for (let i = 0; i < out.length; i++) out[i] = Math.abs(x.values[i]! - xHat.values[i]!);
  return { rows: x.rows, cols: x.cols, values: out };
}

/** Row means of a matrix (mean over features of each sample). */
export function rowMeans(m: NumericMatrix): Float64Array {
  const out = new Float64Array(m.rows);
  for (let r = 0; r < m.rows; r++) {
    let sum = 0;
    for (let c = 0; c < m.cols; c++) sum += m.values[r * m.cols + c]!;
    out[r] = sum / m.cols;
  }
  return out;
}

/** The reconstruction error of every sample: mean_j |x_ij - x_hat_ij| (z sampled with `seed`). */
export function reconstructionErrors(vae: Vae, data: MatrixInput, seed = 0): Float64Array {
  return rowMeans(absoluteErrors(vae, data, seed));
}
