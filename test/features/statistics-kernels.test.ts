/**
 * The statistics and complexity WebAssembly kernels (kernels/stats-*.ts) against plain
 * TypeScript references written here, value by value with Object.is: the SIMD blocking's
 * remainders and recursion splits, short series, NaN, signed zeros and ties.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { numpyPairwiseSum } from './numpy-reference.js';
import { SeriesContext } from '../../src/features/calculator.js';
import { getCalculator } from '../../src/features/calculators/index.js';
import { centralMomentSums, seriesExtremes, seriesMean, seriesSumOfSquares } from '../../src/features/calculators/statistics/series-moments.js';
import { sortedQuantile } from '../../src/features/calculators/statistics/numpy-quantile.js';
import { permutationEntropy } from '../../src/features/calculators/complexity/permutation-entropy.js';
import { lempelZivComplexity } from '../../src/features/calculators/complexity/lempel-ziv-complexity.js';
import { numpyVariance, pairwiseSum } from '../../src/features/numeric/pairwise-sum.js';
import { histogramCounts } from '../../src/features/numeric/equal-width-bins.js';
import type { ParamSet } from '../../src/features/params.js';
import { Random } from '../../src/util/random.js';

/** Values of every magnitude, with exact cancellations, so that the order of additions shows. */
function wildValues(rng: Random, n: number): Float64Array {
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = rng.normal() * 10 ** Math.floor(rng.uniform() * 32 - 16);
  return x;
}

function same(actual: number, expected: number, what: string): void {
  assert.ok(Object.is(actual, expected), `${what}: ${actual} !== ${expected}`);
}

test('pairwiseSum equals numpy\'s order on every length around the SIMD blocks and splits', () => {
  const rng = new Random(5);
  for (let n = 0; n <= 300; n++) {
    const x = wildValues(rng, n + 3);
    same(pairwiseSum(x, 0, n), numpyPairwiseSum(x, 0, n), `n ${n}`);
    same(pairwiseSum(x, 3, n), numpyPairwiseSum(x, 3, n), `n ${n} from 3`);
    same(pairwiseSum(Array.from(x), 1, n), numpyPairwiseSum(x, 1, n), `n ${n}, plain array`);
  }
  same(pairwiseSum(new Float64Array(12).fill(-0)), -0, 'twelve -0s keep the sign (accumulators start at -0)');
  same(pairwiseSum(new Float64Array(5).fill(-0)), 0, 'five -0s add to +0 (the short loop starts at +0)');
  const withNaN = wildValues(rng, 200);
  withNaN[137] = NaN;
  same(pairwiseSum(withNaN), NaN, 'NaN propagates');
});

test('numpyVariance is the pairwise mean of squared deviations from the pairwise mean', () => {
  const rng = new Random(6);
  for (const n of [1, 2, 7, 8, 9, 16, 129, 257, 600]) {
    const x = wildValues(rng, n + 2);
    const mean = numpyPairwiseSum(x, 2, n) / n;
    const squares = Array.from(x.subarray(2), (v) => (v - mean) * (v - mean));
    same(numpyVariance(x, 2, n + 2), numpyPairwiseSum(squares) / n, `n ${n}`);
  }
});

test('the series summary: mean, m2..m4, sum of squares and extremes as the plain loops give them', () => {
  const rng = new Random(7);
  const cases: Float64Array[] = [new Float64Array(0), Float64Array.of(-0), Float64Array.of(3, NaN, 1, NaN), Float64Array.of(2, 2, -1, -1, 2)];
  for (const n of [1, 9, 130, 600]) cases.push(wildValues(rng, n));
  for (const x of cases) {
    const ctx = new SeriesContext(x);
    const n = x.length;
    const mean = numpyPairwiseSum(x) / n;
    const a = Array.from(x, (v) => v - mean);
    same(seriesMean(ctx), mean, 'mean');
    const { m2, m3, m4 } = centralMomentSums(ctx);
    same(m2, numpyPairwiseSum(a.map((v) => v * v)), 'm2');
    same(m3, numpyPairwiseSum(a.map((v) => v * v * v)), 'm3');
    same(m4, numpyPairwiseSum(a.map((v) => v * v * (v * v))), 'm4');
    same(seriesSumOfSquares(ctx), numpyPairwiseSum(Array.from(x, (v) => v * v)), 'sum of squares');
    const extremes = seriesExtremes(ctx);
    const values = Array.from(x);
    const nanAt = values.flatMap((v, i) => (Number.isNaN(v) ? [i] : []));
    if (n === 0) assert.deepEqual(extremes, { min: NaN, max: NaN, firstMin: -1, lastMin: -1, firstMax: -1, lastMax: -1 });
    else if (nanAt.length > 0) {
      assert.deepEqual(extremes, { min: NaN, max: NaN, firstMin: nanAt[0], lastMin: nanAt.at(-1), firstMax: nanAt[0], lastMax: nanAt.at(-1) });
    } else {
      const min = Math.min(...values);
      const max = Math.max(...values);
      assert.deepEqual(extremes, { min, max, firstMin: values.indexOf(min), lastMin: values.lastIndexOf(min), firstMax: values.indexOf(max), lastMax: values.lastIndexOf(max) });
    }
  }
});

