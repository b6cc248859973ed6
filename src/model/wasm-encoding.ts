/**
 * A minimal WebAssembly binary encoder for the hand-written SIMD kernels of this folder
 * (`gemm-kernel.ts`, `adam-kernel.ts`): LEB128 numbers, the instructions the kernels use, and
 * a module with one imported memory and exported functions. Opcodes follow the WebAssembly
 * core specification (binary format) and its fixed-width SIMD extension; nothing here depends
 * on a toolchain.
 */
import { webAssembly, type WasmMemory } from '../util/webassembly.js';

export type { WasmMemory } from '../util/webassembly.js';

/** A new WebAssembly.Memory of `pages` 64 KiB pages (growable). */
export function newMemory(pages: number): WasmMemory {
  return new webAssembly.Memory({ initial: pages });
}

/** Value types. */
export const I32 = 0x7f, F32 = 0x7d, V128 = 0x7b;

/** Unsigned LEB128. */
export function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n = Math.floor(n / 128);
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return out;
}

/** Signed LEB128 (32-bit range). */
export function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

const SIMD = 0xfd;
const simd = (op: number) => [SIMD, ...uleb(op)];
/** memarg: alignment exponent and a constant byte offset. */
const memarg = (align: number, offset: number) => [...uleb(align), ...uleb(offset)];

/** Instructions (each returns its bytes). Memory offsets are constant byte offsets added to the address operand. */
export const op = {
  localGet: (i: number) => [0x20, ...uleb(i)],
  localSet: (i: number) => [0x21, ...uleb(i)],
  localTee: (i: number) => [0x22, ...uleb(i)],
  i32Const: (n: number) => [0x41, ...sleb(n | 0)],
  f32Const: (x: number) => [0x43, ...new Uint8Array(Float32Array.of(x).buffer)],
  i32Add: [0x6a], i32Sub: [0x6b], i32Mul: [0x6c], i32And: [0x71], i32Shl: [0x74],
  i32LtU: [0x49], i32GtU: [0x4b], i32LeU: [0x4d], i32GeU: [0x4f], i32Eqz: [0x45], i32Ne: [0x47],
  f32Load: (offset = 0) => [0x2a, ...memarg(2, offset)],
  f32Store: (offset = 0) => [0x38, ...memarg(2, offset)],
  f32Add: [0x92], f32Sub: [0x93], f32Mul: [0x94], f32Div: [0x95], f32Sqrt: [0x91], f32Max: [0x97], f32Min: [0x96],
  block: [0x02, 0x40], loop: [0x03, 0x40], if: [0x04, 0x40], else: [0x05], end: [0x0b],
  br: (depth: number) => [0x0c, ...uleb(depth)],
  brIf: (depth: number) => [0x0d, ...uleb(depth)],
  drop: [0x1a],
  select: [0x1b],
  v128Load: (offset = 0) => [...simd(0x00), ...memarg(0, offset)],
  v128Load32Splat: (offset = 0) => [...simd(0x09), ...memarg(0, offset)],
  v128Store: (offset = 0) => [...simd(0x0b), ...memarg(0, offset)],
  v128Store32Lane: (offset: number, lane: number) => [...simd(0x5a), ...memarg(0, offset), lane],
  v128Store64Lane: (offset: number, lane: number) => [...simd(0x5b), ...memarg(0, offset), lane],
  v128Const0: [...simd(0x0c), ...new Array<number>(16).fill(0)],
  /** v128.const of four equal float32 lanes. */
  f32x4Const: (x: number) => [...simd(0x0c), ...Array.from({ length: 4 }, () => Array.from(new Uint8Array(Float32Array.of(x).buffer))).flat()],
  /** v128.const of four equal int32 lanes. */
  i32x4Const: (n: number) => [...simd(0x0c), ...Array.from({ length: 4 }, () => Array.from(new Uint8Array(Int32Array.of(n).buffer))).flat()],
  f32x4Nearest: simd(0x6a),
  i32x4Shl: simd(0xab),
  i32x4Add: simd(0xae),
  i32x4TruncSatF32x4S: simd(0xf8),
  v128And: simd(0x4e),
  v128Bitselect: simd(0x52),
  f32x4Splat: simd(0x13),
  f32x4ExtractLane: (lane: number) => [...simd(0x1f), lane],
  f32x4Gt: simd(0x44),
  f32x4Add: simd(0xe4), f32x4Sub: simd(0xe5), f32x4Mul: simd(0xe6), f32x4Div: simd(0xe7),
  f32x4Sqrt: simd(0xe3), f32x4Min: simd(0xe8), f32x4Max: simd(0xe9),
} as const;

/** A function: parameter types, extra locals (type and count) and its body (without the final `end`). */
export interface FunctionCode {
  readonly name: string;
  readonly params: readonly number[];
  readonly locals: readonly [type: number, count: number][];
  readonly body: readonly number[];
}

const vec = (items: number[][]) => [...uleb(items.length), ...items.flat()];
const section = (id: number, content: number[]) => [id, ...uleb(content.length), ...content];
const nameBytes = (text: string) => [...uleb(text.length), ...Array.from(text, (c) => c.charCodeAt(0))];

/** A module importing `env.memory` and exporting `functions` (no results) under their names. */
export function moduleBytes(functions: readonly FunctionCode[]): Uint8Array {
  const types = functions.map((f) => [0x60, ...vec(f.params.map((p) => [p])), 0]);
  const bodies = functions.map((f) => {
    const code = [...vec(f.locals.map(([type, count]) => [...uleb(count), type])), ...f.body, 0x0b];
    return [...uleb(code.length), ...code];
  });
  return Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vec(types)),
    ...section(2, vec([[...nameBytes('env'), ...nameBytes('memory'), 0x02, 0x00, 0x00]])),
    ...section(3, vec(functions.map((_, i) => uleb(i)))),
    ...section(7, vec(functions.map((f, i) => [...nameBytes(f.name), 0x00, ...uleb(i)]))),
    ...section(10, vec(bodies)),
  ]);
}

/** Compiled modules by caller-chosen key: instances share a module's machine code and its tier-up to optimised code. */
const compiled = new Map<string, object>();
/** Modules kept (the least recently compiled go first). */
const COMPILED_KEPT = 64;

/**
 * Compiles `bytes` (or reuses the module compiled under `key`: the caller vouches that the key
 * identifies the bytes) and instantiates it on `memory`; returns its exports. Throws when the
 * engine lacks SIMD.
 */
export function instantiate(bytes: Uint8Array | (() => Uint8Array), memory: WasmMemory, key?: string): Record<string, unknown> {
  let module = key === undefined ? undefined : compiled.get(key);
  if (!module) {
    module = new webAssembly.Module(typeof bytes === 'function' ? bytes() : bytes);
    if (key !== undefined) {
      compiled.set(key, module);
      if (compiled.size > COMPILED_KEPT) compiled.delete(compiled.keys().next().value!);
    }
  }
  return new webAssembly.Instance(module, { env: { memory } }).exports;
}
