/** column-builder.ts: growable columns, finished as exact-length arrays. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Float64ColumnBuilder } from '../../src/telemetry/column-builder.js';

test('finish gives exactly the values pushed: a view when the storage is 3/4 full, else a copy', () => {
  const full = new Float64ColumnBuilder(16);
  for (let i = 0; i < 12; i++) full.push(i / 2);
  const view = full.finish();
  assert.deepEqual(Array.from(view), Array.from({ length: 12 }, (_, i) => i / 2));
  assert.equal(view.buffer.byteLength, 16 * 8, 'a view of the 16-value storage');

  const sparse = new Float64ColumnBuilder(16);
  sparse.pushAll(Float64Array.of(1, 2, 3));
  const copy = sparse.finish();
  assert.deepEqual(Array.from(copy), [1, 2, 3]);
  assert.equal(copy.buffer.byteLength, 3 * 8, 'a copy of exactly 3 values');

  // grown past its first storage (doubling): the values all come through
  const grown = new Float64ColumnBuilder(16);
  for (let i = 0; i < 40; i++) grown.push(i);
  grown.pushAll(Float64Array.from({ length: 30 }, (_, i) => 100 + i));
  const all = grown.finish();
  assert.equal(all.length, 70);
  assert.equal(all[39], 39);
  assert.equal(all[69], 129);
});
