/**
 * The VAE's training step (the math of `vae-step.ts`, same layout: kernels stored transposed
 * [out, in], activations [width, batch]) run on hand-written WebAssembly SIMD kernels over one
 * WebAssembly.Memory that holds the parameters, both Adam moments, the gradients and every
 * activation, so a step allocates nothing and crosses no tfjs op boundary:
 *
 *   forward   a1T = relu(W1t xT + b1)  [mu; lv] = Wht a1T + bh  s = exp(lv / 2)  z = mu + s eps
 *             a3T = relu(W3t zT + b3)  yT = sigmoid(W4t a3T + b4)          (gemm + bias + relu)
 *   backward  g4 = 2 (y - x) y (1 - y)     dW4t = g4T a3     g3 = (g4 W4t) [a3 > 0]
 *             dW3t = g3T z                 gz = g3 W3t
 *             gMu = gz + mu / b            gLv = (gz s eps + (s^2 - 1) / b) / 2
 *             dWht = ghT a1                g1 = (gh Wht) [a1 > 0]              dW1t = g1T x
 *             bias gradients: row sums of g4T, g3T, ghT, g1T
 *   update    Adam over all parameters in one pass (`adam-kernel.ts`), in place
 *
 * Products are `gemm-kernel.ts` kernels generated per batch width; their batch-sized B
 * operands are copied into panels (one register tile's columns, row after row). The input
 * gradients g_in = g_out Wt come out in rows [batch, width] from the stored Wt (no weight
 * matrix is ever transposed) and are transposed back in JavaScript. Sigmoid (with the output
 * gradient) and exp are SIMD kernels too (`elementwise-kernel.ts`); the remaining small
 * elementwise parts (the reparameterisation, the loss sums, masks, bias gradients) run in
 * JavaScript on views of the memory, the loss summed in float64. The parameters live here
 * during training; `parameters()` copies them out in `PARAMETER_NAMES` order.
 *
 * Measured at input 2000, batch 32 (one core of the project's machine): about 35 ms per step
 * where the tfjs-ops path of `vae-step.ts` takes about 52.
 */
import type { Random } from '../util/random.js';
import { adamKernelFor, type AdamKernel } from './adam-kernel.js';
import { adamLoop, type AdamOptions } from './adam.js';
import { elementwiseKernels, expScalar, type ElementwiseKernels } from './elementwise-kernel.js';
import { gemmFunction, type GemmShape } from './gemm-kernel.js';
import type { NumericMatrix } from './matrix.js';
import { instantiate, moduleBytes, newMemory, type FunctionCode, type WasmMemory } from './wasm-encoding.js';
import { parameterShapes, type VaeDims } from './vae-weights.js';

type Kernel = (a: number, b: number, c: number, bias: number, blocks: number) => void;

/** Rows per register tile and f32x4 vectors per tile row, as measured fastest. */
const TILE_ROWS = 4;
const TILE_VECTORS = 2;
/** Columns of a register tile: B operands of the batch-sized products are stored in panels this wide. */
const PANEL = 4 * TILE_VECTORS;
/**
 * Rows of Wt per call of an input-gradient product: that slice of Wt stays in the L2 cache
 * while every batch row passes over it (48-64 measured best on the project's machine).
 */
const INPUT_GRADIENT_CHUNK = 64;

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

/** A product C [m, n] = A B with A's strides (in floats), B [k, n] and C with rows `n` apart. */
interface ProductSpec {
  readonly m: number;
  readonly n: number;
  readonly k: number;
  readonly aRowStride: number;
  readonly aColStride: number;
  readonly bias?: boolean;
  readonly relu?: boolean;
  readonly accumulate?: boolean;
  /** B is stored in panels (see `packedIndex`) rather than row-major. */
  readonly panelB?: boolean;
}

/** A set of products as one module on `memory` (compiled once per process for the same specs). */
function compileProducts(memory: WasmMemory, specs: ReadonlyMap<string, ProductSpec>): Map<string, Product> {
  const exports = instantiate(() => moduleBytes(gemmFunctions(specs)), memory, `vae-engine ${JSON.stringify([...specs])}`);
  const out = new Map<string, Product>();
  for (const [name, s] of specs) {
    const last = s.m % TILE_ROWS ? (exports[`${name}_last`] as Kernel) : null;
    out.set(name, new Product(exports[name] as Kernel, last, s.m, 4 * s.aRowStride, 4 * s.n));
  }
  return out;
}

