/**
 * The VAE's training step (the math of `vae-step.ts`, same layout: kernels stored transposed
 * [out, in], activations [width, batch]) run on hand-written WebAssembly SIMD kernels over one
 * WebAssembly.Memory that holds the parameters, both Adam moments, the gradients and every
 * activation, so a step allocates nothing and crosses no tfjs op boundary:
 *
 *   forward   a1T = relu(W1t xT + b1)  [mu; lv] = Wht a1T + bh  s = exp(lv / 2)  z = mu + s eps
 *             a3T = relu(W3t zT + b3)  yT = sigmoid(W4t a3T + b4)          (gemm + bias + relu)
 *   backward  g4 = 2 (y - x) y (1 - y)     dW4t = g4T a3     g3T = (W4t^T g4T) [a3 > 0]
 *             dW3t = g3T z                 gzT = W3t^T g3T
 *             gMu = gz + mu / b            gLv = (gz s eps + (s^2 - 1) / b) / 2
 *             dWht = ghT a1                g1T = (Wht^T ghT) [a1 > 0]         dW1t = g1T x
 *             bias gradients: row sums of g4T, g3T, ghT, g1T
 *   update    Adam over all parameters in one pass (`adam-kernel.ts`), in place
 *
 * Products are `gemm-kernel.ts` kernels generated per batch width; W^T g products read the
 * stored Wt through strides (no transpose is made). The small elementwise parts (sigmoid, the
 * reparameterisation, the loss sums, masks) run in JavaScript on views of the memory, with
 * the loss summed in float64. The parameters live here during training; `parameters()` copies
 * them out in `PARAMETER_NAMES` order.
 */
import { Random } from '../util/random.js';
import { adamKernelFor, type AdamKernel } from './adam-kernel.js';
import { adamLoop, type AdamOptions } from './adam.js';
import { gemmFunction, type GemmShape } from './gemm-kernel.js';
import type { NumericMatrix } from './matrix.js';
import { instantiate, moduleBytes, newMemory, type FunctionCode, type WasmMemory } from './wasm-encoding.js';
import { parameterShapes, type VaeDims } from './vae-weights.js';

type Kernel = (a: number, b: number, c: number, bias: number, blocks: number) => void;

/** Rows per register tile and f32x4 vectors per tile row, as measured fastest. */
const TILE_ROWS = 4;
const TILE_VECTORS = 2;
/** k chunk of the W^T g products (their A is strided: keep a chunk of it in L1). */
const STRIDED_K_CHUNK = 256;

/** One product C = A B (+ bias, relu) of a fixed shape: a main kernel for whole tiles and one for the last rows. */
class Product {
  constructor(
    private readonly main: Kernel,
    private readonly last: Kernel | null,
    private readonly m: number,
    private readonly aRowBytes: number,
    private readonly cRowBytes: number,
  ) {}

  /** Runs it on byte offsets a, b, c (and bias, or 0). */
  run(a: number, b: number, c: number, bias = 0): void {
    const blocks = Math.floor(this.m / TILE_ROWS);
    this.main(a, b, c, bias, blocks);
    if (this.last) {
      const done = blocks * TILE_ROWS;
      this.last(a + done * this.aRowBytes, b, c + done * this.cRowBytes, bias + 4 * done, 1);
    }
  }
}

/** Describes a product for `Products`: C [m, n] = A B with A's strides, B [k, n] rows `n` apart. */
interface ProductSpec {
  readonly m: number;
  readonly n: number;
  readonly k: number;
  readonly aRowStride: number;
  readonly aColStride: number;
  readonly bias?: boolean;
  readonly relu?: boolean;
  readonly kChunk?: number;
}

