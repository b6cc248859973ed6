/**
 * The sort, lagged-product, leading-digit and counting kernels of the statistics family
 * (kernels/stats-sort.ts, stats-lagged-products.ts, stats-leading-digits.ts,
 * stats-threshold-counts.ts) against plain TypeScript references written here, value by value
 * with Object.is: insertion and radix paths, skipped radix passes, signed zeros, NaN,
 * infinities, subnormals, odd lengths (the SIMD remainder), short series.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { numpyPairwiseSum } from './numpy-reference.js';
import { SeriesContext } from '../../src/features/calculator.js';
import { getCalculator } from '../../src/features/calculators/index.js';
import { seriesSorted } from '../../src/features/calculators/statistics/series-moments.js';
import { leadingDigit } from '../../src/features/calculators/statistics/benford-correlation.js';
import type { ParamSet } from '../../src/features/params.js';
import { Random } from '../../src/util/random.js';

const SPECIALS = [0, -0, NaN, -NaN, Infinity, -Infinity, 5e-324, -5e-324, 2.2250738585072014e-308, Number.MAX_VALUE, -Number.MAX_VALUE, 1, -1];

/** Series of several kinds: walks, specials mixed in, small integers (ties), large gauges. */
function series(rng: Random, n: number, kind: number): Float64Array {
  const x = new Float64Array(n);
  let v = 0;
  for (let i = 0; i < n; i++) {
    const u = rng.uniform();
    if (kind === 0) x[i] = v += rng.normal();
    else if (kind === 1) x[i] = u < 0.25 ? SPECIALS[Math.floor(rng.uniform() * SPECIALS.length)]! : rng.normal() * 10 ** Math.floor(rng.uniform() * 40 - 20);
    else if (kind === 2) x[i] = Math.floor(u * 5) - 2;
    else x[i] = 1e8 + Math.floor(u * 4) * 0.25;
  }
  return x;
}

function values(calculator: string, x: Float64Array, params: ParamSet[]): Float64Array {
  const out = new Float64Array(params.length);
  getCalculator(calculator).compute(new SeriesContext(x), params, out, 0);
  return out;
}

function same(actual: number, expected: number, what: string): void {
  assert.ok(Object.is(actual, expected), `${what}: ${actual} !== ${expected}`);
}

test('the sorted series is Float64Array.prototype.sort\'s order: -0 before +0, NaN last, every length', () => {
  const rng = new Random(11);
  for (let n = 0; n <= 300; n++) {
    for (let kind = 0; kind < 4; kind++) {
      const x = series(rng, n, kind);
      const sorted = seriesSorted(new SeriesContext(x));
      const expected = Float64Array.from(x).sort();
      assert.equal(sorted.length, n);
      for (let i = 0; i < n; i++) same(sorted[i]!, expected[i]!, `n ${n} kind ${kind} at ${i}`);
    }
  }
  const zeros = seriesSorted(new SeriesContext(Float64Array.from([0, -0, 0, -0, NaN, -0, ...new Array(40).fill(0)])));
  same(zeros[0]!, -0, 'first -0');
  same(zeros[2]!, -0, 'third -0');
  same(zeros[3]!, 0, 'then +0');
  same(zeros[zeros.length - 1]!, NaN, 'NaN last');
  // one sign and exponent: the radix passes over the high bytes are skipped
  const narrow = Float64Array.from({ length: 500 }, (_, i) => 1 + ((i * 7919) % 500) / 1024);
  assert.deepEqual(Array.from(seriesSorted(new SeriesContext(narrow))), Array.from(Float64Array.from(narrow).sort()));
});

test('the sort\'s bucket path and its fallbacks: NaN and signed zeros among spread values, tiny and overflowing ranges, clusters, long series', () => {
  const rng = new Random(12);
  const cases: Float64Array[] = [];
  for (const n of [25, 26, 31, 600, 3000]) {
    let v = 0;
    const walk = Float64Array.from({ length: n }, () => (v += rng.normal()));
    const holes = walk.map((w, i) => (i % 7 === 3 ? NaN : i % 5 === 1 ? (i % 2 ? -0 : 0) : w));
    const subnormal = Float64Array.from({ length: n }, () => Math.floor(rng.uniform() * 8) * 5e-324);
    const overflowing = walk.map((w, i) => (i === 0 ? -Number.MAX_VALUE : i === 1 ? Number.MAX_VALUE : w));
    const infinite = walk.map((w, i) => (i === n - 1 ? -Infinity : w));
    const clustered = walk.map((w, i) => (i % 2 ? 1e6 : w * 1e-9)); // one bucket holds half the values
    cases.push(walk, holes, subnormal, overflowing, infinite, clustered, new Float64Array(n).fill(NaN), walk.map((w, i) => (i ? 2 : NaN)));
  }
  for (const x of cases) {
    const sorted = seriesSorted(new SeriesContext(x));
    const expected = Float64Array.from(x).sort();
    for (let i = 0; i < x.length; i++) same(sorted[i]!, expected[i]!, `n ${x.length} at ${i}`);
  }
});

