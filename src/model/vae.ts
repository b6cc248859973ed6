/**
 * The Prodigy VAE (spec section 5): Dense(input/2, relu) -> z_mean, z_log_var (input/3 each)
 * -> z = z_mean + exp(z_log_var / 2) eps -> Dense(input/2, relu) -> Dense(input, sigmoid),
 * trained with Adam on sum-of-squares reconstruction + KL. Hyperparameters in `vae-config.ts`,
 * the math in `vae-step.ts` (run fast by `vae-engine.ts`), the loop in `train-vae.ts`.
 */
import * as tf from '@tensorflow/tfjs';
import { Random, deriveSeed } from '../util/random.js';
import { batchTensors, noiseTensor } from './batches.js';
import { assertFinite, toMatrix, type MatrixInput, type NumericMatrix } from './matrix.js';
import { resolveVaeConfig, type VaeConfig, type VaeOptions } from './vae-config.js';
import { forwardPass } from './vae-step.js';
import { trainVae, type TrainingHistory, type TrainingHooks } from './train-vae.js';
import { VaeWeights } from './vae-weights.js';

/** Rows per forward pass when reconstructing (memory bound only; results do not depend on it). */
const INFERENCE_BATCH = 256;

/** A variational autoencoder with its configuration and weights (call `dispose` when done). */
export class Vae {
  private constructor(
    /** The full configuration, defaults filled in. */
    readonly config: VaeConfig,
    /** The parameters (tf.Variables). */
    readonly weights: VaeWeights,
  ) {}

  /** A fresh, untrained VAE for `inputDim` features; weights drawn from deriveSeed(seed, 'weights'). */
  static create(inputDim: number, options: VaeOptions = {}): Vae {
    const config = resolveVaeConfig(inputDim, options);
    return new Vae(config, VaeWeights.initial(config, deriveSeed(config.seed, 'weights')));
  }

  /** A VAE from a configuration and parameter values in `PARAMETER_NAMES` order. */
  static fromArrays(config: VaeConfig, values: readonly Float32Array[]): Vae {
    return new Vae(config, VaeWeights.fromArrays(config, values));
  }

  /**
   * Trains on the rows of `data` (scaled features, healthy samples only) as `train-vae.ts`
   * describes; the weights change in place.
   */
  async fit(data: MatrixInput, hooks: TrainingHooks = {}): Promise<TrainingHistory> {
    const matrix = toMatrix(data, 'training data');
    assertFinite(matrix, 'training data');
    return trainVae(this.weights, matrix, this.config, hooks);
  }

  /**
   * One forward pass per row with z sampled (noise from `new Random(seed)`, drawn per batch
   * of 256 rows in row order): the reconstruction x_hat, [rows, inputDim].
   */
  reconstruct(data: MatrixInput, seed = 0): NumericMatrix {
    const matrix = this.checkInput(data);
    const rng = new Random(seed);
    const out = new Float32Array(matrix.rows * matrix.cols);
    const order = Array.from({ length: matrix.rows }, (_, i) => i);
    for (let from = 0; from < matrix.rows; from += INFERENCE_BATCH) {
      const to = Math.min(from + INFERENCE_BATCH, matrix.rows);
      const { x, xT } = batchTensors(matrix, order, from, to);
      const epsT = noiseTensor(rng, this.config.latentDim, to - from);
      const xHat = tf.tidy(() => tf.transpose(forwardPass(this.weights, xT, epsT).xHatT));
      out.set(xHat.dataSync() as Float32Array, from * matrix.cols);
      tf.dispose([x, xT, epsT, xHat]);
    }
    return { rows: matrix.rows, cols: matrix.cols, values: out };
  }

  /** The encoder's z_mean and z_log_var for every row, each [rows, latentDim]. */
  encode(data: MatrixInput): { mean: NumericMatrix; logVar: NumericMatrix } {
    const matrix = this.checkInput(data);
    const l = this.config.latentDim;
    const mean = new Float32Array(matrix.rows * l);
    const logVar = new Float32Array(matrix.rows * l);
    const order = Array.from({ length: matrix.rows }, (_, i) => i);
    for (let from = 0; from < matrix.rows; from += INFERENCE_BATCH) {
      const to = Math.min(from + INFERENCE_BATCH, matrix.rows);
      const { x, xT } = batchTensors(matrix, order, from, to);
      const zeros = tf.zeros([l, to - from]) as tf.Tensor2D;
      const [mu, lv] = tf.tidy(() => {
        const pass = forwardPass(this.weights, xT, zeros);
        return [tf.transpose(pass.muT), tf.transpose(pass.logVarT)];
      });
      mean.set(mu!.dataSync() as Float32Array, from * l);
      logVar.set(lv!.dataSync() as Float32Array, from * l);
      tf.dispose([x, xT, zeros, mu!, lv!]);
    }
    return { mean: { rows: matrix.rows, cols: l, values: mean }, logVar: { rows: matrix.rows, cols: l, values: logVar } };
  }

  /** Frees the weights. */
  dispose(): void {
    this.weights.dispose();
  }

  private checkInput(data: MatrixInput): NumericMatrix {
    const matrix = toMatrix(data, 'VAE input');
    if (matrix.cols !== this.config.inputDim) {
      throw new Error(`VAE input has ${matrix.cols} columns, the model expects ${this.config.inputDim}`);
    }
    assertFinite(matrix, 'VAE input');
    return matrix;
  }
}