/** Compiles a set of products into one module on `memory`. */
function compileProducts<K extends string>(memory: WasmMemory, specs: Record<K, ProductSpec>): Record<K, Product> {
  const functions: FunctionCode[] = [];
  const names = Object.keys(specs) as K[];
  for (const name of names) {
    const s = specs[name];
    const shape: GemmShape = {
      rows: TILE_ROWS, vectors: TILE_VECTORS, n: s.n, k: s.k, aRowStride: s.aRowStride, aColStride: s.aColStride,
      ldb: s.n, ldc: s.n, bias: s.bias ?? false, accumulate: false, relu: s.relu ?? false, kChunk: s.kChunk ?? 0,
    };
    functions.push(gemmFunction(`${name}`, shape));
    if (s.m % TILE_ROWS) functions.push(gemmFunction(`${name}_last`, { ...shape, rows: s.m % TILE_ROWS }));
  }
  const exports = instantiate(moduleBytes(functions), memory);
  const out = {} as Record<K, Product>;
  for (const name of names) {
    const s = specs[name];
    const last = s.m % TILE_ROWS ? (exports[`${name}_last`] as Kernel) : null;
    out[name] = new Product(exports[name] as Kernel, last, s.m, 4 * s.aRowStride, 4 * s.n);
  }
  return out;
}

const PRODUCTS = ['layer1', 'heads', 'layer3', 'layer4', 'gradW4', 'back4', 'gradW3', 'back3', 'gradHeads', 'backHeads', 'gradW1'] as const;
type ProductName = (typeof PRODUCTS)[number];

/** Float offsets of every buffer in the memory. */
interface Layout {
  /** Start of each parameter (PARAMETER_NAMES order), then the total; the same offsets for gradients / moments relative to their base. */
  readonly paramOffsets: number[];
  readonly paramCount: number;
  readonly params: number;
  readonly grads: number;
  readonly m: number;
  readonly v: number;
  /** Activations [width, batch] (x also as rows [batch, input]). */
  readonly xT: number; readonly x: number; readonly epsT: number;
  readonly a1T: number; readonly a1: number; readonly headsT: number; readonly sigmaT: number;
  readonly zT: number; readonly z: number; readonly a3T: number; readonly a3: number; readonly yT: number;
  readonly g4T: number; readonly g3T: number; readonly gzT: number; readonly ghT: number; readonly g1T: number;
  readonly end: number;
}

function layout(dims: VaeDims, batch: number): Layout {
  const { inputDim: d, intermediateDim: h, latentDim: l } = dims;
  const sizes = parameterShapes(dims).map((s) => s.reduce((a, b) => a * b, 1));
  const paramOffsets: number[] = [];
  let total = 0;
  for (const size of sizes) {
    paramOffsets.push(total);
    total += align(size);
  }
  let at = 0;
  const take = (n: number) => {
    const start = at;
    at += align(n);
    return start;
  };
  const params = take(total), grads = take(total), m = take(total), v = take(total);
  const B = batch;
  return {
    paramOffsets, paramCount: total, params, grads, m, v,
    xT: take(d * B), x: take(d * B), epsT: take(l * B),
    a1T: take(h * B), a1: take(h * B), headsT: take(2 * l * B), sigmaT: take(l * B),
    zT: take(l * B), z: take(l * B), a3T: take(h * B), a3: take(h * B), yT: take(d * B),
    g4T: take(d * B), g3T: take(h * B), gzT: take(l * B), ghT: take(2 * l * B), g1T: take(h * B),
    end: at,
  };
}

/** Rounds a float count up to a multiple of 16 (64-byte alignment). */
const align = (n: number) => Math.ceil(n / 16) * 16;

/** The wasm kernels and buffers of one VAE's training; see the module doc. */
export class VaeEngine {
  private readonly memory: WasmMemory;
  private readonly layout: Layout;
  private readonly adam: AdamKernel;
  private readonly products = new Map<number, Record<ProductName, Product>>();
  private readonly sizes: number[];
  private steps = 0;

