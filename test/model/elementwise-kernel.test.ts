import { test } from 'node:test';
import assert from 'node:assert/strict';
import { elementwiseKernels, expScalar } from '../../src/model/elementwise-kernel.js';
import { newMemory } from '../../src/model/wasm-encoding.js';

const memory = newMemory(4);
const kernels = elementwiseKernels(memory);

test('expScaled: exp(c x) within 2 float32 ulps of Math.exp over [-87, 88]; clamped beyond; the tail untouched', () => {
  const f = new Float32Array(memory.buffer);
  const n = 4001; // 4000 by the kernel, the last one left for the caller
  for (let i = 0; i < n; i++) f[i] = -87 + (175 * i) / (n - 1);
  f[n] = 123;
  kernels.expScaled(0, 4 * 8192, n, 1);
  for (let i = 0; i < n - 1; i++) {
    const want = Math.exp(f[i]!);
    assert.ok(Math.abs(f[8192 + i]! - want) <= 2.4e-7 * want, `exp(${f[i]}) = ${f[8192 + i]}, want ${want}`);
  }
  assert.equal(f[8192 + n - 1], 0, 'the last n mod 4 are the caller\'s');
  f.set([0.5, -2, 200, -200], 0);
  kernels.expScaled(0, 4 * 8192, 4, 2);
  const got = Array.from(f.subarray(8192, 8196));
  [Math.exp(1), Math.exp(-4)].forEach((want, i) => assert.ok(Math.abs(got[i]! - want) <= 2.4e-7 * want));
  assert.ok(Math.abs(got[2]! / Math.exp(88) - 1) < 1e-6, 'clamped at 88');
  assert.ok(Math.abs(got[3]! / Math.exp(-87.3) - 1) < 1e-5, 'clamped at -87.3');
  assert.equal(expScalar(500), Math.exp(88));
});

test('sigmoidOutput: y = sigmoid(pre) in place and g = 2 (y - x) y (1 - y)', () => {
  const f = new Float32Array(memory.buffer);
  const n = 1003;
  const pre = 0, x = 2048, g = 4096;
  for (let i = 0; i < n; i++) {
    f[pre + i] = -100 + (200 * i) / (n - 1);
    f[x + i] = (i % 7) / 7;
  }
  const before = Float32Array.from(f.subarray(pre, pre + n));
  kernels.sigmoidOutput(4 * pre, 4 * x, 4 * g, n);
  for (let i = 0; i < 1000; i++) {
    const y = 1 / (1 + Math.exp(-before[i]!));
    assert.ok(Math.abs(f[pre + i]! - y) <= 2.4e-7 * y + 1e-38, `sigmoid(${before[i]}) = ${f[pre + i]}, want ${y}`);
    // g from the kernel's float32 y (y - x and 1 - y cancel, so compare like with like).
    const yk = f[pre + i]!;
    const wantG = 2 * (yk - f[x + i]!) * yk * (1 - yk);
    assert.ok(Math.abs(f[g + i]! - wantG) <= 1e-6 * Math.abs(wantG) + 1e-30, `g[${i}] = ${f[g + i]}, want ${wantG}`);
  }
  assert.equal(f[pre + 1001], before[1001], 'tail untouched');
});
