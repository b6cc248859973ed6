/**
 * Matrix products as hand-written WebAssembly SIMD kernels, generated for one shape at a time
 * so that every stride is a constant folded into the load and store instructions:
 *
 *   C[m, n] = act( sum_k A(m, k) B[k, n]  (+ bias[m])  (+ C[m, n] when accumulating) )
 *
 * B and C are row-major with constant row strides (B may instead be stored in panels, one
 * register tile's columns row after row, `bTileBytes` apart); A is addressed as
 * a + m * aRowStride + k * aColStride, so one generator covers A (row-major: strides [K, 1])
 * and A^T (A stored as [K, M]: strides [1, M]) without copying. A register tile is `rows` rows x `vectors` f32x4
 * of C; per k it loads the tile's B vectors once and one splatted A value per row. The last
 * n mod (4 vectors) columns get a narrower tile whose partial vector is written lane by lane,
 * so nothing outside C is written (when accumulating, a partial vector reads up to 12 bytes
 * past its row: the memory must extend that far). `relu` applies max(0, .) to the result.
 *
 * Each C value is a float32 sum over k in increasing order, one product at a time (no fused
 * multiply-add), so results do not depend on the tiling. Measured on this project's machine
 * (V8 11 / Node 20, x86-64): 32-42 GFLOP/s where tfjs-wasm's XNNPACK reaches 27-29. Unrolling
 * the k loop made V8's code slower, so the loop does one k per iteration.
 */
import { I32, V128, op, type FunctionCode } from './wasm-encoding.js';

/** The shape and memory layout of one product. Strides are in floats. */
export interface GemmShape {
  /** Rows of C per register tile; the function runs `blocks` tiles of this many rows. */
  readonly rows: number;
  /** f32x4 vectors per row of a register tile (the tile is 4 * vectors columns wide). */
  readonly vectors: number;
  /** Columns of C (and of B). */
  readonly n: number;
  /** The summed dimension. */
  readonly k: number;
  readonly aRowStride: number;
  readonly aColStride: number;
  readonly ldb: number;
  readonly ldc: number;
  /** Adds bias[m] (one float per row of C; the function's bias pointer). */
  readonly bias: boolean;
  /** Adds the product to C instead of overwriting it. */
  readonly accumulate: boolean;
  /** max(0, .) on the result. */
  readonly relu: boolean;
  /** Bytes from one column tile's B to the next (default 16 * vectors: B row-major). */
  readonly bTileBytes?: number;
}

/** v128 values a tile may keep live: x64 has 16 xmm registers and V8 keeps some for itself. */
const V128_REGISTERS = 14;

/**
 * The kernel `name(a, b, c, bias, blocks)`: `blocks` tiles of `shape.rows` rows of C, starting
 * at byte offsets a (A's row 0), b, c (C's row 0) and bias (ignored without `shape.bias`).
 */
