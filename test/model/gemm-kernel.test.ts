import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gemmFunction, type GemmShape } from '../../src/model/gemm-kernel.js';
import { instantiate, moduleBytes, newMemory } from '../../src/model/wasm-encoding.js';
import { Random } from '../../src/util/random.js';

type Kernel = (a: number, b: number, c: number, bias: number, blocks: number) => void;

/**
 * C = act(A B + bias (+ C)) through the kernel (all rows in tiles of `rows`, the last rows in a
 * second kernel) against a float64 loop; returns the largest relative difference.
 */
function check(m: number, n: number, k: number, options: Partial<GemmShape> & { transposedA?: boolean; panels?: boolean }): number {
  const rng = new Random(m * 1000 + n * 10 + k);
  const rows = options.rows ?? 4;
  const aRowStride = options.transposedA ? 1 : k;
  const aColStride = options.transposedA ? m : 1;
  const shape: GemmShape = {
    rows, vectors: options.vectors ?? 2, n, k, aRowStride, aColStride, ldb: n, ldc: n,
    // Panels: B's columns in groups of one tile width, each group stored row after row.
    ...(options.panels ? { ldb: 4 * (options.vectors ?? 2), bTileBytes: 16 * (options.vectors ?? 2) * k } : {}),
    bias: options.bias ?? false, accumulate: options.accumulate ?? false, relu: options.relu ?? false,
  };
  const fns = [gemmFunction('main', shape)];
  if (m % rows) fns.push(gemmFunction('last', { ...shape, rows: m % rows }));
  // A at 0, B after it, bias, then C followed by a guard band that must stay untouched.
  const width = 4 * shape.vectors;
  const bSize = options.panels ? Math.ceil(n / width) * width * k : k * n;
  const aAt = 0, bAt = m * k, biasAt = bAt + bSize, cAt = biasAt + m, guard = 64;
  const memory = newMemory(Math.ceil((4 * (cAt + m * n + guard)) / 65536) + 1);
  const f = new Float32Array(memory.buffer);
  for (let i = 0; i < cAt; i++) f[i] = rng.uniform() - 0.5;
  const before = Float32Array.from({ length: m * n }, () => rng.uniform() - 0.5);
  f.set(before, cAt);
  f.fill(7, cAt + m * n, cAt + m * n + guard);
  const exports = instantiate(moduleBytes(fns), memory);
  const blocks = Math.floor(m / rows);
  (exports.main as Kernel)(4 * aAt, 4 * bAt, 4 * cAt, 4 * biasAt, blocks);
  if (m % rows) (exports.last as Kernel)(4 * (aAt + blocks * rows * aRowStride), 4 * bAt, 4 * (cAt + blocks * rows * n), 4 * (biasAt + blocks * rows), 1);
  const bAt2 = (kk: number, j: number) => (options.panels ? bAt + (j - (j % width)) * k + kk * width + (j % width) : bAt + kk * n + j);
  let worst = 0;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let want = 0;
      for (let kk = 0; kk < k; kk++) want += f[aAt + i * aRowStride + kk * aColStride]! * f[bAt2(kk, j)]!;
      if (shape.bias) want += f[biasAt + i]!;
      if (shape.accumulate) want += before[i * n + j]!;
      if (shape.relu) want = Math.max(0, want);
      worst = Math.max(worst, Math.abs(want - f[cAt + i * n + j]!) / Math.max(1, Math.abs(want)));
    }
  }
  for (let i = 0; i < guard; i++) assert.equal(f[cAt + m * n + i], 7, 'nothing written past C');
  return worst;
}

test('gemm kernel: A B for shapes with row, column and k remainders', () => {
  for (const [m, n, k] of [[1, 1, 1], [4, 8, 3], [7, 13, 5], [13, 3, 17], [9, 32, 40], [6, 25, 11]] as const) {
    assert.ok(check(m, n, k, {}) < 1e-5, `${m}x${n}x${k}`);
  }
});

test('gemm kernel: bias, relu, accumulate, other tiles', () => {
  assert.ok(check(10, 19, 9, { bias: true, relu: true }) < 1e-5);
  assert.ok(check(10, 19, 9, { accumulate: true }) < 1e-5);
  assert.ok(check(11, 21, 6, { rows: 2, vectors: 4 }) < 1e-5);
  assert.ok(check(5, 7, 6, { rows: 1, vectors: 1, bias: true }) < 1e-5);
});

test('gemm kernel: A read through strides (stored transposed)', () => {
  assert.ok(check(9, 10, 23, { transposedA: true }) < 1e-5);
  assert.ok(check(6, 7, 40, { transposedA: true, accumulate: true, bias: true, relu: true }) < 1e-5);
});

test('gemm kernel: B stored in panels of one tile width', () => {
  assert.ok(check(9, 21, 7, { panels: true }) < 1e-5); // 2 full panels and a 5-column one
  assert.ok(check(5, 3, 12, { panels: true, bias: true, relu: true }) < 1e-5);
  assert.ok(check(7, 30, 4, { panels: true, rows: 2, vectors: 3 }) < 1e-5);
});

test('gemm kernel: refuses tiles that do not fit the registers and empty products', () => {
  assert.throws(() => gemmFunction('x', { rows: 6, vectors: 2, n: 8, k: 4, aRowStride: 4, aColStride: 1, ldb: 8, ldc: 8, bias: false, accumulate: false, relu: false }), /vector registers/);
  assert.throws(() => gemmFunction('x', { rows: 4, vectors: 2, n: 8, k: 0, aRowStride: 4, aColStride: 1, ldb: 8, ldc: 8, bias: false, accumulate: false, relu: false }), /empty product/);
});
