/**
 * The VAE's parameters as tf.Variables, laid out for speed on the wasm backend: every kernel is
 * stored TRANSPOSED, as [out, in] (PyTorch's layout, the transpose of a Keras Dense kernel),
 * and the two latent heads (z_mean and z_log_var, each Dense(hidden -> latent)) are one matrix
 * of 2 * latent rows, z_mean's first, so the encoder needs one matMul for both. Activations
 * travel transposed too ([width, batch]); see `vae-step.ts` for why.
 *
 *   encoder:  a1 = relu(W1t x + b1)           W1t: [hidden, input]
 *             [mu ; logVar] = Wht a1 + bh     Wht: [2 * latent, hidden]
 *   decoder:  a3 = relu(W3t z + b3)           W3t: [hidden, latent]
 *             x_hat = sigmoid(W4t a3 + b4)    W4t: [input, hidden]
 */
import * as tf from '@tensorflow/tfjs';
import { Random } from '../util/random.js';

/** Names of the parameters, in the fixed order used everywhere (gradients, Adam, files). */
export const PARAMETER_NAMES = ['w1t', 'b1', 'wHeadsT', 'bHeads', 'w3t', 'b3', 'w4t', 'b4'] as const;
/** One parameter's name. */
export type ParameterName = (typeof PARAMETER_NAMES)[number];

/** Layer widths of a VAE. */
export interface VaeDims {
  readonly inputDim: number;
  readonly intermediateDim: number;
  readonly latentDim: number;
}

/** The shape of each parameter for `dims`, in `PARAMETER_NAMES` order. */
export function parameterShapes(dims: VaeDims): number[][] {
  const { inputDim: d, intermediateDim: h, latentDim: l } = dims;
  return [[h, d], [h], [2 * l, h], [2 * l], [h, l], [h], [d, h], [d]];
}

/** The eight parameters of a VAE, as trainable tf.Variables (dispose when done). */
export class VaeWeights {
  /** Variables in `PARAMETER_NAMES` order. */
  readonly variables: readonly tf.Variable[];

  private constructor(
    readonly dims: VaeDims,
    variables: tf.Variable[],
  ) {
    this.variables = variables;
  }

  /**
   * Fresh weights like Keras' defaults: kernels glorot-uniform, U(-a, a) with
   * a = sqrt(6 / (fan_in + fan_out)) per Dense layer (each latent head on its own:
   * fan_out = latent), biases zero. Drawn from `new Random(seed)`, layer by layer.
   */
  static initial(dims: VaeDims, seed: number): VaeWeights {
    const { inputDim: d, intermediateDim: h, latentDim: l } = dims;
    const rng = new Random(seed);
    const glorot = (out: Float32Array, fanIn: number, fanOut: number, from = 0, count = out.length): Float32Array => {
      const a = Math.sqrt(6 / (fanIn + fanOut));
      for (let i = from; i < from + count; i++) out[i] = (2 * rng.uniform() - 1) * a;
      return out;
    };
    const heads = new Float32Array(2 * l * h);
    glorot(heads, h, l, 0, l * h); // z_mean rows
    glorot(heads, h, l, l * h, l * h); // z_log_var rows
    const values = [
      glorot(new Float32Array(h * d), d, h),
      new Float32Array(h),
      heads,
      new Float32Array(2 * l),
      glorot(new Float32Array(h * l), l, h),
      new Float32Array(h),
      glorot(new Float32Array(d * h), h, d),
      new Float32Array(d),
    ];
    return VaeWeights.fromArrays(dims, values);
  }

  /** Weights from values in `PARAMETER_NAMES` order (row-major), checked against `dims`. */
  static fromArrays(dims: VaeDims, values: readonly Float32Array[]): VaeWeights {
    const shapes = parameterShapes(dims);
    if (values.length !== shapes.length) throw new Error(`VAE weights: expected ${shapes.length} arrays, got ${values.length}`);
    const variables = shapes.map((shape, i) => {
      const size = shape.reduce((a, b) => a * b, 1);
      if (values[i]!.length !== size) {
        throw new Error(`VAE weights: ${PARAMETER_NAMES[i]} has ${values[i]!.length} values, expected ${size} for shape [${shape}]`);
      }
      return tf.tidy(() => tf.variable(tf.tensor(values[i]!, shape, 'float32'), true, undefined, 'float32'));
    });
    return new VaeWeights(dims, variables);
  }

  /** A copy of every parameter's values, in `PARAMETER_NAMES` order. */
  toArrays(): Float32Array[] {
    return this.variables.map((v) => Float32Array.from(v.dataSync() as Float32Array));
  }

  /** Overwrites every parameter with `values` (same order and sizes as `toArrays`). */
  assign(values: readonly Float32Array[]): void {
    this.variables.forEach((v, i) => {
      const t = tf.tensor(values[i]!, v.shape, 'float32');
      v.assign(t);
      t.dispose();
    });
  }

  /** The parameter called `name`. */
  get(name: ParameterName): tf.Variable {
    return this.variables[PARAMETER_NAMES.indexOf(name)]!;
  }

  /** Total number of scalar parameters. */
  get size(): number {
    return this.variables.reduce((n, v) => n + v.size, 0);
  }

  /** Frees the variables. */
  dispose(): void {
    for (const v of this.variables) v.dispose();
  }
}
