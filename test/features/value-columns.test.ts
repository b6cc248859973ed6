/** value-columns.ts: column selection (runs copied whole, any order) and the NaN-column split. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { selectValueColumns, splitNaNColumns } from '../../src/features/value-columns.js';

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
