import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MinMaxScaler } from '../../src/model/scaler.js';
import { computeThreshold, percentile, predictLabels } from '../../src/model/threshold.js';

test('MinMaxScaler: hand cases, constant column, clipping (like scikit-learn)', () => {
  // columns: 0..10, constant 5, -2..2
  const train = [[0, 5, -2], [10, 5, 2], [5, 5, 0]];
  const scaler = new MinMaxScaler().fit(train, ['a', 'b', 'c']);
  assert.deepEqual(Array.from(scaler.transform(train).values), [0, 0, 0, 1, 0, 1, 0.5, 0, 0.5]);
  // test: beyond the range is clipped; the constant column maps x - 5, clipped to [0, 1]
  const test = scaler.transform([[-5, 5.25, 1], [20, 4, 3]]);
  assert.deepEqual(Array.from(test.values), [0, 0.25, 0.75, 1, 0, 1]);
  const unclipped = new MinMaxScaler({ clip: false }).fit(train).transform([[-5, 7, 4]]);
  assert.deepEqual(Array.from(unclipped.values), [-0.5, 2, 1.5]);
  const ranged = new MinMaxScaler({ featureRange: [-1, 1] }).fit(train).transform([[5, 5, 1]]);
  assert.deepEqual(Array.from(ranged.values), [0, -1, 0.5]); // c: -1 + 2 (1 + 2) / 4
});

test('MinMaxScaler JSON round trip and clear errors', () => {
  const scaler = new MinMaxScaler().fit([[0.1, 3], [0.7, 9]], ['x', 'y']);
  const copy = MinMaxScaler.fromJSON(JSON.parse(JSON.stringify(scaler)));
  assert.deepEqual(copy.transform([[0.3, 4]]).values, scaler.transform([[0.3, 4]]).values);
  assert.deepEqual(copy.featureNames, ['x', 'y']);
  assert.throws(() => new MinMaxScaler().transform([[1]]), /not fitted/);
  assert.throws(() => scaler.transform([[1, 2, 3]]), /3 columns, the scaler was fitted on 2/);
  assert.throws(() => new MinMaxScaler().fit([[1, NaN]], ['x', 'y']), /column y, row 0 is NaN/);
  assert.throws(() => MinMaxScaler.fromJSON({ type: 'StandardScaler' }, 'scaler.json'), /scaler.json: not a MinMaxScaler/);
});

test('percentile matches numpy linear interpolation', () => {
  // np.percentile([1, 2, 3, 4, 10], q): position (n - 1) q / 100 = 4 q / 100
  const v = [10, 1, 3, 2, 4];
  assert.equal(percentile(v, 0), 1);
  assert.equal(percentile(v, 50), 3);
  assert.equal(percentile(v, 100), 10);
  assert.ok(Math.abs(percentile(v, 99) - 9.76) < 1e-12); // 4 + (10 - 4) * 0.96
  assert.ok(Math.abs(percentile(v, 90) - 7.6) < 1e-12); // position 3.6: 4 + 6 * 0.6
  assert.equal(percentile([2], 99), 2);
  assert.throws(() => percentile([], 50), /no values/);
});

test('thresholds: default 99th percentile, any percentile, max, given value; prediction is error > threshold', () => {
  const errors = [0.1, 0.2, 0.3, 0.4, 1.0];
  assert.ok(Math.abs(computeThreshold(errors) - 0.976) < 1e-12);
  assert.ok(Math.abs(computeThreshold(errors, { kind: 'percentile', percentile: 90 }) - 0.76) < 1e-12);
  assert.equal(computeThreshold(errors, { kind: 'max' }), 1.0);
  assert.equal(computeThreshold(errors, { kind: 'value', value: 0.25 }), 0.25);
  assert.deepEqual(Array.from(predictLabels([0.25, 0.3, 0.2], 0.25)), [0, 1, 0]);
});
