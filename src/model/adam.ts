/**
 * Adam (Kingma & Ba) exactly as Keras applies it, over all parameters in one tight loop each:
 *
 *   t += 1
 *   m = beta1 m + (1 - beta1) g
 *   v = beta2 v + (1 - beta2) g^2
 *   p = p - lr * sqrt(1 - beta2^t) / (1 - beta1^t) * m / (sqrt(v) + epsilon)
 *
 * The moments live in plain Float32Arrays; the parameters stay tf.Variables, each replaced by a
 * fresh tensor per step (written in place on the wasm heap, see `tensor-memory.ts`). A fresh
 * tensor, rather than overwriting the old one, is required on wasm: its matMul caches the
 * packed weight matrix under the tensor's id, so changed values under the same id would be
 * silently ignored. Measured on wasm at 6M parameters this loop is ~7x faster than the same
 * update as tfjs elementwise ops.
 */
import type * as tf from '@tensorflow/tfjs';
import { readView, tensorFilledBy } from './tensor-memory.js';

/** Adam's hyperparameters (Keras defaults apart from the learning rate). */
export interface AdamOptions {
  readonly learningRate: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
}

/** The optimiser state (step count and both moments) for a fixed list of parameters. */
export class Adam {
  private readonly firstMoments: Float32Array[];
  private readonly secondMoments: Float32Array[];
  private steps = 0;

  constructor(
    sizes: readonly number[],
    readonly options: AdamOptions,
  ) {
    this.firstMoments = sizes.map((n) => new Float32Array(n));
    this.secondMoments = sizes.map((n) => new Float32Array(n));
  }

  /** Number of updates applied so far. */
  get iterations(): number {
    return this.steps;
  }

  /** Applies one update: `variables[i]` moves along `gradients[i]` (same shapes). */
  apply(variables: readonly tf.Variable[], gradients: readonly tf.Tensor[]): void {
    if (variables.length !== this.firstMoments.length || gradients.length !== variables.length) {
      throw new Error(`Adam: expected ${this.firstMoments.length} variables and gradients`);
    }
    this.steps += 1;
    const { learningRate, beta1, beta2, epsilon } = this.options;
    const stepSize = (learningRate * Math.sqrt(1 - beta2 ** this.steps)) / (1 - beta1 ** this.steps);
    const keep1 = beta1, take1 = 1 - beta1, keep2 = beta2, take2 = 1 - beta2;
    for (let i = 0; i < variables.length; i++) {
      const variable = variables[i]!;
      const m = this.firstMoments[i]!;
      const v = this.secondMoments[i]!;
      if (gradients[i]!.size !== m.length || variable.size !== m.length) {
        throw new Error(`Adam: parameter ${i} has ${variable.size} values and gradient ${gradients[i]!.size}, expected ${m.length}`);
      }
      const next = tensorFilledBy(variable.shape, (out) => {
        const p = readView(variable);
        const g = readView(gradients[i]!);
        for (let j = 0; j < out.length; j++) {
          const gj = g[j]!;
          const mj = keep1 * m[j]! + take1 * gj;
          const vj = keep2 * v[j]! + take2 * gj * gj;
          m[j] = mj;
          v[j] = vj;
          out[j] = p[j]! - (stepSize * mj) / (Math.sqrt(vj) + epsilon);
        }
      });
      variable.assign(next);
      next.dispose();
    }
  }
}