  /** An engine for `dims`, batches of at most `maxBatch` rows, starting from `values` (PARAMETER_NAMES order). */
  constructor(
    readonly dims: VaeDims,
    readonly maxBatch: number,
    values: readonly Float32Array[],
    private readonly adamOptions: AdamOptions,
  ) {
    this.layout = layout(dims, maxBatch);
    this.memory = newMemory(Math.ceil((4 * this.layout.end) / 65536) + 1);
    const adam = adamKernelFor(this.memory);
    if (!adam) throw new Error('VaeEngine: this JavaScript engine has no WebAssembly SIMD');
    this.adam = adam;
    this.sizes = parameterShapes(dims).map((s) => s.reduce((a, b) => a * b, 1));
    this.assign(values);
  }

  /** Overwrites the parameters with `values` (PARAMETER_NAMES order); the Adam state stays. */
  assign(values: readonly Float32Array[]): void {
    if (values.length !== this.sizes.length) throw new Error(`VaeEngine: expected ${this.sizes.length} parameter arrays`);
    const f = this.view();
    values.forEach((value, i) => {
      if (value.length !== this.sizes[i]) throw new Error(`VaeEngine: parameter ${i} has ${value.length} values, expected ${this.sizes[i]}`);
      f.set(value, this.layout.params + this.layout.paramOffsets[i]!);
    });
  }

  /** Whether this JavaScript engine runs the kernels (WebAssembly SIMD). */
  static supported(): boolean {
    try {
      return adamKernelFor(newMemory(1)) !== null;
    } catch {
      return false;
    }
  }

  /** Number of Adam updates applied. */
  get iterations(): number {
    return this.steps;
  }

  /** A copy of the parameters, in `PARAMETER_NAMES` order. */
  parameters(): Float32Array[] {
    const f = this.view();
    return this.sizes.map((size, i) => f.slice(this.layout.params + this.layout.paramOffsets[i]!, this.layout.params + this.layout.paramOffsets[i]! + size));
  }

  /**
   * One Adam step on the rows `order[from..to)` of `data`, with latent noise drawn from `rng`
   * (latent x batch values, row-major [latent, batch], as `noiseTensor` draws them). Returns
   * the batch's loss before the update.
   */
  trainStep(data: NumericMatrix, order: ArrayLike<number>, from: number, to: number, rng: Random): number {
    const b = to - from;
    const loss = this.forward(data, order, from, to, rng);
    this.backward(b);
    this.update();
    return loss;
  }

  /** The loss of the rows `order[from..to)` (noise from `rng`), no update. */
  loss(data: NumericMatrix, order: ArrayLike<number>, from: number, to: number, rng: Random): number {
    return this.forward(data, order, from, to, rng);
  }

  /** The loss and gradients of the rows `order[from..to)` (noise from `rng`), no update; gradients in `PARAMETER_NAMES` order (copies). */
  gradients(data: NumericMatrix, order: ArrayLike<number>, from: number, to: number, rng: Random): { loss: number; gradients: Float32Array[] } {
    const loss = this.forward(data, order, from, to, rng);
    this.backward(to - from);
    const f = this.view();
    const L = this.layout;
    return { loss, gradients: this.sizes.map((size, i) => f.slice(L.grads + L.paramOffsets[i]!, L.grads + L.paramOffsets[i]! + size)) };
  }

  private view(): Float32Array {
    return new Float32Array(this.memory.buffer);
  }

