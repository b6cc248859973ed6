/**
 * Building the tensors of one batch from rows of a matrix: the rows as x [b, cols] and
 * transposed as xT [cols, b] (both are needed by `vae-step.ts`), and latent noise
 * epsT [latent, b] ~ N(0, 1) drawn from a seeded generator.
 */
import * as tf from '@tensorflow/tfjs';
import type { Random } from '../util/random.js';
import type { NumericMatrix } from './matrix.js';

/** x [b, cols] and xT [cols, b] for the rows `order[from..to)` of `data`. */
export function batchTensors(
  data: NumericMatrix,
  order: ArrayLike<number>,
  from: number,
  to: number,
): { x: tf.Tensor2D; xT: tf.Tensor2D } {
  const b = to - from;
  const cols = data.cols;
  const rows = new Float32Array(b * cols);
  const transposed = new Float32Array(cols * b);
  for (let i = 0; i < b; i++) {
    const offset = order[from + i]! * cols;
    for (let c = 0; c < cols; c++) {
      const value = data.values[offset + c]!;
      rows[i * cols + c] = value;
      transposed[c * b + i] = value;
    }
  }
  return { x: tf.tensor2d(rows, [b, cols]), xT: tf.tensor2d(transposed, [cols, b]) };
}

/** Standard normal noise epsT [latent, b] from `rng`. */
export function noiseTensor(rng: Random, latent: number, b: number): tf.Tensor2D {
  const eps = new Float32Array(latent * b);
  for (let i = 0; i < eps.length; i++) eps[i] = rng.normal();
  return tf.tensor2d(eps, [latent, b]);
}
