import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KernelBuffer, kernels } from '../../src/util/wasm-kernels.js';

test('kernel buffers are disjoint regions that survive the memory growing under them', () => {
  const a = new KernelBuffer();
  const b = new KernelBuffer();
  const x = Float64Array.from({ length: 700 }, (_, i) => i * 0.5 - 3);
  const pa = a.copyIn(x);
  const pb = b.pointer(5000);
  assert.ok(pb >= pa + 700 * 8 || pa >= pb + 5000 * 8, 'regions overlap');
  // a bigger request moves b (the memory grows, the old views detach); a's data stays
  b.pointer(300_000);
  assert.deepEqual(Array.from(a.view(700)), Array.from(x));
  // a region never shrinks: a smaller series reuses it
  assert.equal(a.copyIn(x.subarray(0, 10)), pa);
  assert.equal(a.view(10)[9], x[9]);
  assert.equal(kernels().f64.buffer.byteLength % 65536, 0);
});