/** The kernels of `specs`: `name` for whole row tiles and `name_last` for the rows left over. */
function gemmFunctions(specs: ReadonlyMap<string, ProductSpec>): FunctionCode[] {
  const functions: FunctionCode[] = [];
  for (const [name, s] of specs) {
    const shape: GemmShape = {
      rows: TILE_ROWS, vectors: TILE_VECTORS, n: s.n, k: s.k, aRowStride: s.aRowStride, aColStride: s.aColStride,
      ldb: s.panelB ? PANEL : s.n, ldc: s.n, bias: s.bias ?? false, accumulate: s.accumulate ?? false, relu: s.relu ?? false,
      ...(s.panelB ? { bTileBytes: 4 * PANEL * s.k } : {}),
    };
    functions.push(gemmFunction(name, shape));
    if (s.m % TILE_ROWS) functions.push(gemmFunction(`${name}_last`, { ...shape, rows: s.m % TILE_ROWS }));
  }
  return functions;
}

/**
 * An input gradient in rows, g_in [b, in] = g_out [b, out] Wt [out, in], with g_out read from
 * g_outT [out, b] through strides: INPUT_GRADIENT_CHUNK rows of Wt per call, the first call
 * storing and the others adding to g_in. (Reading Wt^T through strides instead, to get
 * g_in^T directly, measured 5-7% slower per training step.)
 */
class InputGradient {
  private constructor(
    private readonly calls: readonly { readonly start: number; readonly product: Product }[],
    private readonly b: number,
    private readonly inWidth: number,
  ) {}

  /** The product specs (named `name:start`) for batch width b and Wt [out, in]. */
  static specs(name: string, b: number, out: number, inWidth: number): [string, ProductSpec][] {
    const specs: [string, ProductSpec][] = [];
    for (let start = 0; start < out; start += INPUT_GRADIENT_CHUNK) {
      const k = Math.min(INPUT_GRADIENT_CHUNK, out - start);
      specs.push([`${name}:${start}`, { m: b, n: inWidth, k, aRowStride: 1, aColStride: b, accumulate: start > 0 }]);
    }
    return specs;
  }

  /** The compiled form of `specs(name, b, out, inWidth)`. */
  static from(products: ReadonlyMap<string, Product>, name: string, b: number, out: number, inWidth: number): InputGradient {
    const calls = InputGradient.specs(name, b, out, inWidth).map(([key]) => ({ start: Number(key.split(':')[1]), product: products.get(key)! }));
    return new InputGradient(calls, b, inWidth);
  }

  /** Byte offsets: w of Wt, gT of g_outT, c of g_in. */
  run(w: number, gT: number, c: number): void {
    for (const { start, product } of this.calls) product.run(gT + 4 * start * this.b, w + 4 * start * this.inWidth, c);
  }
}

/** The compiled products of one batch width. */
interface BatchProducts {
  // forward: C [out, b] = Wt [out, in] xT [in, b] + bias (relu)
  readonly layer1: Product;
  readonly heads: Product;
  readonly layer3: Product;
  readonly layer4: Product;
  // weight gradients: dWt [out, in] = gT [out, b] in [b, in]
  readonly gradW4: Product;
  readonly gradW3: Product;
  readonly gradHeads: Product;
  readonly gradW1: Product;
  // input gradients in rows [b, in]
  readonly back4: InputGradient;
  readonly back3: InputGradient;
  readonly backHeads: InputGradient;
}

/** Float offsets of every buffer in the memory. */
interface Layout {
  /** Start of each parameter (PARAMETER_NAMES order), then the total; the same offsets for gradients / moments relative to their base. */
  readonly paramOffsets: number[];
  readonly paramCount: number;
  readonly params: number;
  readonly grads: number;
  readonly m: number;
  readonly v: number;
  /** Activations [width, batch]. */
  readonly xT: number; readonly epsT: number; readonly a1T: number; readonly headsT: number;
  readonly sigmaT: number; readonly zT: number; readonly a3T: number; readonly yT: number;
  /** The B operands of the batch-sized products, in panels: xT, a1T, zT, a3T and x, a1, z, a3 (their transposes). */
  readonly xTPanels: number; readonly a1TPanels: number; readonly zTPanels: number; readonly a3TPanels: number;
  readonly xPanels: number; readonly a1Panels: number; readonly zPanels: number; readonly a3Panels: number;
  readonly g4T: number; readonly g3T: number; readonly gzT: number; readonly ghT: number; readonly g1T: number;
  /** An input gradient in rows, [batch, width] (row-form products). */
  readonly gIn: number;
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
    xT: take(d * B), epsT: take(l * B), a1T: take(h * B), headsT: take(2 * l * B),
    sigmaT: take(l * B), zT: take(l * B), a3T: take(h * B), yT: take(d * B),
    xTPanels: take(panelSize(d, B)), a1TPanels: take(panelSize(h, B)), zTPanels: take(panelSize(l, B)), a3TPanels: take(panelSize(h, B)),
    xPanels: take(panelSize(B, d)), a1Panels: take(panelSize(B, h)), zPanels: take(panelSize(B, l)), a3Panels: take(panelSize(B, h)),
    g4T: take(d * B), g3T: take(h * B), gzT: take(l * B), ghT: take(2 * l * B), g1T: take(h * B),
    gIn: take(Math.max(h, l) * B),
    end: at,
  };
}

