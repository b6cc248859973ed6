/**
 * tidySamples on the two layouts it handles differently: rows already in (sample, timestamp)
 * order (columns copied whole) and rows in any order (copied row by row), with the same
 * grouping, values and missing-value errors either way.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TidyColumns } from '../../src/telemetry/tidy-columns.js';
import { tidySamples } from '../../src/features/tidy-samples.js';

const f64 = (values: number[]): Float64Array => Float64Array.from(values);

/** Job 1 / component 0 (3 rows), then job 1 / component 1 (2 rows), then job 2 / component 0 (1 row). */
function ordered(a: number[], b: number[]): TidyColumns {
  return new TidyColumns(
    ['job_id', 'component_id', 'timestamp', 'a::s', 'b::s'],
    [f64([1, 1, 1, 1, 1, 2]), f64([0, 0, 0, 1, 1, 0]), f64([10, 20, 30, 10, 20, 10]), f64(a), f64(b)],
  );
}

test('rows in sample and timestamp order: consecutive rows group into samples, columns copied kind-major', () => {
  const samples = tidySamples(ordered([1, 2, 3, 4, 5, 6], [-1, -2, -3, -4, -5, -6]));
  assert.deepEqual(samples.jobId, [1, 1, 2]);
  assert.deepEqual(samples.componentId, [0, 1, 0]);
  assert.deepEqual(Array.from(samples.offsets), [0, 3, 5, 6]);
  assert.equal(samples.points, 6);
  assert.deepEqual(Array.from(samples.values), [1, 2, 3, 4, 5, 6, -1, -2, -3, -4, -5, -6]);
  assert.deepEqual(Array.from(samples.timestamps), [10, 20, 30, 10, 20, 10]);
});

test('a sample whose rows come back later joins its first rows (the previous-row shortcut is only a shortcut)', () => {
  // job 1 / component 0, then job 1 / component 1, then job 1 / component 0 again
  const table = new TidyColumns(
    ['job_id', 'component_id', 'timestamp', 'a::s'],
    [f64([1, 1, 1, 1]), f64([0, 1, 1, 0]), f64([10, 10, 20, 20]), f64([1, 2, 3, 4])],
  );
  const samples = tidySamples(table);
  assert.deepEqual(samples.componentId, [0, 1]);
  assert.deepEqual(Array.from(samples.offsets), [0, 2, 4]);
  assert.deepEqual(Array.from(samples.values), [1, 4, 2, 3]);
});

test('a missing value names its column and row in either layout', () => {
  const inOrder = ordered([1, 2, 3, 4, 5, 6], [-1, -2, -3, Number.NaN, -5, -6]);
  assert.throws(() => tidySamples(inOrder, undefined, { source: 'in.csv' }), /in\.csv: column "b::s", row 4 \(job_id 1, component_id 1\): missing value/);
  // the same table with its first two rows swapped (out of timestamp order)
  const swapped = new TidyColumns(
    ['job_id', 'component_id', 'timestamp', 'a::s', 'b::s'],
    [f64([1, 1, 1, 1, 1, 2]), f64([0, 0, 0, 1, 1, 0]), f64([20, 10, 30, 10, 20, 10]), f64([2, 1, 3, 4, 5, 6]), f64([-2, -1, -3, Number.NaN, -5, -6])],
  );
  assert.throws(() => tidySamples(swapped, undefined, { source: 'in.csv' }), /in\.csv: column "b::s", row 4 \(job_id 1, component_id 1\): missing value/);
  assert.deepEqual(Array.from(tidySamples(new TidyColumns(swapped.names.slice(0, 4), swapped.columns.slice(0, 4))).values), [1, 2, 3, 4, 5, 6]);
  // with missing: 'drop' the row is left out of every kind
  const dropped = tidySamples(inOrder, undefined, { missing: 'drop' });
  assert.deepEqual(Array.from(dropped.offsets), [0, 3, 4, 5]);
  assert.deepEqual(Array.from(dropped.values), [1, 2, 3, 5, 6, -1, -2, -3, -5, -6]);
});
