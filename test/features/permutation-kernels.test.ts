/**
 * permutation_entropy's counting kernel (kernels/stats-permutation-patterns.ts) against a plain
 * TypeScript reference written here (each window's stable argsort as its pattern, counted in a
 * map), Object.is per value: every length 2..14 (the four-wide passes' remainders), steps
 * tau 1..3, all dimensions 2..7 in one call and one at a time, ties, and NaN.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SeriesContext } from '../../src/features/calculator.js';
import { getCalculator } from '../../src/features/calculators/index.js';
import { Random } from '../../src/util/random.js';

/** -sum p ln p over the patterns, grouped by count in ascending count order as the calculator sums. */
function referenceEntropy(x: ArrayLike<number>, tau: number, dimension: number): number {
  if (x.length < dimension) return Number.NaN;
  for (let i = 0; i < x.length; i++) if (Number.isNaN(x[i]!)) return Number.NaN;
  const windows = Math.floor((x.length - dimension) / tau) + 1;
  const counts = new Map<string, number>();
  for (let w = 0; w < windows; w++) {
    const values = Array.from({ length: dimension }, (_, k) => x[w * tau + k]!);
    const order = values.map((_, k) => k).sort((a, b) => values[a]! - values[b]! || a - b);
    const key = order.join(',');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const patternsWithCount = new Map<number, number>();
  for (const c of counts.values()) patternsWithCount.set(c, (patternsWithCount.get(c) ?? 0) + 1);
  let sum = 0;
  for (const c of [...patternsWithCount.keys()].sort((a, b) => a - b)) {
    const p = c / windows;
    sum += patternsWithCount.get(c)! * (p * Math.log(p));
  }
  return 0 - sum;
}

const calculator = getCalculator('permutation_entropy');

function check(x: Float64Array, tau: number, label: string): void {
  const dimensions = [2, 3, 4, 5, 6, 7];
  const out = new Float64Array(dimensions.length);
  calculator.compute(new SeriesContext(x), dimensions.map((dimension) => ({ tau, dimension })), out, 0);
  dimensions.forEach((d, i) => {
    const expected = referenceEntropy(x, tau, d);
    assert.ok(Object.is(out[i], expected), `${label} tau ${tau} dimension ${d}: ${out[i]} vs ${expected}`);
    const alone = new Float64Array(1);
    calculator.compute(new SeriesContext(x), [{ tau, dimension: d }], alone, 0);
    assert.ok(Object.is(alone[0], expected), `${label} tau ${tau} dimension ${d} alone`);
  });
}

test('permutation pattern counts as the plain argsort gives them, lengths 2..14, tau 1..3', () => {
  const rng = new Random(3);
  for (let n = 2; n <= 14; n++) {
    for (let tau = 1; tau <= 3; tau++) {
      check(Float64Array.from({ length: n }, () => rng.normal()), tau, `normal n ${n}`);
      check(Float64Array.from({ length: n }, () => rng.int(3)), tau, `ties n ${n}`);
    }
  }
  for (const n of [63, 64, 65, 600]) {
    const walk = new Float64Array(n);
    let v = 0;
    for (let i = 0; i < n; i++) walk[i] = v += rng.normal();
    for (let tau = 1; tau <= 3; tau++) check(walk, tau, `walk n ${n}`);
  }
});

test('permutation patterns: a NaN anywhere, signed zeros as ties', () => {
  for (let at = 0; at < 9; at++) {
    const x = Float64Array.from({ length: 9 }, (_, i) => Math.sin(i));
    x[at] = Number.NaN;
    check(x, 1, `NaN at ${at}`);
  }
  check(Float64Array.of(0, -0, 0, -0, 1, -0, 0, 0, -1), 1, 'signed zeros');
  check(Float64Array.of(1, 1, 1, 1, 1, 1, 1, 1), 2, 'constant');
});