/** Floats of a [k, n] matrix stored in panels (n rounded up to whole panels). */
const panelSize = (k: number, n: number) => Math.ceil(n / PANEL) * PANEL * k;

/**
 * Where element (k, n) of a [k, n] matrix stored in panels lives: panel floor(n / PANEL) holds
 * columns PANEL floor(n / PANEL) .. + PANEL - 1 of every row, row after row, so a register
 * tile reads its B values as one contiguous stream.
 */
const packedIndex = (k: number, n: number, rows: number) => (n - (n % PANEL)) * rows + k * PANEL + (n % PANEL);

/** Rounds a float count up to a multiple of 16 (64-byte alignment). */
const align = (n: number) => Math.ceil(n / 16) * 16;

/** The wasm kernels and buffers of one VAE's training; see the module doc. */
export class VaeEngine {
  private readonly memory: WasmMemory;
  private readonly layout: Layout;
  private readonly adam: AdamKernel;
  private readonly elementwise: ElementwiseKernels;
  private readonly products = new Map<number, BatchProducts>();
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
    const pages = Math.ceil((4 * this.layout.end) / 65536) + 1;
    if (pages > 65536) {
      throw new Error(
        `VaeEngine: input ${dims.inputDim} with batches of ${maxBatch} needs ${(pages / 16384).toFixed(1)} GB ` +
          `(parameters, Adam moments, gradients, activations), more than WebAssembly's 4 GB`,
      );
    }
    this.memory = newMemory(pages);
    const adam = adamKernelFor(this.memory);
    if (!adam) throw new Error('VaeEngine: this JavaScript engine has no WebAssembly SIMD');
    this.adam = adam;
    this.elementwise = elementwiseKernels(this.memory);
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

