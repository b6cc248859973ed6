/**
 * Adam (Kingma & Ba) exactly as Keras applies it, over all parameters in one tight loop each:
 *
 *   t += 1
 *   m = beta1 m + (1 - beta1) g
 *   v = beta2 v + (1 - beta2) g^2
 *   p = p - lr * sqrt(1 - beta2^t) / (1 - beta1^t) * m / (sqrt(v) + epsilon)
 *
 * The parameters stay tf.Variables, each replaced by a fresh tensor per step (written in place
 * on the wasm heap, see `tensor-memory.ts`). A fresh
 * tensor, rather than overwriting the old one, is required on wasm: its matMul caches the
 * packed weight matrix under the tensor's id, so changed values under the same id would be
 * silently ignored. Measured on wasm at 6M parameters: tfjs elementwise ops ~160 ms, the
 * JavaScript loop ~60 ms, the SIMD kernel (see below) far less.
 */
import * as tf from '@tensorflow/tfjs';
import { adamKernelFor, type AdamKernel, type WasmMemory } from './adam-kernel.js';
import { readView, tensorFilledBy } from './tensor-memory.js';

/** Adam's hyperparameters (Keras defaults apart from the learning rate). */
export interface AdamOptions {
  readonly learningRate: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
}

interface WasmHeap {
  getMemoryOffset(dataId: tf.DataId): number;
  wasm: { asm: { memory: WasmMemory } };
}

/**
 * The optimiser state (step count and both moments) for a fixed list of parameters. On the
 * wasm backend the moments are tensors on the wasm heap, updated in place by the SIMD kernel
 * of `adam-kernel.ts`; elsewhere they are Float32Arrays updated by a JavaScript loop. Call
 * `dispose` when done.
 */
export class Adam {
  private readonly firstMoments: Float32Array[] | tf.Tensor[];
  private readonly secondMoments: Float32Array[] | tf.Tensor[];
  private readonly kernel: { run: AdamKernel; heap: WasmHeap } | null;
  private steps = 0;

  constructor(
    private readonly sizes: readonly number[],
    readonly options: AdamOptions,
  ) {
    const heap = tf.getBackend() === 'wasm' ? (tf.backend() as unknown as WasmHeap) : null;
    const run = heap ? adamKernelFor(heap.wasm.asm.memory) : null;
    this.kernel = heap && run ? { run, heap } : null;
    if (this.kernel) {
      this.firstMoments = sizes.map((n) => tf.zeros([n]));
      this.secondMoments = sizes.map((n) => tf.zeros([n]));
    } else {
      this.firstMoments = sizes.map((n) => new Float32Array(n));
      this.secondMoments = sizes.map((n) => new Float32Array(n));
    }
  }

  /** Number of updates applied so far. */
  get iterations(): number {
    return this.steps;
  }

  /** Whether the update runs in the WebAssembly SIMD kernel. */
  get usesSimdKernel(): boolean {
    return this.kernel !== null;
  }

  /** Applies one update: `variables[i]` moves along `gradients[i]` (same shapes). */
  apply(variables: readonly tf.Variable[], gradients: readonly tf.Tensor[]): void {
    if (variables.length !== this.sizes.length || gradients.length !== variables.length) {
      throw new Error(`Adam: expected ${this.sizes.length} variables and gradients`);
    }
    this.steps += 1;
    const { learningRate, beta1, beta2, epsilon } = this.options;
    const stepSize = (learningRate * Math.sqrt(1 - beta2 ** this.steps)) / (1 - beta1 ** this.steps);
    for (let i = 0; i < variables.length; i++) {
      const variable = variables[i]!;
      const gradient = gradients[i]!;
      if (gradient.size !== this.sizes[i] || variable.size !== this.sizes[i]) {
        throw new Error(`Adam: parameter ${i} has ${variable.size} values and gradient ${gradient.size}, expected ${this.sizes[i]}`);
      }
      const next = tensorFilledBy(variable.shape, (out) => {
        const p = readView(variable);
        const g = readView(gradient);
        let done = 0;
        let m: Float32Array, v: Float32Array;
        if (this.kernel) {
          const { run, heap } = this.kernel;
          const mt = this.firstMoments[i] as tf.Tensor;
          const vt = this.secondMoments[i] as tf.Tensor;
          run(
            heap.getMemoryOffset(variable.dataId), heap.getMemoryOffset(gradient.dataId),
            heap.getMemoryOffset(mt.dataId), heap.getMemoryOffset(vt.dataId),
            out.byteOffset, out.length, stepSize, beta1, 1 - beta1, beta2, 1 - beta2, epsilon,
          );
          done = out.length & ~3;
          m = readView(mt);
          v = readView(vt);
        } else {
          m = this.firstMoments[i] as Float32Array;
          v = this.secondMoments[i] as Float32Array;
        }
        adamLoop(p, g, m, v, out, done, stepSize, beta1, beta2, epsilon);
      });
      variable.assign(next);
      next.dispose();
    }
  }

  /** Frees the moment tensors (wasm). */
  dispose(): void {
    if (this.kernel) tf.dispose([...(this.firstMoments as tf.Tensor[]), ...(this.secondMoments as tf.Tensor[])]);
  }
}

/** The update above in JavaScript (float64 arithmetic, float32 storage) for elements [from, out.length). */
export function adamLoop(
  p: Float32Array, g: Float32Array, m: Float32Array, v: Float32Array, out: Float32Array,
  from: number, stepSize: number, beta1: number, beta2: number, epsilon: number,
): void {
  const take1 = 1 - beta1;
  const take2 = 1 - beta2;
  for (let j = from; j < out.length; j++) {
    const gj = g[j]!;
    const mj = beta1 * m[j]! + take1 * gj;
    const vj = beta2 * v[j]! + take2 * gj * gj;
    m[j] = mj;
    v[j] = vj;
    out[j] = p[j]! - (stepSize * mj) / (Math.sqrt(vj) + epsilon);
  }
}