export function gemmFunction(name: string, shape: GemmShape): FunctionCode {
  const { rows, vectors, n, k, aRowStride, aColStride, ldb, ldc, bias, accumulate, relu } = shape;
  if (rows < 1 || vectors < 1 || rows * vectors + vectors + 1 > V128_REGISTERS) {
    throw new Error(`gemm kernel: a ${rows} x ${vectors} tile needs more than ${V128_REGISTERS} vector registers`);
  }
  if (k < 1 || n < 1) throw new Error(`gemm kernel: empty product (n ${n}, k ${k})`);
  // Locals: params 0 a, 1 b, 2 c, 3 bias, 4 blocks; i32 5 tile, 6 ap, 7 bp, 8 cp, 9 kEnd, 10 bRow;
  // v128: the accumulators (rows x vectors), then the tile's B vectors, then the splatted A value.
  const [A, B, C, BIAS, BLOCKS, TILE, AP, BP, CP, KEND, BROW] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  const ACC = 11;
  const BV = ACC + rows * vectors;
  const S = BV + vectors;
  const acc = (r: number, v: number) => ACC + r * vectors + v;
  const { localGet: get, localSet: set } = op;
  const aRowBytes = 4 * aRowStride, aColBytes = 4 * aColStride, ldbBytes = 4 * ldb, ldcBytes = 4 * ldc;
  const tileColumns = 4 * vectors;
  const fullTiles = Math.floor(n / tileColumns);
  const rest = n % tileColumns;

  /** The k loop of a tile `used` vectors wide, AP and BP at the tile's start. */
  const kLoop = (used: number) => {
    const code = [...get(AP), ...op.i32Const(k * aColBytes), ...op.i32Add, ...set(KEND), ...op.loop];
    for (let v = 0; v < used; v++) code.push(...get(BP), ...op.v128Load(16 * v), ...set(BV + v));
    for (let r = 0; r < rows; r++) {
      code.push(...get(AP), ...op.v128Load32Splat(r * aRowBytes), ...set(S));
      for (let v = 0; v < used; v++) {
        code.push(...get(acc(r, v)), ...get(S), ...get(BV + v), ...op.f32x4Mul, ...op.f32x4Add, ...set(acc(r, v)));
      }
    }
    code.push(...get(AP), ...op.i32Const(aColBytes), ...op.i32Add, ...set(AP));
    code.push(...get(BP), ...op.i32Const(ldbBytes), ...op.i32Add, ...set(BP));
    code.push(...get(AP), ...get(KEND), ...op.i32Ne, ...op.brIf(0), ...op.end);
    return code;
  };

  /** The stored value of accumulator (r, v) (left on the stack), C's vector at byte `offset` from CP. */
  const result = (r: number, v: number, offset: number) => {
    const code = [...get(acc(r, v))];
    if (bias) code.push(...get(BIAS), ...op.v128Load32Splat(4 * r), ...op.f32x4Add);
    if (accumulate) code.push(...get(CP), ...op.v128Load(offset), ...op.f32x4Add);
    if (relu) code.push(...op.v128Const0, ...op.f32x4Max);
    return code;
  };

  /** One tile of `columns` columns at (A, BROW, CP). */
  const tile = (columns: number) => {
    const used = Math.ceil(columns / 4);
    const code: number[] = [];
    for (let r = 0; r < rows; r++) for (let v = 0; v < used; v++) code.push(...op.v128Const0, ...set(acc(r, v)));
    code.push(...get(A), ...set(AP), ...get(BROW), ...set(BP), ...kLoop(used));
    for (let r = 0; r < rows; r++) {
      for (let v = 0; v < used; v++) {
        const offset = r * ldcBytes + 16 * v;
        const lanes = Math.min(4, columns - 4 * v);
        if (lanes === 4) {
          code.push(...get(CP), ...result(r, v, offset), ...op.v128Store(offset));
        } else {
          for (let lane = 0; lane < lanes; lane++) {
            code.push(...get(CP), ...result(r, v, offset), ...op.v128Store32Lane(offset + 4 * lane, lane));
          }
        }
      }
    }
    return code;
  };

  const body: number[] = [...op.block, ...get(BLOCKS), ...op.i32Eqz, ...op.brIf(0), ...op.loop];
  body.push(...get(B), ...set(BROW), ...get(C), ...set(CP));
  if (fullTiles > 0) {
    body.push(...op.i32Const(fullTiles), ...set(TILE), ...op.loop, ...tile(tileColumns));
    body.push(...get(BROW), ...op.i32Const(shape.bTileBytes ?? 4 * tileColumns), ...op.i32Add, ...set(BROW));
    body.push(...get(CP), ...op.i32Const(4 * tileColumns), ...op.i32Add, ...set(CP));
    body.push(...get(TILE), ...op.i32Const(1), ...op.i32Sub, ...op.localTee(TILE), ...op.brIf(0), ...op.end);
  }
  if (rest > 0) body.push(...tile(rest));
  body.push(...get(A), ...op.i32Const(rows * aRowBytes), ...op.i32Add, ...set(A));
  body.push(...get(C), ...op.i32Const(rows * ldcBytes), ...op.i32Add, ...set(C));
  if (bias) body.push(...get(BIAS), ...op.i32Const(4 * rows), ...op.i32Add, ...set(BIAS));
  body.push(...get(BLOCKS), ...op.i32Const(1), ...op.i32Sub, ...op.localTee(BLOCKS), ...op.brIf(0), ...op.end, ...op.end);

  return { name, params: [I32, I32, I32, I32, I32], locals: [[I32, 6], [V128, rows * vectors + vectors + 1]], body };
}
