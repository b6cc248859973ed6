/** value-columns.ts: column selection (runs copied whole, any order) and the NaN-column split. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compactColumnRuns, flaggedColumns, nanColumnFlags, selectColumnRuns, selectRuns, selectValueColumns, splitNaNColumns, unflaggedRuns } from '../../src/features/value-columns.js';

// 3 rows x 6 columns: value = 10 * row + column
const rows = 3;
const width = 6;
const values = Float64Array.from({ length: rows * width }, (_, i) => 10 * Math.floor(i / width) + (i % width));

test('selectValueColumns keeps the given columns in the given order: runs, single columns, repeats, reversals', () => {
  assert.deepEqual(Array.from(selectValueColumns(values, rows, width, [0, 1, 2, 4, 5])), [0, 1, 2, 4, 5, 10, 11, 12, 14, 15, 20, 21, 22, 24, 25]);
  assert.deepEqual(Array.from(selectValueColumns(values, rows, width, [5, 4, 3])), [5, 4, 3, 15, 14, 13, 25, 24, 23]);
  assert.deepEqual(Array.from(selectValueColumns(values, rows, width, [1, 1, 2, 3, 0])), [1, 1, 2, 3, 0, 11, 11, 12, 13, 10, 21, 21, 22, 23, 20]);
  assert.deepEqual(Array.from(selectValueColumns(values, rows, width, [])), []);
  const all = selectValueColumns(values, rows, width, [0, 1, 2, 3, 4, 5], true);
  assert.deepEqual(Array.from(all), Array.from(values));
  assert.ok(all.buffer instanceof SharedArrayBuffer);
  assert.notEqual(all.buffer, values.buffer, 'a copy, not a view');
});

test('splitNaNColumns: a column with a NaN in any row goes, infinities stay', () => {
  const m = Float64Array.from(values);
  m[1 * width + 2] = Number.NaN;
  m[2 * width + 5] = Number.NaN;
  m[0 * width + 0] = Infinity;
  assert.deepEqual(splitNaNColumns(m, width), { keep: [0, 1, 3, 4], withNaN: [2, 5] });
});

test('nanColumnFlags marks a column with a NaN in any row, across the kernel\'s 32768-value blocks', () => {
  const wide = 70_000;
  const m = new Float64Array(3 * wide).fill(1.5);
  // NaN in row 0 at the first column, row 1 at both sides of the block seams, row 2 at the end
  for (const [r, c] of [[0, 0], [1, 32767], [1, 32768], [2, 65536], [2, wide - 1]] as const) m[r * wide + c] = Number.NaN;
  m[wide + 5] = -Infinity;
  m[2 * wide + 6] = -0;
  const flags = nanColumnFlags(m, wide);
  assert.equal(flags.length, wide);
  assert.deepEqual(flaggedColumns(flags), [0, 32767, 32768, 65536, wide - 1]);
  assert.deepEqual(unflaggedRuns(flags), [1, 32767, 32769, 65536, 65537, wide - 1]);
  // a second call starts from clear flags
  assert.deepEqual(flaggedColumns(nanColumnFlags(new Float64Array(wide), wide)), []);
  assert.deepEqual(unflaggedRuns(Uint8Array.of(1, 1)), []);
  assert.deepEqual(unflaggedRuns(Uint8Array.of(0, 0, 1)), [0, 2]);
});

test('selectColumnRuns and selectRuns keep the columns of the runs, in order', () => {
  const runs = [4, 6, 0, 2];
  assert.deepEqual(Array.from(selectColumnRuns(values, rows, width, runs)), [4, 5, 0, 1, 14, 15, 10, 11, 24, 25, 20, 21]);
  assert.deepEqual(Array.from(selectColumnRuns(values, rows, width, [3, 4])), [3, 13, 23]);
  assert.deepEqual(selectRuns(['a', 'b', 'c', 'd', 'e', 'f'], runs), ['e', 'f', 'a', 'b']);
  assert.deepEqual(selectRuns(['a'], []), []);
});

test('compactColumnRuns moves the columns of ascending runs forward in place', () => {
  const m = Float64Array.from(values);
  const compact = compactColumnRuns(m, rows, width, [1, 3, 4, 5]);
  assert.equal(compact.buffer, m.buffer, 'in place');
  assert.deepEqual(Array.from(compact), [1, 2, 4, 11, 12, 14, 21, 22, 24]);
  assert.deepEqual(Array.from(compactColumnRuns(Float64Array.from(values), rows, width, [0, 6])), Array.from(values));
  assert.deepEqual(Array.from(compactColumnRuns(Float64Array.from(values), rows, width, [])), []);
  assert.throws(() => compactColumnRuns(Float64Array.from(values), rows, width, [4, 5, 0, 1]), /ascend/);
});