test('change_quantiles: the corridor changes\' mean, var, std and median as the plain loops give them', () => {
  const calc = getCalculator('change_quantiles');
  const params: ParamSet[] = [];
  for (const [ql, qh] of [[0, 0.2], [0, 1], [0.2, 0.8], [0.4, 0.6], [0.6, 0.6], [0.8, 1]])
    for (const isabs of [false, true]) for (const f_agg of ['mean', 'var', 'std', 'median']) params.push({ ql, qh, isabs, f_agg });
  const rng = new Random(8);
  const cases = [Float64Array.of(1, 2), Float64Array.of(5, 5, 5), Float64Array.of(1, NaN, 2, 3)];
  for (const n of [3, 10, 17, 140, 600]) {
    cases.push(wildValues(rng, n));
    cases.push(Float64Array.from({ length: n }, () => rng.int(4))); // ties on the corridor edges
  }
  for (const x of cases) {
    const out = new Float64Array(params.length);
    calc.compute(new SeriesContext(x), params, out, 0);
    const sorted = Float64Array.from(x).sort();
    params.forEach((p, k) => {
      const ql = p['ql'] as number;
      const qh = p['qh'] as number;
      const lower = sortedQuantile(sorted, (ql * 100) / 100);
      const upper = sortedQuantile(sorted, (qh * 100) / 100);
      const changes: number[] = [];
      for (let i = 1; i < x.length; i++) {
        const inside = (v: number) => v >= lower && v <= upper;
        if (inside(x[i - 1]!) && inside(x[i]!)) changes.push(p['isabs'] ? Math.abs(x[i]! - x[i - 1]!) : x[i]! - x[i - 1]!);
      }
      let expected = 0;
      if (ql < qh && changes.length > 0) {
        const m = changes.length;
        const mean = numpyPairwiseSum(changes) / m;
        const variance = numpyPairwiseSum(changes.map((c) => (c - mean) * (c - mean))) / m;
        const s = Float64Array.from(changes).sort();
        const median = m % 2 === 1 ? s[m >> 1]! : (s[(m >> 1) - 1]! + s[m >> 1]!) / 2;
        expected = { mean, var: variance, std: Math.sqrt(variance), median }[p['f_agg'] as string]!;
      }
      same(out[k]!, expected, `n ${x.length}, ${JSON.stringify(p)}`);
    });
  }
});

test('ratio_beyond_r_sigma counts every r in one pass as the plain loop does', () => {
  const calc = getCalculator('ratio_beyond_r_sigma');
  const rs = [0, 0.5, 1, 1.5, 2, 2.5, 3, 5, 6, 7, 10];
  const rng = new Random(9);
  for (const x of [Float64Array.of(1, 2), Float64Array.of(4, 4, 4), wildValues(rng, 7), Float64Array.from({ length: 600 }, () => rng.normal())]) {
    const out = new Float64Array(rs.length);
    const ctx = new SeriesContext(x);
    calc.compute(ctx, rs.map((r) => ({ r })), out, 0);
    const mean = numpyPairwiseSum(x) / x.length;
    const std = Math.sqrt(numpyPairwiseSum(Array.from(x, (v) => (v - mean) * (v - mean))) / x.length);
    rs.forEach((r, k) => same(out[k]!, Array.from(x).filter((v) => Math.abs(v - mean) > r * std).length / x.length, `r ${r}`));
  }
});

