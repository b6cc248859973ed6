import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FeatureMatrix } from '../../src/features/feature-matrix.js';
import { dropConstantColumns, columnVariances } from '../../src/features/select-constant.js';
import { chi2, chiSquareSurvival, minMaxScaled, selectKBest } from '../../src/features/select-k-best.js';

const keys = (n: number) => ({ jobId: Array.from({ length: n }, () => 1), componentId: Array.from({ length: n }, (_, i) => i), windowStart: null, windowEnd: null });

test('dropConstantColumns drops constant columns and, with a threshold, near-constant ones', () => {
  // columns: constant 5; variance 0.25 (0,1,0,1 -> 0.25); variance 1e6 * 0.25
  const m = new FeatureMatrix(keys(4), ['c', 'small', 'big'], Float64Array.from([5, 0, 0, 5, 1, 1000, 5, 0, 0, 5, 1, 1000]));
  assert.deepEqual(Array.from(columnVariances(m)), [0, 0.25, 250000]);
  assert.deepEqual(dropConstantColumns(m).dropped, ['c']);
  const near = dropConstantColumns(m, 0.25);
  assert.deepEqual(near.dropped, ['c', 'small']);
  assert.deepEqual(near.matrix.columns, ['big']);
});

test('chi2 matches scikit-learn on a hand-computed case', () => {
  // X = [[1,0],[0,1],[1,1],[0,0]], y = [0,1,0,1]
  // feature 0: observed class0 = 2, class1 = 0; expected 1, 1 -> score 2
  // feature 1: observed 1, 1; expected 1, 1 -> score 0
  const { scores, pValues } = chi2(Float64Array.from([1, 0, 0, 1, 1, 1, 0, 0]), 4, 2, [0, 1, 0, 1]);
  assert.deepEqual(Array.from(scores), [2, 0]);
  // P(chi2_1 > 2) = erfc(1) = 0.15729920705028513
  assert.ok(Math.abs(pValues[0]! - 0.15729920705028513) < 1e-12);
  assert.equal(pValues[1], 1);
});

test('chi-square survival agrees with known values', () => {
  assert.ok(Math.abs(chiSquareSurvival(3.841458820694124, 1) - 0.05) < 1e-12);
  assert.ok(Math.abs(chiSquareSurvival(2, 2) - Math.exp(-1)) < 1e-14);
  assert.ok(Math.abs(chiSquareSurvival(18.307038053275146, 10) - 0.05) < 1e-10);
});

test('selectKBest keeps the k best columns on min-max-scaled values, ties to the later column', () => {
  // a separates the classes; b is noise; c duplicates a scaled by 1000 (same score after scaling)
  const rows = [
    [10, 3, 10000],
    [12, 1, 12000],
    [0, 2, 0],
    [1, 3, 1000],
  ];
  const m = new FeatureMatrix(keys(4), ['a', 'b', 'c'], Float64Array.from(rows.flat()));
  const scaled = minMaxScaled(m);
  assert.deepEqual(Array.from(scaled.slice(0, 3)), [10 / 12, 1, 10 / 12]);
  const best = selectKBest(m, ['x', 'x', 'y', 'y'], 1);
  assert.ok(Math.abs(best.scores[0]! - best.scores[2]!) < 1e-12);
  assert.deepEqual(best.selected, ['c']);
  assert.deepEqual(selectKBest(m, ['x', 'x', 'y', 'y'], 2).selected, ['a', 'c']);
  assert.deepEqual(selectKBest(m, ['x', 'x', 'y', 'y'], 5).selected, ['a', 'b', 'c']);
  assert.throws(() => selectKBest(m, ['x'], 1), /1 labels for 4 rows/);
});
