/**
 * index_mass_quantile's search (kernels/stats-value-runs.ts `indexMassQuantiles`: bisection on
 * the shares when the total is finite, a scan otherwise) against the plain left-to-right scan
 * written here, Object.is per value: shares that tie q exactly, leading and inner zeros, q at
 * 0, below 0, above 1 and NaN, infinite values and an overflowing total, NaN, lengths 1..12.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { numpyPairwiseSum } from './numpy-reference.js';
import { SeriesContext } from '../../src/features/calculator.js';
import { getCalculator } from '../../src/features/calculators/index.js';
import { Random } from '../../src/util/random.js';

const QS = [-0.5, 0, 0.1, 0.25, 1 / 3, 0.5, 2 / 3, 0.75, 0.9, 1, 1.5, Number.NaN];

function check(x: Float64Array, label: string): void {
  const out = new Float64Array(QS.length);
  getCalculator('index_mass_quantile').compute(new SeriesContext(x), QS.map((q) => ({ q })), out, 0);
  const absolute = Array.from(x, Math.abs);
  const total = numpyPairwiseSum(absolute);
  QS.forEach((q, j) => {
    let cumulative = 0;
    const first = absolute.findIndex((a) => (cumulative += a) / total >= q);
    const expected = total === 0 ? NaN : ((first < 0 ? 0 : first) + 1) / x.length;
    assert.ok(Object.is(out[j], expected), `${label} q ${q}: ${out[j]} vs ${expected}`);
  });
}

test('index_mass_quantile by bisection finds what the scan finds', () => {
  const rng = new Random(13);
  for (let n = 1; n <= 12; n++) {
    check(Float64Array.from({ length: n }, () => 1), `ones n ${n}`); // shares tie q exactly
    check(Float64Array.from({ length: n }, () => rng.int(3) - 1), `zeros and ones n ${n}`);
    check(Float64Array.from({ length: n }, () => rng.normal()), `normal n ${n}`);
  }
  check(Float64Array.of(0, 0, 0, 1, 0, 0, 3), 'leading and inner zeros');
  check(Float64Array.from({ length: 600 }, () => rng.normal() * 1e3), 'normal n 600');
});

test('index_mass_quantile with infinities, an overflowing total and NaN (the scan)', () => {
  check(Float64Array.of(1, Infinity, 2), 'an infinity');
  check(Float64Array.of(0, 0, -Infinity, Infinity), 'infinities after zeros');
  check(Float64Array.of(1.5e308, 1.5e308, 1), 'a total that overflows');
  check(Float64Array.of(1, Number.NaN, 2), 'a NaN');
});