  private productsFor(b: number): Record<ProductName, Product> {
    let p = this.products.get(b);
    if (p) return p;
    const { inputDim: d, intermediateDim: h, latentDim: l } = this.dims;
    const chunk = STRIDED_K_CHUNK;
    p = compileProducts(this.memory, {
      // forward: C [out, b] = Wt [out, in] xT [in, b]
      layer1: { m: h, n: b, k: d, aRowStride: d, aColStride: 1, bias: true, relu: true },
      heads: { m: 2 * l, n: b, k: h, aRowStride: h, aColStride: 1, bias: true },
      layer3: { m: h, n: b, k: l, aRowStride: l, aColStride: 1, bias: true, relu: true },
      layer4: { m: d, n: b, k: h, aRowStride: h, aColStride: 1, bias: true },
      // weight gradients: dWt [out, in] = gT [out, b] in [b, in]
      gradW4: { m: d, n: h, k: b, aRowStride: b, aColStride: 1 },
      gradW3: { m: h, n: l, k: b, aRowStride: b, aColStride: 1 },
      gradHeads: { m: 2 * l, n: h, k: b, aRowStride: b, aColStride: 1 },
      gradW1: { m: h, n: d, k: b, aRowStride: b, aColStride: 1 },
      // input gradients: g_in^T [in, b] = Wt^T g_out^T, Wt [out, in] read with strides (1, in)
      back4: { m: h, n: b, k: d, aRowStride: 1, aColStride: h, kChunk: chunk },
      back3: { m: l, n: b, k: h, aRowStride: 1, aColStride: l, kChunk: chunk },
      backHeads: { m: h, n: b, k: 2 * l, aRowStride: 1, aColStride: h, kChunk: chunk },
    });
    this.products.set(b, p);
    return p;
  }

  /** Forward pass and loss; leaves activations and g4T (the output gradient) in memory. */
  private forward(data: NumericMatrix, order: ArrayLike<number>, from: number, to: number, rng: Random): number {
    const b = to - from;
    if (b < 1 || b > this.maxBatch) throw new Error(`VaeEngine: batch of ${b} rows (1..${this.maxBatch} allowed)`);
    if (data.cols !== this.dims.inputDim) throw new Error(`VaeEngine: data has ${data.cols} columns, expected ${this.dims.inputDim}`);
    const { inputDim: d, intermediateDim: h, latentDim: l } = this.dims;
    const L = this.layout;
    const P = this.productsFor(b);
    const f = this.view();
    const param = (i: number) => 4 * (L.params + L.paramOffsets[i]!);

    // Inputs: x rows, xT, noise.
    for (let i = 0; i < b; i++) {
      const src = order[from + i]! * d;
      const row = L.x + i * d;
      for (let c = 0; c < d; c++) {
        const value = data.values[src + c]!;
        f[row + c] = value;
        f[L.xT + c * b + i] = value;
      }
    }
    for (let i = 0; i < l * b; i++) f[L.epsT + i] = rng.normal();

    P.layer1.run(param(0), 4 * L.xT, 4 * L.a1T, param(1));
    P.heads.run(param(2), 4 * L.a1T, 4 * L.headsT, param(3));
    // Reparameterisation and the KL sum: sum (1 + lv - mu^2 - s^2).
    let klSum = 0;
    const mu = L.headsT, lv = L.headsT + l * b;
    for (let i = 0; i < l * b; i++) {
      const s = Math.fround(Math.exp(f[lv + i]! * 0.5));
      f[L.sigmaT + i] = s;
      const m = f[mu + i]!;
      f[L.zT + i] = m + s * f[L.epsT + i]!;
      klSum += 1 + f[lv + i]! - m * m - s * s;
    }
    P.layer3.run(param(4), 4 * L.zT, 4 * L.a3T, param(5));
    P.layer4.run(param(6), 4 * L.a3T, 4 * L.yT, param(7));
    // Sigmoid, reconstruction error and the output gradient g4 = 2 (y - x) y (1 - y).
    let reconstruction = 0;
    for (let i = 0; i < d * b; i++) {
      const y = Math.fround(1 / (1 + Math.exp(-f[L.yT + i]!)));
      f[L.yT + i] = y;
      const diff = y - f[L.xT + i]!;
      reconstruction += diff * diff;
      f[L.g4T + i] = 2 * diff * y * (1 - y);
    }
    return reconstruction - (0.5 * klSum) / b;
  }

