import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { counterDifferences } from '../../src/telemetry/counter-differences.js';
import { interpolateGaps } from '../../src/telemetry/interpolate.js';

const f = (...v: number[]) => Float64Array.from(v);

describe('interpolateGaps', () => {
  it('fills an interior gap on the line through its neighbours, in time not index', () => {
    // t = 0, 1, 3, 4: the missing value at t = 1 sits a quarter of the way from t = 0 to t = 4
    const x = f(10, NaN, NaN, 50);
    assert.equal(interpolateGaps(f(0, 1, 3, 4), x), 2);
    assert.deepEqual(x, f(10, 20, 40, 50));
  });

  it('carries the nearest value into leading and trailing gaps', () => {
    const x = f(NaN, NaN, 3, NaN, 5, NaN);
    assert.equal(interpolateGaps(f(0, 1, 2, 3, 4, 5), x), 4);
    assert.deepEqual(x, f(3, 3, 3, 4, 5, 5));
  });

  it('leaves a series without any value, and one without gaps, untouched', () => {
    const empty = f(NaN, NaN);
    assert.equal(interpolateGaps(f(0, 1), empty), 0);
    assert.ok(empty.every(Number.isNaN));
    const full = f(1, 2);
    assert.equal(interpolateGaps(f(0, 1), full), 0);
    assert.deepEqual(full, f(1, 2));
  });
});

describe('counterDifferences', () => {
  it('gives per-interval differences, one fewer than samples', () => {
    const r = counterDifferences(f(0, 1, 2, 3), f(100, 110, 130, 160));
    assert.deepEqual(r.values, f(10, 20, 30));
    assert.equal(r.resets, 0);
  });

  it('divides by the interval length in rate mode', () => {
    const r = counterDifferences(f(0, 1, 3), f(100, 110, 130), 'rate');
    assert.deepEqual(r.values, f(10, 10));
  });

  it('never gives a negative or huge value at a reset: the interval is interpolated from its neighbours', () => {
    // a reboot resets the counter to near zero between t = 2 and t = 3
    const r = counterDifferences(f(0, 1, 2, 3, 4), f(5e9, 5e9 + 100, 5e9 + 300, 50, 550));
    assert.equal(r.resets, 1);
    assert.deepEqual(r.values, f(100, 200, 350, 500)); // 350 = midway between 200 (t=2) and 500 (t=4)
  });

  it('treats a small backwards glitch the same way (no spike after it)', () => {
    const r = counterDifferences(f(0, 1, 2, 3), f(1000, 1010, 1009, 1030));
    // -1 is replaced by the line between 10 (t=1) and 21 (t=3); the following 21 stays as it is
    assert.deepEqual(r.values, f(10, 15.5, 21));
    assert.equal(r.resets, 1);
  });

  it('fills a reset at the edge with the nearest interval, and all-backwards with zeros', () => {
    assert.deepEqual(counterDifferences(f(0, 1, 2), f(100, 5, 25)).values, f(20, 20));
    assert.deepEqual(counterDifferences(f(0, 1, 2), f(3, 2, 1)).values, f(0, 0));
  });

  it('handles a series too short to difference', () => {
    assert.equal(counterDifferences(f(0), f(5)).values.length, 0);
    assert.equal(counterDifferences(f(), f()).values.length, 0);
  });
});
