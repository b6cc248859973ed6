/**
 * ratio_beyond_r_sigma's bisection kernel (kernels/stats-series-summary.ts
 * `countBeyondLimitsSorted`) against the plain count #{i : |x_i - center| > limit}, written
 * here: values exactly at the limit on both sides of the center, values equal to the center,
 * signed zeros, infinities, NaN, a NaN or infinite center, negative, zero and infinite limits,
 * every length 0..12 and walks of 600; and the calculator against the plain formula.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SeriesContext } from '../../src/features/calculator.js';
import { getCalculator } from '../../src/features/calculators/index.js';
import { seriesMean, seriesStd } from '../../src/features/calculators/statistics/series-moments.js';
import { KernelBuffer, kernels } from '../../src/util/wasm-kernels.js';
import { Random } from '../../src/util/random.js';

const values = new KernelBuffer();
const limitBuffer = new KernelBuffer();
const countBuffer = new KernelBuffer();

function plainCount(x: ArrayLike<number>, center: number, limit: number): number {
  let count = 0;
  for (let i = 0; i < x.length; i++) if (Math.abs(x[i]! - center) > limit) count++;
  return count;
}

function check(x: Float64Array, center: number, limits: readonly number[], label: string): void {
  const sorted = Float64Array.from(x).sort();
  const k = kernels();
  const limitsPointer = limitBuffer.pointer(limits.length);
  const countsPointer = countBuffer.pointer(limits.length);
  const sortedPointer = values.copyIn(sorted);
  limitBuffer.view(limits.length).set(limits);
  k.fn.countBeyondLimitsSorted(sortedPointer, sorted.length, center, limitsPointer, limits.length, countsPointer);
  const counts = countBuffer.view(limits.length);
  limits.forEach((limit, j) => assert.equal(counts[j], plainCount(x, center, limit), `${label}: center ${center} limit ${limit}`));
}

const LIMITS = [-1, 0, 0.5, 1, 1.5, 2, 3, 1e300, Infinity, Number.NaN, 5e-324];

test('bisected counts beyond the limits equal the plain count', () => {
  const rng = new Random(11);
  for (let n = 0; n <= 12; n++) {
    const x = Float64Array.from({ length: n }, () => rng.int(7) - 3); // ties on the limits and the center
    for (const center of [0, 1, -0.5, 0.25, -3, 3]) check(x, center, LIMITS, `integers n ${n}`);
  }
  for (let r = 0; r < 20; r++) {
    const x = new Float64Array(600);
    let v = 0;
    for (let i = 0; i < 600; i++) x[i] = v += rng.normal();
    const center = x.reduce((a, b) => a + b) / 600;
    check(x, center, [...LIMITS, ...Array.from({ length: 20 }, () => Math.abs(x[rng.int(600)]! - center))], `walk ${r}`);
  }
});

test('bisected counts: signed zeros, infinities, NaN values and centers', () => {
  check(Float64Array.of(-0, 0, -0, 1, -1), 0, LIMITS, 'signed zeros, center +0');
  check(Float64Array.of(-0, 0, -0, 1, -1), -0, LIMITS, 'signed zeros, center -0');
  check(Float64Array.of(-Infinity, 1, 2, Infinity, 3), 2, LIMITS, 'infinite values, finite center');
  check(Float64Array.of(1, 2, Number.NaN, 3), 2, LIMITS, 'a NaN value');
  check(Float64Array.of(1, 2, 3), Number.NaN, LIMITS, 'NaN center');
  check(Float64Array.of(1, 2, 3, Infinity), Infinity, LIMITS, 'infinite center');
  check(Float64Array.of(1e308, -1e308, 1.7e308, -1.7e308, 0), 1e308, LIMITS, 'differences that overflow');
});

test('ratio_beyond_r_sigma as the plain formula gives it', () => {
  const calc = getCalculator('ratio_beyond_r_sigma');
  const rs = [0, 0.5, 1, 1.5, 2, 2.5, 3, 5, 6, 7, 10];
  const rng = new Random(12);
  const cases = [Float64Array.of(1, 2), Float64Array.of(4, 4, 4), Float64Array.of(1, NaN, 2), Float64Array.of(1, Infinity, 2)];
  for (const n of [1, 3, 9, 600]) cases.push(Float64Array.from({ length: n }, () => rng.normal() * 10));
  for (const x of cases) {
    const ctx = new SeriesContext(x);
    const out = new Float64Array(rs.length);
    calc.compute(ctx, rs.map((r) => ({ r })), out, 0);
    const mean = seriesMean(ctx);
    const std = seriesStd(ctx);
    rs.forEach((r, k) => assert.ok(Object.is(out[k], plainCount(x, mean, r * std) / x.length), `n ${x.length} r ${r}`));
  }
});
