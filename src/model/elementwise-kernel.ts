/**
 * The VAE step's elementwise passes over [width, batch] activations as WebAssembly SIMD
 * kernels, four floats per instruction, built with `wasm-encoding.ts`:
 *
 *   sigmoidOutput(pre, x, g, n):  y = sigmoid(pre) written over pre;  g = 2 (y - x) y (1 - y)
 *   expScaled(src, dst, n, c):    dst = exp(c src)
 *
 * for the first n rounded down to 4 elements (byte offsets; the caller finishes the rest with
 * `expScalar`). exp is Cephes' expf: n = round(t log2 e), r = t - n ln 2 (ln 2 in two parts),
 * a degree-5 minimax polynomial for e^r, times 2^n built in the exponent bits; t is clamped to
 * [-87.3, 88] so 2^n stays a normal float. Relative error about 1e-7 (a float32 ulp), checked
 * against Math.exp in test/model/elementwise-kernel.test.ts.
 */
import { F32, I32, V128, op, instantiate, moduleBytes, type FunctionCode, type WasmMemory } from './wasm-encoding.js';

/** sigmoidOutput(pre, x, g, n) and expScaled(src, dst, n, c) bound to one memory. */
export interface ElementwiseKernels {
  readonly sigmoidOutput: (pre: number, x: number, g: number, n: number) => void;
  readonly expScaled: (src: number, dst: number, n: number, scale: number) => void;
}

const LOG2E = 1.44269504088896341;
const LN2_HI = 0.693359375;
const LN2_LO = -2.12194440e-4;
const EXP_POLY = [1.9875691500e-4, 1.3981999507e-3, 8.3334519073e-3, 4.1665795894e-2, 1.6666665459e-1, 5.0000001201e-1];
const T_MIN = -87.3;
const T_MAX = 88;

/** exp of the v128 in local `t` (overwritten), result left on the stack; uses locals n, r, y. */
function expCode(t: number, n: number, r: number, y: number): number[] {
  const { localGet: get, localSet: set } = op;
  const code = [
    ...get(t), ...op.f32x4Const(T_MIN), ...op.f32x4Max, ...op.f32x4Const(T_MAX), ...op.f32x4Min, ...set(t),
    ...get(t), ...op.f32x4Const(LOG2E), ...op.f32x4Mul, ...op.f32x4Nearest, ...set(n),
    ...get(t), ...get(n), ...op.f32x4Const(LN2_HI), ...op.f32x4Mul, ...op.f32x4Sub,
    ...get(n), ...op.f32x4Const(LN2_LO), ...op.f32x4Mul, ...op.f32x4Sub, ...set(r),
    ...op.f32x4Const(EXP_POLY[0]!), ...set(y),
  ];
  for (const c of EXP_POLY.slice(1)) code.push(...get(y), ...get(r), ...op.f32x4Mul, ...op.f32x4Const(c), ...op.f32x4Add, ...set(y));
  // e^r = y r^2 + r + 1, then times 2^n: ((int) n + 127) << 23 as float bits.
  code.push(...get(y), ...get(r), ...op.f32x4Mul, ...get(r), ...op.f32x4Mul, ...get(r), ...op.f32x4Add, ...op.f32x4Const(1), ...op.f32x4Add);
  code.push(...get(n), ...op.i32x4TruncSatF32x4S, ...op.i32x4Const(127), ...op.i32x4Add, ...op.i32Const(23), ...op.i32x4Shl, ...op.f32x4Mul);
  return code;
}

/** A loop over i = 0, 16, 32, .. < end (bytes) with `body` (i in local `i`). */
function byteLoop(i: number, end: number, body: number[]): number[] {
  const { localGet: get, localSet: set } = op;
  return [
    ...op.block, ...op.loop,
    ...get(i), ...get(end), ...op.i32GeU, ...op.brIf(1),
    ...body,
    ...get(i), ...op.i32Const(16), ...op.i32Add, ...set(i),
    ...op.br(0), ...op.end, ...op.end,
  ];
}

function sigmoidOutput(): FunctionCode {
  // params 0 pre, 1 x, 2 g, 3 n; i32 4 i, 5 end; v128 6 t, 7 n, 8 r, 9 y, 10 s
  const { localGet: get, localSet: set } = op;
  const [PRE, X, G, N, I, END, T, NN, R, Y, S] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  const at = (base: number) => [...get(base), ...get(I), ...op.i32Add];
  const body = [
    ...at(PRE), ...op.v128Load(), ...op.f32x4Const(-1), ...op.f32x4Mul, ...set(T),
    ...op.f32x4Const(1), ...op.f32x4Const(1), ...expCode(T, NN, R, Y), ...op.f32x4Add, ...op.f32x4Div, ...set(S),
    ...at(PRE), ...get(S), ...op.v128Store(),
    // g = 2 (y - x) y (1 - y)
    ...at(G), ...get(S), ...at(X), ...op.v128Load(), ...op.f32x4Sub, ...op.f32x4Const(2), ...op.f32x4Mul,
    ...get(S), ...op.f32x4Mul, ...op.f32x4Const(1), ...get(S), ...op.f32x4Sub, ...op.f32x4Mul, ...op.v128Store(),
  ];
  return {
    name: 'sigmoidOutput',
    params: [I32, I32, I32, I32],
    locals: [[I32, 2], [V128, 5]],
    body: [...get(N), ...op.i32Const(-4), ...op.i32And, ...op.i32Const(2), ...op.i32Shl, ...set(END), ...byteLoop(I, END, body)],
  };
}

function expScaled(): FunctionCode {
  // params 0 src, 1 dst, 2 n, 3 scale (f32); i32 4 i, 5 end; v128 6 t, 7 n, 8 r, 9 y
  const { localGet: get, localSet: set } = op;
  const [SRC, DST, N, SCALE, I, END, T, NN, R, Y] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
  const at = (base: number) => [...get(base), ...get(I), ...op.i32Add];
  const body = [
    ...at(SRC), ...op.v128Load(), ...get(SCALE), ...op.f32x4Splat, ...op.f32x4Mul, ...set(T),
    ...at(DST), ...expCode(T, NN, R, Y), ...op.v128Store(),
  ];
  return {
    name: 'expScaled',
    params: [I32, I32, I32, F32],
    locals: [[I32, 2], [V128, 4]],
    body: [...get(N), ...op.i32Const(-4), ...op.i32And, ...op.i32Const(2), ...op.i32Shl, ...set(END), ...byteLoop(I, END, body)],
  };
}

/** The kernels on `memory`. Throws where WebAssembly SIMD is unavailable. */
export function elementwiseKernels(memory: WasmMemory): ElementwiseKernels {
  const exports = instantiate(() => moduleBytes([sigmoidOutput(), expScaled()]), memory, 'elementwise-kernel');
  return exports as unknown as ElementwiseKernels;
}

/** The kernels' exp in scalar float64 arithmetic with the same clamp, for the last n mod 4 elements. */
export function expScalar(t: number): number {
  return Math.exp(Math.min(T_MAX, Math.max(T_MIN, t)));
}