  /** Gradients of the batch the last `forward` saw, into the gradient buffer. */
  private backward(b: number): void {
    const { inputDim: d, intermediateDim: h, latentDim: l } = this.dims;
    const L = this.layout;
    const P = this.productsFor(b);
    const f = this.view();
    const param = (i: number) => 4 * (L.params + L.paramOffsets[i]!);
    const grad = (i: number) => L.grads + L.paramOffsets[i]!;

    transposeInto(f, L.a3T, L.a3, h, b);
    P.gradW4.run(4 * L.g4T, 4 * L.a3, 4 * grad(6));
    rowSums(f, L.g4T, d, b, grad(7));
    P.back4.run(param(6), 4 * L.g4T, 4 * L.g3T);
    reluMask(f, L.g3T, L.a3T, h * b);

    transposeInto(f, L.zT, L.z, l, b);
    P.gradW3.run(4 * L.g3T, 4 * L.z, 4 * grad(4));
    rowSums(f, L.g3T, h, b, grad(5));
    P.back3.run(param(4), 4 * L.g3T, 4 * L.gzT);

    // Latent heads: gMu = gz + mu / b;  gLv = (gz s eps + (s^2 - 1) / b) / 2.
    const mu = L.headsT;
    for (let i = 0; i < l * b; i++) {
      const gz = f[L.gzT + i]!;
      const s = f[L.sigmaT + i]!;
      f[L.ghT + i] = gz + f[mu + i]! / b;
      f[L.ghT + l * b + i] = (gz * s * f[L.epsT + i]! + (s * s - 1) / b) * 0.5;
    }
    transposeInto(f, L.a1T, L.a1, h, b);
    P.gradHeads.run(4 * L.ghT, 4 * L.a1, 4 * grad(2));
    rowSums(f, L.ghT, 2 * l, b, grad(3));
    P.backHeads.run(param(2), 4 * L.ghT, 4 * L.g1T);
    reluMask(f, L.g1T, L.a1T, h * b);

    P.gradW1.run(4 * L.g1T, 4 * L.x, 4 * grad(0));
    rowSums(f, L.g1T, h, b, grad(1));
  }

  /** Adam over all parameters (one kernel call; the JavaScript loop finishes the last n mod 4). */
  private update(): void {
    this.steps += 1;
    const { learningRate, beta1, beta2, epsilon } = this.adamOptions;
    const stepSize = (learningRate * Math.sqrt(1 - beta2 ** this.steps)) / (1 - beta1 ** this.steps);
    const L = this.layout;
    const n = L.paramCount;
    this.adam(4 * L.params, 4 * L.grads, 4 * L.m, 4 * L.v, 4 * L.params, n, stepSize, beta1, 1 - beta1, beta2, 1 - beta2, epsilon);
    const done = n & ~3;
    if (done < n) {
      const f = this.view();
      const sub = (base: number) => f.subarray(base, base + n);
      adamLoop(sub(L.params), sub(L.grads), sub(L.m), sub(L.v), sub(L.params), done, stepSize, beta1, beta2, epsilon);
    }
  }
}

/** dst [cols, rows] = transpose of src [rows, cols] (float offsets into f). */
function transposeInto(f: Float32Array, src: number, dst: number, rows: number, cols: number): void {
  for (let r = 0; r < rows; r++) {
    const row = src + r * cols;
    for (let c = 0; c < cols; c++) f[dst + c * rows + r] = f[row + c]!;
  }
}

/** out[r] = sum_c m[r, c] for m [rows, cols] (float64 sums). */
function rowSums(f: Float32Array, m: number, rows: number, cols: number, out: number): void {
  for (let r = 0; r < rows; r++) {
    let sum = 0;
    const row = m + r * cols;
    for (let c = 0; c < cols; c++) sum += f[row + c]!;
    f[out + r] = sum;
  }
}

/** g *= [a > 0] elementwise over n values. */
function reluMask(f: Float32Array, g: number, a: number, n: number): void {
  for (let i = 0; i < n; i++) if (!(f[a + i]! > 0)) f[g + i] = 0;
}
