import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FeatureMatrix } from '../../src/features/feature-matrix.js';
import { cellRows, splitSeed, subMatrix, trainingColumns } from '../../src/evaluate/experiment-cell.js';
import type { ExperimentData } from '../../src/evaluate/experiment-data.js';
import { gridCells } from '../../src/evaluate/experiment-grid.js';
import { EXPERIMENT_CONFIGS, EXPERIMENT_TEST_SHARES, healthyTestCount, splitHealthy, testShareOf } from '../../src/evaluate/experiment-split.js';
import { deriveSeed } from '../../src/util/random.js';

test('expConfig 0..5 leave 64, 48, 32, 16, 8, 4 of 80 healthy samples for training', () => {
  assert.deepEqual([...EXPERIMENT_TEST_SHARES], [0.2, 0.4, 0.6, 0.8, 0.9, 0.95]);
  assert.deepEqual([...EXPERIMENT_CONFIGS], [0, 1, 2, 3, 4, 5]);
  const trainSizes = EXPERIMENT_CONFIGS.map((c) => splitHealthy(80, testShareOf(c), 7).train.length);
  assert.deepEqual(trainSizes, [64, 48, 32, 16, 8, 4]);
  const testSizes = EXPERIMENT_CONFIGS.map((c) => splitHealthy(80, testShareOf(c), 7).test.length);
  assert.deepEqual(testSizes, [16, 32, 48, 64, 72, 76]);
});

test('the test count is ceil(share * n) as scikit-learn rounds it, without floating-point overshoot', () => {
  // 0.2 * 16 = 3.2 -> 4; 0.4 * 9 = 3.6 -> 4; exact products stay exact (0.6 * 80 = 48, 0.95 * 20 = 19)
  assert.equal(healthyTestCount(16, 0.2), 4);
  assert.equal(healthyTestCount(9, 0.4), 4);
  assert.equal(healthyTestCount(80, 0.6), 48);
  assert.equal(healthyTestCount(20, 0.95), 19);
  assert.equal(healthyTestCount(100, 0.55), 55); // 0.55 * 100 = 55.00000000000001 in binary floating point
  assert.throws(() => healthyTestCount(16, 0.95), /leaves 0 for training and 16 for test/);
  assert.throws(() => healthyTestCount(10, 1), /must be in \(0, 1\)/);
  assert.throws(() => testShareOf(6), /expConfig must be one of 0, 1, 2, 3, 4, 5, got 6/);
});

test('splits are a partition, deterministic in the seed, different across seeds, and nested across configs', () => {
  const n = 80;
  for (const c of EXPERIMENT_CONFIGS) {
    const { train, test } = splitHealthy(n, testShareOf(c), 123);
    assert.deepEqual([...train, ...test].sort((a, b) => a - b), Array.from({ length: n }, (_, i) => i), `config ${c} is a partition`);
    assert.deepEqual(splitHealthy(n, testShareOf(c), 123), { train, test }, 'same seed, same split');
    assert.deepEqual(test, [...test].sort((a, b) => a - b), 'test positions ascending');
  }
  const a = splitHealthy(n, 0.2, splitSeed(0, 0));
  const b = splitHealthy(n, 0.2, splitSeed(0, 1));
  assert.notDeepEqual(a.train, b.train, 'repeats 0 and 1 split differently');
  assert.equal(splitSeed(5, 3), deriveSeed(5, 'split', 3));
  // one repeat: the 4 training samples of config 5 are among the 8 of config 4, ..., among the 64 of config 0
  const trains = EXPERIMENT_CONFIGS.map((c) => new Set(splitHealthy(n, testShareOf(c), 99).train));
  for (let c = 1; c < trains.length; c++) for (const i of trains[c]!) assert.ok(trains[c - 1]!.has(i), `config ${c} training set within config ${c - 1}'s`);
});

/** 6 samples: rows 0, 2, 3, 5 healthy, rows 1, 4 anomalous; 3 feature columns, column b NaN in row 2. */
function smallData(): ExperimentData {
  const values = Float64Array.from([
    1, 10, 100,
    2, 20, 200,
    3, NaN, 300,
    4, 40, 400,
    5, 50, 500,
    6, 60, NaN,
  ]);
  const matrix = new FeatureMatrix({ jobId: [1, 1, 2, 2, 3, 3], componentId: [7, 8, 7, 8, 7, 8], windowStart: null, windowEnd: null }, ['a', 'b', 'c'], values);
  return {
    matrix,
    binaryLabels: Uint8Array.from([0, 1, 0, 0, 1, 0]),
    appNames: ['x', 'x', 'y', 'y', 'z', 'z'],
    anomNames: ['none', 'memleak', 'none', 'none', 'memleak', 'none'],
    healthyRows: [0, 2, 3, 5],
    anomalousRows: [1, 4],
    selectedApps: ['x', 'y', 'z'],
    selectedLabels: ['none', 'memleak'],
    settingsDescription: 'test',
    source: 'test',
    warnings: [],
    extractionSeconds: 0,
  };
}

test('a cell trains on healthy rows only and tests the held-out healthy rows plus every anomalous row', () => {
  const data = smallData();
  // config 0: ceil(0.2 * 4) = 1 healthy held out, 3 train
  const { trainRows, testRows } = cellRows(data, { config: 0, repeat: 0 }, 11);
  assert.equal(trainRows.length, 3);
  assert.equal(testRows.length, 1 + 2);
  assert.deepEqual(testRows.slice(1), [1, 4], 'every anomalous row is tested, after the healthy ones');
  for (const r of trainRows) assert.equal(data.binaryLabels[r], 0);
  assert.deepEqual([...trainRows, testRows[0]!].sort((a, b) => a - b), [0, 2, 3, 5]);
  assert.deepEqual(cellRows(data, { config: 0, repeat: 0 }, 11), { trainRows, testRows }, 'deterministic');
});

test('training columns are those without NaN in the training rows; test rows are aligned to them', () => {
  const data = smallData();
  assert.deepEqual(trainingColumns(data.matrix, [0, 3, 5]), [0, 1], 'c is NaN in row 5');
  assert.deepEqual(trainingColumns(data.matrix, [0, 2, 3]), [0, 2], 'b is NaN in row 2');
  assert.deepEqual(trainingColumns(data.matrix, [0, 3]), [0, 1, 2]);
  const sub = subMatrix(data.matrix, [4, 0], [2, 0]);
  assert.deepEqual(sub.columns, ['c', 'a']);
  assert.deepEqual([...sub.values], [500, 5, 100, 1]);
  assert.deepEqual(sub.keys.jobId, [3, 1]);
  assert.deepEqual(sub.keys.componentId, [7, 7]);
});

test('the grid runs repeat-major and refuses bad configs and repeats', () => {
  assert.deepEqual(gridCells([0, 3], 2), [
    { config: 0, repeat: 0 },
    { config: 3, repeat: 0 },
    { config: 0, repeat: 1 },
    { config: 3, repeat: 1 },
  ]);
  assert.throws(() => gridCells([0, 9], 1), /expConfig must be one of/);
  assert.throws(() => gridCells([1, 1], 1), /listed twice/);
  assert.throws(() => gridCells([0], 0), /repeats must be a positive integer/);
  assert.throws(() => gridCells([], 1), /no expConfig/);
});
