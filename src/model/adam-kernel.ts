/**
 * A hand-written WebAssembly SIMD kernel for the Adam update, run directly on a memory it
 * imports (the tfjs wasm backend's heap, or `vae-engine.ts`'s own), four floats per
 * instruction:
 *
 *   for i in [0, n rounded down to 4):  m_i = k1 m_i + t1 g_i;   v_i = k2 v_i + t2 g_i^2
 *                                       out_i = p_i - step m_i / (sqrt(v_i) + eps)
 *
 * in float32 arithmetic, in this order. All pointers are byte offsets into the memory; out may
 * be p (in place); the caller finishes the last n mod 4 elements. Built with
 * `wasm-encoding.ts`; its results are checked against the plain JavaScript update in
 * test/model/adam.test.ts. The update is bound by the divider (sqrt and division): about
 * 1.6 G parameters/s from cache on the project's machine.
 */
import { F32, I32, V128, instantiate, moduleBytes, op, type FunctionCode, type WasmMemory } from './wasm-encoding.js';

export type { WasmMemory } from './wasm-encoding.js';

/** adam(p, g, m, v, out, n, step, k1, t1, k2, t2, eps): see the module doc. */
export type AdamKernel = (
  p: number, g: number, m: number, v: number, out: number, n: number,
  step: number, keep1: number, take1: number, keep2: number, take2: number, epsilon: number,
) => void;

function adamFunction(): FunctionCode {
  // params: 0..5 i32 (p, g, m, v, out, n), 6..11 f32 (step, k1, t1, k2, t2, eps);
  // locals: 12 i (byte offset), 13 end; 14..19 the six constants splatted; 20 G, 21 M, 22 V.
  const { localGet: get, localSet: set } = op;
  const at = (base: number) => [...get(base), ...get(12), ...op.i32Add]; // base + i
  const [STEP, K1, T1, K2, T2, EPS] = [14, 15, 16, 17, 18, 19];
  const [G, M, V] = [20, 21, 22];
  const body = [
    ...get(5), ...op.i32Const(-4), ...op.i32And, ...op.i32Const(2), ...op.i32Shl, ...set(13), // end = (n & -4) << 2
    ...[6, 7, 8, 9, 10, 11].flatMap((k) => [...get(k), ...op.f32x4Splat, ...set(k + 8)]),
    ...op.block, ...op.loop,
    ...get(12), ...get(13), ...op.i32GeU, ...op.brIf(1),
    ...at(1), ...op.v128Load(), ...set(G),
    ...get(K1), ...at(2), ...op.v128Load(), ...op.f32x4Mul, ...get(T1), ...get(G), ...op.f32x4Mul, ...op.f32x4Add, ...set(M),
    ...at(2), ...get(M), ...op.v128Store(),
    ...get(K2), ...at(3), ...op.v128Load(), ...op.f32x4Mul, ...get(T2), ...get(G), ...get(G), ...op.f32x4Mul, ...op.f32x4Mul, ...op.f32x4Add, ...set(V),
    ...at(3), ...get(V), ...op.v128Store(),
    ...at(4), ...at(0), ...op.v128Load(), ...get(STEP), ...get(M), ...op.f32x4Mul, ...get(V), ...op.f32x4Sqrt, ...get(EPS), ...op.f32x4Add,
    ...op.f32x4Div, ...op.f32x4Sub, ...op.v128Store(),
    ...get(12), ...op.i32Const(16), ...op.i32Add, ...set(12),
    ...op.br(0), ...op.end, ...op.end,
  ];
  return { name: 'adam', params: [I32, I32, I32, I32, I32, I32, F32, F32, F32, F32, F32, F32], locals: [[I32, 2], [V128, 9]], body };
}

/** The module's bytes. */
export function adamKernelBytes(): Uint8Array {
  return moduleBytes([adamFunction()]);
}

const instances = new WeakMap<WasmMemory, AdamKernel | null>();

/** The kernel bound to `memory`, or null where WebAssembly SIMD is unavailable. */
export function adamKernelFor(memory: WasmMemory): AdamKernel | null {
  if (instances.has(memory)) return instances.get(memory)!;
  let kernel: AdamKernel | null = null;
  try {
    kernel = instantiate(adamKernelBytes, memory, 'adam-kernel').adam as AdamKernel;
  } catch {
    kernel = null;
  }
  instances.set(memory, kernel);
  return kernel;
}
