import assert from 'node:assert/strict';
import { test } from 'node:test';
import { selectKth, selectMedian } from '../../src/features/calculators/statistics/select-median.js';
import { sortedMedian } from '../../src/features/calculators/statistics/numpy-quantile.js';
import { Random } from '../../src/util/random.js';

test('selectMedian: hand-computed cases', () => {
  assert.equal(selectMedian(Float64Array.from([3, 1, 2])), 2);
  assert.equal(selectMedian(Float64Array.from([4, 1, 3, 2])), 2.5);
  assert.equal(selectMedian(Float64Array.from([7])), 7);
  assert.equal(selectMedian(Float64Array.from([5, 5, 5, 5])), 5);
  assert.ok(Number.isNaN(selectMedian(new Float64Array(0))));
  assert.ok(Number.isNaN(selectMedian(Float64Array.from([1, Number.NaN, 2]))));
  assert.equal(selectMedian(Float64Array.from([-Infinity, 1, Infinity])), 1);
});

test('selectMedian equals the median of the sorted copy, to the bit, with ties and odd/even lengths', () => {
  const rng = new Random(7);
  for (let trial = 0; trial < 300; trial++) {
    const n = 1 + Math.floor(rng.uniform() * 80);
    // few distinct values half of the time, so that ties around the middle are common
    const distinct = trial % 2 ? 3 : 1000;
    const x = Float64Array.from({ length: n }, () => Math.floor(rng.uniform() * distinct) * 0.1 + rng.normal() * (distinct > 3 ? 1 : 0));
    const expected = sortedMedian(Float64Array.from(x).sort());
    assert.ok(Object.is(selectMedian(x), expected), `n=${n}: ${selectMedian(x)} vs ${expected}`);
  }
});

test('selectKth finds every order statistic', () => {
  const x = Float64Array.from([9, 2, 7, 2, 5, 1, 8, 2, 6]);
  const sorted = Float64Array.from(x).sort();
  for (let k = 0; k < x.length; k++) assert.equal(selectKth(Float64Array.from(x), x.length, k), sorted[k]);
});
