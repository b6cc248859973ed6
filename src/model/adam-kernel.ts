/**
 * A hand-assembled WebAssembly SIMD kernel for the Adam update, run directly on the memory of
 * the tfjs wasm backend (it imports that backend's WebAssembly.Memory), four floats per
 * instruction:
 *
 *   for i in [0, n rounded down to 4):  m_i = k1 m_i + t1 g_i;   v_i = k2 v_i + t2 g_i^2
 *                                       out_i = p_i - step m_i / (sqrt(v_i) + eps)
 *
 * in float32 arithmetic. All pointers are byte offsets into the tfjs heap; the caller finishes
 * the last n mod 4 elements. The module is 200 bytes, written out below opcode by opcode (the
 * WebAssembly binary format and SIMD proposal encodings), so no toolchain is needed; its
 * results are checked against the plain JavaScript update in test/model/adam.test.ts.
 */

/** The slice of the WebAssembly JS API used here (the project's TypeScript libs omit it). */
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
};
/** A WebAssembly.Memory. */
export type WasmMemory = { readonly buffer: ArrayBuffer };

/** adam(p, g, m, v, out, n, step, k1, t1, k2, t2, eps): see the module doc. */
export type AdamKernel = (
  p: number, g: number, m: number, v: number, out: number, n: number,
  step: number, keep1: number, take1: number, keep2: number, take2: number, epsilon: number,
) => void;

const I32 = 0x7f, F32 = 0x7d, V128 = 0x7b;
const SIMD = 0xfd;
const LOAD = [SIMD, 0x00, 0x00, 0x00]; // v128.load align=1 offset=0
const STORE = [SIMD, 0x0b, 0x00, 0x00]; // v128.store
const SPLAT = [SIMD, 0x13]; // f32x4.splat
const SQRT = [SIMD, 0xe3, 0x01], ADD = [SIMD, 0xe4, 0x01], SUB = [SIMD, 0xe5, 0x01];
const MUL = [SIMD, 0xe6, 0x01], DIV = [SIMD, 0xe7, 0x01];
const get = (i: number) => [0x20, i], set = (i: number) => [0x21, i];
const I32_ADD = 0x6a;

// Locals: params 0..5 i32 (p, g, m, v, out, n), 6..11 f32; 12 i (byte offset), 13 end;
// 14..19 the six constants splatted; 20 G, 21 M, 22 V.
const at = (base: number) => [...get(base), ...get(12), I32_ADD]; // base + i

function body(): number[] {
  const code = [
    0x02, 0x02, I32, 0x09, V128, // locals: 2 x i32, 9 x v128
    ...get(5), 0x41, 0x7c, 0x71, 0x41, 0x02, 0x74, ...set(13), // end = (n & -4) << 2
    ...[6, 7, 8, 9, 10, 11].flatMap((k) => [...get(k), ...SPLAT, ...set(k + 8)]),
    0x02, 0x40, 0x03, 0x40, // block, loop
    ...get(12), ...get(13), 0x4f, 0x0d, 0x01, // if i >= end break
    ...at(1), ...LOAD, ...set(20), // G = g[i]
    ...get(15), ...at(2), ...LOAD, ...MUL, ...get(16), ...get(20), ...MUL, ...ADD, ...set(21), // M
    ...at(2), ...get(21), ...STORE,
    ...get(17), ...at(3), ...LOAD, ...MUL, ...get(18), ...get(20), ...get(20), ...MUL, ...MUL, ...ADD, ...set(22), // V
    ...at(3), ...get(22), ...STORE,
    ...at(4), ...at(0), ...LOAD, ...get(14), ...get(21), ...MUL, ...get(22), ...SQRT, ...get(19), ...ADD, ...DIV, ...SUB, ...STORE,
    ...get(12), 0x41, 0x10, I32_ADD, ...set(12), // i += 16
    0x0c, 0x00, 0x0b, 0x0b, // br loop; end loop; end block
    0x0b, // end function
  ];
  return [...leb(code.length), ...code];
}

function leb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return out;
}

function section(id: number, content: number[]): number[] {
  return [id, ...leb(content.length), ...content];
}

const name = (text: string) => [text.length, ...Array.from(text, (c) => c.charCodeAt(0))];

/** The module's bytes. */
export function adamKernelBytes(): Uint8Array {
  return Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [1, 0x60, 12, I32, I32, I32, I32, I32, I32, F32, F32, F32, F32, F32, F32, 0]),
    ...section(2, [1, ...name('env'), ...name('memory'), 0x02, 0x00, 0x00]),
    ...section(3, [1, 0]),
    ...section(7, [1, ...name('adam'), 0x00, 0x00]),
    ...section(10, [1, ...body()]),
  ]);
}

const instances = new WeakMap<WasmMemory, AdamKernel | null>();

/** The kernel bound to `memory`, or null where WebAssembly SIMD is unavailable. */
export function adamKernelFor(memory: WasmMemory): AdamKernel | null {
  if (instances.has(memory)) return instances.get(memory)!;
  let kernel: AdamKernel | null = null;
  try {
    const module = new WebAssembly.Module(adamKernelBytes());
    const instance = new WebAssembly.Instance(module, { env: { memory } });
    kernel = instance.exports.adam as AdamKernel;
  } catch {
    kernel = null;
  }
  instances.set(memory, kernel);
  return kernel;
}