test('c3 and time_reversal_asymmetry_statistic equal numpy\'s terms and pairwise mean', () => {
  const rng = new Random(12);
  const lags = [0, 1, 2, 3, 7, 150];
  const params = lags.map((lag) => ({ lag }));
  for (const n of [0, 1, 2, 3, 4, 5, 9, 16, 17, 130, 257, 301, 600]) {
    for (let kind = 0; kind < 4; kind++) {
      const x = series(rng, n, kind);
      const c3 = values('c3', x, params);
      const tras = values('time_reversal_asymmetry_statistic', x, params);
      lags.forEach((lag, j) => {
        const m = n - 2 * lag;
        if (m <= 0) {
          same(c3[j]!, 0, `c3 n ${n} lag ${lag}`);
          same(tras[j]!, 0, `tras n ${n} lag ${lag}`);
          return;
        }
        const c3Terms: number[] = [];
        const trasTerms: number[] = [];
        for (let i = 0; i < m; i++) {
          const a = x[i + 2 * lag]!;
          const b = x[i + lag]!;
          const c = x[i]!;
          c3Terms.push(a * b * c);
          trasTerms.push(a * a * b - b * c * c);
        }
        same(c3[j]!, numpyPairwiseSum(c3Terms, 0, m) / m, `c3 n ${n} kind ${kind} lag ${lag}`);
        same(tras[j]!, numpyPairwiseSum(trasTerms, 0, m) / m, `tras n ${n} kind ${kind} lag ${lag}`);
      });
    }
  }
});

test('benford\'s leading digit is the first digit of the shortest decimal of every magnitude', () => {
  const rng = new Random(13);
  const bits = new Float64Array(1);
  const words = new Uint32Array(bits.buffer);
  for (let i = 0; i < 20000; i++) {
    words[0] = Math.floor(rng.uniform() * 2 ** 32);
    words[1] = Math.floor(rng.uniform() * 2 ** 32);
    const v = bits[0]!;
    const magnitude = Math.abs(v);
    const expected = v !== v || v === 0 ? 0 : Number((magnitude === Infinity ? Number.MAX_VALUE : magnitude).toExponential()[0]);
    assert.equal(leadingDigit(v), expected, `${v}`);
  }
  for (const v of [...SPECIALS, 3e-5, 1e23, 9.999999999999999e22, 0.00314, -2.5, 1e-300, 9e15]) {
    const magnitude = Math.abs(v);
    const expected = v !== v || v === 0 ? 0 : Number((magnitude === Infinity ? Number.MAX_VALUE : magnitude).toExponential()[0]);
    assert.equal(leadingDigit(v), expected, `${v}`);
  }
});

test('the counting kernels equal plain loops, NaN failing every comparison', () => {
  const rng = new Random(14);
  for (const n of [0, 1, 2, 3, 10, 99, 600]) {
    for (let kind = 0; kind < 4; kind++) {
      const x = series(rng, n, kind);
      const levels = [0, -1, 1, 1e8, NaN, -0, 1e8 + 0.25];
      const count = (f: (v: number, i: number) => boolean): number => Array.from(x).filter(f).length;
      assert.deepEqual(Array.from(values('number_crossing_m', x, levels.map((m) => ({ m })))),
        levels.map((m) => count((v, i) => i > 0 && v > m !== x[i - 1]! > m)), `crossings n ${n} kind ${kind}`);
      assert.deepEqual(Array.from(values('range_count', x, levels.map((min) => ({ min, max: min + 1 })))),
        levels.map((min) => count((v) => v >= min && v < min + 1)), `range n ${n} kind ${kind}`);
      assert.deepEqual(Array.from(values('value_count', x, levels.map((value) => ({ value })))),
        levels.map((value) => count((v) => (Number.isNaN(value) ? v !== v : v === value))), `value n ${n} kind ${kind}`);
      const above = values('count_above', x, levels.map((t) => ({ t })));
      const below = values('count_below', x, levels.map((t) => ({ t })));
      levels.forEach((t, j) => {
        same(above[j]!, count((v) => v >= t) / n, `above n ${n} kind ${kind} t ${t}`);
        same(below[j]!, count((v) => v <= t) / n, `below n ${n} kind ${kind} t ${t}`);
      });
      // number_peaks by its definition, supports in any order, 0 and repeated
      const supports = [5, 0, 1, 3, 1, 10, 2, 50];
      const peaks = (s: number): number => {
        if (s <= 0) return 0;
        let c = 0;
        for (let i = s; i < n - s; i++) {
          let ok = true;
          for (let d = 1; d <= s && ok; d++) ok = x[i]! > x[i - d]! && x[i]! > x[i + d]!;
          if (ok) c++;
        }
        return c;
      };
      assert.deepEqual(Array.from(values('number_peaks', x, supports.map((s) => ({ n: s })))), supports.map(peaks), `peaks n ${n} kind ${kind}`);
    }
  }
});