test('the binning kernels: NaN and infinities, values on the edges, one value', () => {
  assert.throws(() => histogramCounts(Float64Array.of(1, Infinity), 3, new Int32Array(3), new Float64Array(4)), /finite/);
  const counts = new Int32Array(4);
  const edges = new Float64Array(5);
  histogramCounts(Float64Array.of(0, 1, 2, 3, 4, 4, 1), 4, counts, edges);
  assert.deepEqual(Array.from(edges), [0, 1, 2, 3, 4]);
  assert.deepEqual(Array.from(counts), [1, 2, 1, 3]); // 1 and 2 on inner edges go up; 4 in the closed last bin
  assert.ok(Number.isNaN(lempelZivComplexity(Float64Array.of(1, NaN, 2), 3)));
  same(lempelZivComplexity(Float64Array.of(7), 100), 1, 'one value is one phrase');
  // edges 0, 1, 2, 3 (searchsorted left): 1 -> 0, 2 -> 1, 3 -> 2, so 0 1 2 3 -> 0 0 1 2: phrases 0, 01, 2
  same(lempelZivComplexity(Float64Array.of(0, 1, 2, 3), 3), 3 / 4, 'values on the edges');
  assert.ok(Number.isNaN(permutationEntropy(Float64Array.of(1, 2, NaN, 4, 5), 1, 3)));
  const calc = getCalculator('permutation_entropy');
  const out = new Float64Array(3);
  calc.compute(new SeriesContext(Float64Array.of(3, 1, NaN, 2, 5, 4)), [{ tau: 1, dimension: 3 }, { tau: 2, dimension: 2 }, { tau: 1, dimension: 7 }], out, 0);
  assert.ok(out.every(Number.isNaN), 'NaN for every set when the series holds a NaN (and without a window)');
});

test('index_mass_quantile and the value runs as the plain loops give them (ties, NaN, zeros, infinities)', () => {
  const qs = [0.1, 0.2, 0.3, 0.4, 0.6, 0.7, 0.8, 0.9, 1];
  const imq = getCalculator('index_mass_quantile');
  const rng = new Random(10);
  const cases = [new Float64Array(3), Float64Array.of(-2, 0, 2), Float64Array.of(1, NaN, 1), Float64Array.from({ length: 131 }, () => rng.int(5) - 2), wildValues(rng, 600)];
  for (const x of cases) {
    const out = new Float64Array(qs.length);
    imq.compute(new SeriesContext(x), qs.map((q) => ({ q })), out, 0);
    const absolute = Array.from(x, Math.abs);
    const total = numpyPairwiseSum(absolute);
    qs.forEach((q, j) => {
      let cumulative = 0;
      const first = absolute.findIndex((a) => (cumulative += a) / total >= q);
      same(out[j]!, total === 0 ? NaN : ((first < 0 ? 0 : first) + 1) / x.length, `q ${q}`);
    });
  }
  const names = ['sum_of_reoccurring_values', 'sum_of_reoccurring_data_points', 'percentage_of_reoccurring_values_to_all_values'];
  for (const x of [Float64Array.of(Infinity, Infinity, -3, 2, -3, NaN, NaN), Float64Array.of(-1, 4, 7), Float64Array.from({ length: 300 }, () => rng.int(40) / 8 - 2)]) {
    const ctx = new SeriesContext(x);
    const [values, points, percentage] = names.map((name) => {
      const out = new Float64Array(1);
      getCalculator(name).compute(ctx, null, out, 0);
      return out[0]!;
    });
    const counts = new Map<number, number>();
    for (const v of x) counts.set(v, (counts.get(v) ?? 0) + 1);
    const runs = [...counts].sort(([a], [b]) => (Number.isNaN(a) ? 1 : Number.isNaN(b) ? -1 : a - b));
    same(values!, numpyPairwiseSum(runs.map(([v, c]) => (c > 1 ? v : v * 0))), 'sum of reoccurring values');
    same(points!, numpyPairwiseSum(runs.map(([v, c]) => (c > 1 ? v * c : v * 0))), 'sum of reoccurring points');
    same(percentage!, runs.filter(([, c]) => c > 1).length / runs.length, 'share of reoccurring values');
  }
});
