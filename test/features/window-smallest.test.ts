/**
 * WindowSmallest (the k smallest values of sliding windows from block prefix/suffix tables)
 * against sorting each window, and its use for the number_cwt_peaks noise floor against
 * scipy's scoreatpercentile of the window.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WindowSmallest } from '../../src/features/calculators/spectral/window-smallest.js';
import { percentileSmallestCount, scoreAtPercentile, tabledWindowPercentile, windowPercentile } from '../../src/features/calculators/spectral/find-peaks-cwt.js';

/** A seeded row: steps of a walk, small integers (ties), values with infinities, or mostly signed zeros. */
function row(n: number, seed: number, kind: number): Float64Array {
  let state = seed;
  const next = (): number => (state = (state * 48271) % 2147483647) / 2147483647;
  let v = 0;
  return Float64Array.from({ length: n }, () => {
    if (kind === 0) return (v += next() - 0.5);
    if (kind === 1) return Math.floor(next() * 5) - 2;
    const u = next();
    if (kind === 3) return u < 0.45 ? -0 : u < 0.9 ? 0 : u - 0.5;
    return u < 0.05 ? -Infinity : u > 0.95 ? Infinity : u - 0.5;
  });
}

test('the k smallest of every window equal the first k of the sorted window', () => {
  const windows = new WindowSmallest();
  let checked = 0;
  for (const n of [1, 3, 7, 30, 31, 64, 100]) {
    for (const block of [1, 4, 10, 30]) {
      for (const k of [1, 2, 4, 5, 9]) {
        for (let kind = 0; kind < 4; kind++) {
          const x = row(n, 11 + n + block + k + kind, kind);
          windows.reset(x, block, k);
          const out = new Float64Array(k);
          for (let from = 0; from < n; from++) {
            for (let to = from + 1; to <= Math.min(n, from + block); to++) {
              windows.select(from, to, out);
              const sorted = x.slice(from, to).sort();
              for (let i = 0; i < Math.min(k, to - from); i++) {
                // equal as numbers (a sort puts -0 before 0; the tables may take either zero)
                assert.ok(out[i] === sorted[i], `n ${n} block ${block} k ${k} kind ${kind} [${from}, ${to}) #${i}: ${out[i]} vs ${sorted[i]}`);
              }
              for (let i = to - from; i < k; i++) assert.equal(out[i], Infinity);
              checked++;
            }
          }
        }
      }
    }
  }
  assert.ok(checked > 10_000, `${checked} windows`);
});

test('a window longer than the block, or inside one block, is still answered exactly', () => {
  const x = row(50, 5, 1);
  const windows = new WindowSmallest();
  windows.reset(x, 10, 3);
  const out = new Float64Array(3);
  for (const [from, to] of [[0, 50], [3, 27], [12, 17], [41, 49]] as const) {
    windows.select(from, to, out);
    assert.deepEqual([...out], [...x.slice(from, to).sort().subarray(0, 3)], `[${from}, ${to})`);
  }
});

test('the noise floor from the tables is scoreatpercentile of the clipped window, as the direct selection', () => {
  const windows = new WindowSmallest();
  let zeros = 0;
  for (const [n, kind] of [[600, 0], [600, 1], [250, 2], [45, 0], [1000, 1], [600, 3]] as const) {
    const x = row(n, 3 + n, kind);
    const windowSize = Math.ceil(n / 20);
    const half = Math.floor(windowSize / 2);
    windows.reset(x, windowSize, percentileSmallestCount(windowSize, 10));
    const smallest = new Float64Array(windowSize + 1);
    for (let c = 0; c < n; c++) {
      const window = x.subarray(Math.max(c - half, 0), Math.min(c + half + (windowSize % 2), n));
      const expected = scoreAtPercentile(window, 10);
      const got = tabledWindowPercentile(windows, n, c, windowSize, 10, smallest);
      // equal as numbers: only the sign of a zero may differ (|cwt / noise| does not see it)
      assert.ok(got === expected || (got !== got && expected !== expected), `n ${n} kind ${kind} c ${c}: ${got} vs ${expected}`);
      assert.ok(windowPercentile(x, c, windowSize, 10) === expected);
      if (expected === 0) zeros++;
    }
  }
  assert.equal(percentileSmallestCount(30, 10), 4);
  assert.equal(percentileSmallestCount(31, 10), 5);
  assert.equal(percentileSmallestCount(1, 10), 1);
  assert.ok(zeros > 0, 'the rows of signed zeros give zero noise floors');
});