  private productsFor(b: number): BatchProducts {
    const known = this.products.get(b);
    if (known) return known;
    const { inputDim: d, intermediateDim: h, latentDim: l } = this.dims;
    const specs = new Map<string, ProductSpec>([
      ['layer1', { m: h, n: b, k: d, aRowStride: d, aColStride: 1, bias: true, relu: true, panelB: true }],
      ['heads', { m: 2 * l, n: b, k: h, aRowStride: h, aColStride: 1, bias: true, panelB: true }],
      ['layer3', { m: h, n: b, k: l, aRowStride: l, aColStride: 1, bias: true, relu: true, panelB: true }],
      ['layer4', { m: d, n: b, k: h, aRowStride: h, aColStride: 1, bias: true, panelB: true }],
      ['gradW4', { m: d, n: h, k: b, aRowStride: b, aColStride: 1, panelB: true }],
      ['gradW3', { m: h, n: l, k: b, aRowStride: b, aColStride: 1, panelB: true }],
      ['gradHeads', { m: 2 * l, n: h, k: b, aRowStride: b, aColStride: 1, panelB: true }],
      ['gradW1', { m: h, n: d, k: b, aRowStride: b, aColStride: 1, panelB: true }],
      ...InputGradient.specs('back4', b, d, h),
      ...InputGradient.specs('back3', b, h, l),
      ...InputGradient.specs('backHeads', b, 2 * l, h),
    ]);
    const c = compileProducts(this.memory, specs);
    const products: BatchProducts = {
      layer1: c.get('layer1')!, heads: c.get('heads')!, layer3: c.get('layer3')!, layer4: c.get('layer4')!,
      gradW4: c.get('gradW4')!, gradW3: c.get('gradW3')!, gradHeads: c.get('gradHeads')!, gradW1: c.get('gradW1')!,
      back4: InputGradient.from(c, 'back4', b, d, h),
      back3: InputGradient.from(c, 'back3', b, h, l),
      backHeads: InputGradient.from(c, 'backHeads', b, 2 * l, h),
    };
    this.products.set(b, products);
    return products;
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

    // Inputs: xT, xT and x in panels, noise.
    for (let i = 0; i < b; i++) {
      const src = order[from + i]! * d;
      const xTPanels = L.xTPanels + (i - (i % PANEL)) * d + (i % PANEL);
      for (let c = 0; c < d; c++) {
        const value = data.values[src + c]!;
        f[L.xT + c * b + i] = value;
        f[xTPanels + c * PANEL] = value;
        f[L.xPanels + packedIndex(i, c, b)] = value;
      }
    }
    for (let i = 0; i < l * b; i++) f[L.epsT + i] = rng.normal();

    P.layer1.run(param(0), 4 * L.xTPanels, 4 * L.a1T, param(1));
    toPanels(f, L.a1T, b, 1, h, b, L.a1TPanels);
    P.heads.run(param(2), 4 * L.a1TPanels, 4 * L.headsT, param(3));
    // Reparameterisation and the KL sum: sum (1 + lv - mu^2 - s^2).
    let klSum = 0;
    const mu = L.headsT, lv = L.headsT + l * b;
    this.elementwise.expScaled(4 * lv, 4 * L.sigmaT, l * b, 0.5);
    for (let i = (l * b) & ~3; i < l * b; i++) f[L.sigmaT + i] = expScalar(0.5 * f[lv + i]!);
    for (let i = 0; i < l * b; i++) {
      const s = f[L.sigmaT + i]!;
      const m = f[mu + i]!;
      f[L.zT + i] = m + s * f[L.epsT + i]!;
      klSum += 1 + f[lv + i]! - m * m - s * s;
    }
    toPanels(f, L.zT, b, 1, l, b, L.zTPanels);
    P.layer3.run(param(4), 4 * L.zTPanels, 4 * L.a3T, param(5));
    toPanels(f, L.a3T, b, 1, h, b, L.a3TPanels);
    P.layer4.run(param(6), 4 * L.a3TPanels, 4 * L.yT, param(7));
    // Sigmoid and the output gradient g4 = 2 (y - x) y (1 - y); the reconstruction error.
    this.elementwise.sigmoidOutput(4 * L.yT, 4 * L.xT, 4 * L.g4T, d * b);
    for (let i = (d * b) & ~3; i < d * b; i++) {
      const y = Math.fround(1 / (1 + expScalar(-f[L.yT + i]!)));
      f[L.yT + i] = y;
      f[L.g4T + i] = 2 * (y - f[L.xT + i]!) * y * (1 - y);
    }
    let reconstruction = 0;
    for (let i = 0; i < d * b; i++) {
      const diff = f[L.yT + i]! - f[L.xT + i]!;
      reconstruction += diff * diff;
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

    toPanels(f, L.a3T, 1, b, b, h, L.a3Panels);
    P.gradW4.run(4 * L.g4T, 4 * L.a3Panels, 4 * grad(6));
    rowSums(f, L.g4T, d, b, grad(7));
    P.back4.run(param(6), 4 * L.g4T, 4 * L.gIn);
    transposeMasked(f, L.gIn, L.g3T, b, h, L.a3T);

    toPanels(f, L.zT, 1, b, b, l, L.zPanels);
    P.gradW3.run(4 * L.g3T, 4 * L.zPanels, 4 * grad(4));
    rowSums(f, L.g3T, h, b, grad(5));
    P.back3.run(param(4), 4 * L.g3T, 4 * L.gIn);
    transposeInto(f, L.gIn, L.gzT, b, l);

    // Latent heads: gMu = gz + mu / b;  gLv = (gz s eps + (s^2 - 1) / b) / 2.
    const mu = L.headsT;
    for (let i = 0; i < l * b; i++) {
      const gz = f[L.gzT + i]!;
      const s = f[L.sigmaT + i]!;
      f[L.ghT + i] = gz + f[mu + i]! / b;
      f[L.ghT + l * b + i] = (gz * s * f[L.epsT + i]! + (s * s - 1) / b) * 0.5;
    }
    toPanels(f, L.a1T, 1, b, b, h, L.a1Panels);
    P.gradHeads.run(4 * L.ghT, 4 * L.a1Panels, 4 * grad(2));
    rowSums(f, L.ghT, 2 * l, b, grad(3));
    P.backHeads.run(param(2), 4 * L.ghT, 4 * L.gIn);
    transposeMasked(f, L.gIn, L.g1T, b, h, L.a1T);

    P.gradW1.run(4 * L.g1T, 4 * L.xPanels, 4 * grad(0));
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

/**
 * Stores the [rows, cols] matrix whose element (k, n) is f[src + k rowStride + n colStride]
 * in panels at dst (see `packedIndex`).
 */
function toPanels(f: Float32Array, src: number, rowStride: number, colStride: number, rows: number, cols: number, dst: number): void {
  for (let n0 = 0; n0 < cols; n0 += PANEL) {
    const width = Math.min(PANEL, cols - n0);
    const panel = dst + n0 * rows;
    for (let k = 0; k < rows; k++) {
      const from = src + k * rowStride + n0 * colStride;
      const to = panel + k * PANEL;
      for (let j = 0; j < width; j++) f[to + j] = f[from + j * colStride]!;
    }
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

/** dst [cols, rows] = transpose of src [rows, cols], zero where the activation a [cols, rows] is not > 0 (relu's derivative). */
function transposeMasked(f: Float32Array, src: number, dst: number, rows: number, cols: number, a: number): void {
  for (let c = 0; c < cols; c++) {
    const out = dst + c * rows;
    for (let r = 0; r < rows; r++) f[out + r] = f[a + c * rows + r]! > 0 ? f[src + r * cols + c]! : 0;
  }
}
