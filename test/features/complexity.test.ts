/**
 * The complexity family against hand-computed values, tsfresh's edge cases, and (for the
 * fast algorithms) direct O(n^2) transcriptions of tsfresh's definitions on random, tied and
 * quantized series.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SeriesContext } from '../../src/features/calculator.js';
import {
  approximateEntropy,
  binnedEntropy,
  complexityCalculators,
  countPhrases,
  lempelZivComplexity,
  permutationEntropy,
  sampleEntropy,
} from '../../src/features/calculators/complexity/index.js';
import { stableArgsort } from '../../src/features/calculators/complexity/argsort.js';
import { permutationEntropyCalculator } from '../../src/features/calculators/complexity/permutation-entropy.js';
import { histogramCounts, linspaceInto } from '../../src/features/numeric/equal-width-bins.js';
import { numpyStd, pairwiseSum } from '../../src/features/numeric/pairwise-sum.js';
import { countTemplateMatches } from '../../src/features/calculators/complexity/template-matching.js';
import { Random } from '../../src/util/random.js';

const f64 = (values: number[]) => Float64Array.from(values);
const ctxOf = (values: number[] | Float64Array) => new SeriesContext(Float64Array.from(values));
const entropyOf = (...probs: number[]) => -probs.reduce((s, p) => s + p * Math.log(p), 0);

function assertClose(actual: number, expected: number, tolerance = 1e-12) {
  if (actual === expected) return;
  assert.ok(Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected)), `expected ${expected}, got ${actual}`);
}

// ---------------------------------------------------------------- naive references

/** Chebyshev distance of the length-`len` templates at i and j, as tsfresh forms it. */
function chebyshev(x: Float64Array, i: number, j: number, len: number): number {
  let d = 0;
  for (let k = 0; k < len; k++) d = Math.max(d, Math.abs(x[i + k]! - x[j + k]!));
  return d;
}

/** tsfresh's sample_entropy, pair by pair. */
function naiveSampleEntropy(x: Float64Array): number {
  const r = 0.2 * numpyStd(x);
  const n = x.length;
  let b = 0;
  let a = 0;
  for (let i = 0; i + 2 <= n; i++) for (let j = 0; j + 2 <= n; j++) if (i !== j && chebyshev(x, i, j, 2) <= r) b++;
  for (let i = 0; i + 3 <= n; i++) for (let j = 0; j + 3 <= n; j++) if (i !== j && chebyshev(x, i, j, 3) <= r) a++;
  return -Math.log(a / b);
}

/** tsfresh's approximate_entropy, pair by pair (plain summation). */
function naiveApproximateEntropy(x: Float64Array, m: number, rFactor: number): number {
  const n = x.length;
  const r = rFactor * numpyStd(x);
  if (n <= m + 1) return 0;
  const phi = (len: number) => {
    const t = n - len + 1;
    let sum = 0;
    for (let i = 0; i < t; i++) {
      let c = 0;
      for (let j = 0; j < t; j++) if (chebyshev(x, i, j, len) <= r) c++;
      sum += Math.log(c / t);
    }
    return sum / t;
  };
  return Math.abs(phi(m) - phi(m + 1));
}

/** tsfresh's permutation_entropy with an explicit stable argsort of every window. */
function naivePermutationEntropy(x: Float64Array, tau: number, dimension: number): number {
  const windows = Math.floor((x.length - dimension) / tau) + 1;
  if (windows <= 0) return Number.NaN;
  const counts = new Map<string, number>();
  for (let w = 0; w < windows; w++) {
    const window = Array.from(x.subarray(w * tau, w * tau + dimension));
    const order = window.map((_, k) => k).sort((p, q) => window[p]! - window[q]! || p - q);
    const key = order.join(',');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  let h = 0;
  for (const c of counts.values()) h -= (c / windows) * Math.log(c / windows);
  return h;
}

/** tsfresh's Lempel-Ziv parse with a set of phrase strings. */
function naivePhrases(sequence: number[]): number {
  const phrases = new Set<string>();
  let ind = 0;
  let inc = 1;
  while (ind + inc <= sequence.length) {
    const phrase = sequence.slice(ind, ind + inc).join(',');
    if (phrases.has(phrase)) inc++;
    else {
      phrases.add(phrase);
      ind += inc;
      inc = 1;
    }
  }
  return phrases.size;
}

function randomWalk(rng: Random, n: number): Float64Array {
  const x = new Float64Array(n);
  let v = 0;
  for (let i = 0; i < n; i++) x[i] = v += rng.normal();
  return x;
}

function smallIntegers(rng: Random, n: number, levels: number): Float64Array {
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = rng.int(levels);
  return x;
}

// ---------------------------------------------------------------- numpy helpers

test('pairwiseSum adds like numpy: exact on integers, eight accumulators, split at a multiple of 8', () => {
  const ints = Float64Array.from({ length: 1000 }, (_, i) => i);
  assert.equal(pairwiseSum(ints), 499500);
  assert.equal(pairwiseSum(f64([])), 0);
  // Left to right, 1e16 + 1 rounds back to 1e16 every time (the sum stays 1e16). numpy's
  // accumulators r1..r7 gather their ones first: ((1e16 + 1) + 2) + (2 + 2) = 1e16 + 6, then
  // the two leftover values: + 1 -> 1e16 + 8 (ties to even), + 1 -> 1e16 + 8.
  const values = f64([1e16, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
  assert.equal(pairwiseSum(values), 1e16 + 8);
});

test('numpyStd is the population std', () => {
  assertClose(numpyStd(f64([2, 4, 4, 4, 5, 5, 7, 9])), 2);
  assert.equal(numpyStd(f64([3, 3, 3])), 0);
});

test('linspaceInto reproduces numpy edges, the last edge exactly stop', () => {
  const edges = linspaceInto(new Float64Array(4), 0, 1, 4);
  assert.deepEqual(Array.from(edges), [0, 1 / 3, 2 / 3, 1]);
  assert.deepEqual(Array.from(linspaceInto(new Float64Array(3), 5, 5, 3)), [5, 5, 5]);
});

test('histogramCounts: a value on an inner edge goes up, the maximum stays in the last bin', () => {
  const counts = new Int32Array(2);
  histogramCounts(f64([0, 1, 2]), 2, counts, new Float64Array(3));
  assert.deepEqual(Array.from(counts), [1, 2]);
  histogramCounts(f64([7, 7, 7]), 2, counts, new Float64Array(3)); // range widened to [6.5, 7.5]
  assert.deepEqual(Array.from(counts), [0, 3]);
});

test('stableArgsort sorts ascending and keeps ties in index order', () => {
  const rng = new Random(3);
  const x = smallIntegers(rng, 300, 7);
  const order = Array.from(stableArgsort(x));
  const expected = Array.from(x.keys()).sort((a, b) => x[a]! - x[b]! || a - b);
  assert.deepEqual(order, expected);
  assert.deepEqual(Array.from(stableArgsort(f64([2, 1, 2, 1]))), [1, 3, 0, 2]);
});

// ---------------------------------------------------------------- binned_entropy

test('binned_entropy by hand', () => {
  assertClose(binnedEntropy(f64([1, 2, 3, 4]), 2), Math.log(2)); // [1, 2.5) and [2.5, 4]
  assertClose(binnedEntropy(f64([0, 1, 2]), 2), entropyOf(1 / 3, 2 / 3)); // 1 sits on the inner edge
  assertClose(binnedEntropy(f64([0, 0, 0, 10]), 10), entropyOf(3 / 4, 1 / 4));
  assert.equal(binnedEntropy(f64([5, 5, 5, 5]), 10), 0);
  assert.equal(binnedEntropy(f64([42]), 10), 0);
  assert.ok(Number.isNaN(binnedEntropy(f64([1, Number.NaN, 2]), 10)));
  assert.throws(() => binnedEntropy(f64([1, 2]), 0), /max_bins must be a positive integer/);
});

// ---------------------------------------------------------------- lempel_ziv_complexity

test('lempel_ziv_complexity: tsfresh\'s "100111" example gives 4/6', () => {
  assertClose(lempelZivComplexity(f64([1, 0, 0, 1, 1, 1]), 2), 4 / 6);
});

test('lempel_ziv_complexity: a value on an edge takes the lower bin', () => {
  // edges 0, 0.5, 1: 0.5 -> symbol 0, so 0 0 0 1 -> phrases 0, 00, 1 (3/4); 1 1 0 1 would give 2/4
  assertClose(lempelZivComplexity(f64([0.5, 0.5, 0, 1]), 2), 3 / 4);
});

test('lempel_ziv_complexity: a constant series parses into phrases of length 1, 2, 3, ...', () => {
  // 300 zeros: 1 + 2 + ... + 23 = 276, then a new 24-long phrase closes exactly at 300
  const calc = complexityCalculators.find((c) => c.name === 'lempel_ziv_complexity')!;
  const out = new Float64Array(2);
  calc.compute(ctxOf(new Float64Array(300).fill(3)), [{ bins: 2 }, { bins: 100 }], out, 0);
  assert.deepEqual(Array.from(out), [24 / 300, 24 / 300]);
  calc.compute(ctxOf([7]), [{ bins: 2 }, { bins: 100 }], out, 0);
  assert.deepEqual(Array.from(out), [1, 1]);
});

test('countPhrases matches the set-of-phrases parse on random symbol strings', () => {
  const rng = new Random(11);
  for (const alphabet of [1, 2, 3, 4, 5, 10, 16, 17, 100]) {
    for (const n of [1, 2, 5, 40, 600]) {
      const seq = Array.from({ length: n }, () => rng.int(alphabet));
      assert.equal(countPhrases(Int32Array.from(seq), n, alphabet), naivePhrases(seq), `alphabet ${alphabet}, n ${n}`);
    }
  }
});

test('lempel_ziv_complexity with several bin counts in one call equals the plain binning and parse, per bin count', () => {
  // numpy: e = linspace(min, max, bins + 1), symbol = #{k >= 1 : e_k < v}, then the phrase parse
  const reference = (x: Float64Array, bins: number): number => {
    let min = x[0]!;
    let max = x[0]!;
    for (const v of x) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    const step = (max - min) / bins;
    const edges = Array.from({ length: bins + 1 }, (_, k) => (k === bins ? max : k * step + min));
    return naivePhrases(Array.from(x, (v) => edges.slice(1).filter((e) => e < v).length)) / x.length;
  };
  const rng = new Random(5);
  const calc = complexityCalculators.find((c) => c.name === 'lempel_ziv_complexity')!;
  // bin counts on both sides of the direct-row limit (16), row strides with v128 remainders,
  // the largest first so that the smaller ones reuse its work region
  const binCounts = [100, 17, 16, 13, 10, 5, 4, 3, 2, 1];
  const series: Float64Array[] = [];
  for (const n of [1, 2, 7, 64, 600]) {
    let v = 0;
    series.push(Float64Array.from({ length: n }, () => (v += rng.normal())));
    series.push(Float64Array.from({ length: n }, () => rng.int(4) - 1)); // ties, values on edges
  }
  series.push(new Float64Array(50).fill(-0.0)); // constant: every value symbol 0
  const out = new Float64Array(binCounts.length);
  for (const x of series) {
    calc.compute(new SeriesContext(x), binCounts.map((bins) => ({ bins })), out, 0);
    binCounts.forEach((bins, i) => assert.ok(Object.is(out[i], reference(x, bins)), `n ${x.length}, bins ${bins}: ${out[i]} vs ${reference(x, bins)}`));
  }
  calc.compute(new SeriesContext(Float64Array.of(1, 2, NaN)), binCounts.map((bins) => ({ bins })), out, 0);
  assert.ok(out.every(Number.isNaN), 'every bin count NaN when the series holds a NaN');
});

// ---------------------------------------------------------------- permutation_entropy

test('permutation_entropy: tsfresh\'s docstring example', () => {
  // windows 4 7 9 | 7 9 10 | 9 10 6 | 10 6 11 | 6 11 3 -> patterns 012, 012, 120, 102, 120
  assertClose(permutationEntropy(f64([4, 7, 9, 10, 6, 11, 3]), 1, 3), entropyOf(0.4, 0.4, 0.2));
});

test('permutation_entropy: ties keep their order, tau steps the window start', () => {
  assert.equal(permutationEntropy(f64([1, 1, 1, 1]), 1, 2), 0);
  // (1,1) and (0,0) are both "in order"; (1,0) is not
  assertClose(permutationEntropy(f64([1, 1, 0, 0]), 1, 2), entropyOf(2 / 3, 1 / 3));
  // tau 2: windows (1,2) and (3,2)
  assertClose(permutationEntropy(f64([1, 2, 3, 2, 1]), 2, 2), Math.log(2));
});

test('permutation_entropy: NaN without a window, 0 with exactly one, errors on bad parameters', () => {
  assert.ok(Number.isNaN(permutationEntropy(f64([1, 2, 3]), 1, 4)));
  assert.equal(permutationEntropy(f64([3, 1, 2, 5]), 1, 4), 0);
  assert.throws(() => permutationEntropy(f64([1, 2, 3]), 1, 1), /dimension must be an integer/);
  assert.throws(() => permutationEntropy(f64([1, 2, 3]), 0, 3), /tau must be a positive integer/);
});

test('permutation_entropy matches a per-window stable argsort on noise and tied integers', () => {
  const rng = new Random(5);
  for (const x of [randomWalk(rng, 500), smallIntegers(rng, 500, 3), smallIntegers(rng, 64, 2)]) {
    for (const dimension of [2, 3, 4, 5, 6, 7]) {
      for (const tau of [1, 2, 3]) {
        assertClose(permutationEntropy(x, tau, dimension), naivePermutationEntropy(x, tau, dimension));
      }
    }
  }
});

test('permutation_entropy computes several dimensions and steps at once as it computes each alone', () => {
  const rng = new Random(8);
  const params = [3, 4, 5, 6, 7, 4, 2, 9].map((dimension, i) => ({ tau: i < 5 ? 1 : i === 5 ? 1 : 2, dimension }));
  params.push({ tau: 3, dimension: 3 }, { tau: 2, dimension: 5 });
  for (const x of [randomWalk(rng, 300), smallIntegers(rng, 120, 3), smallIntegers(rng, 8, 2), f64([1, 2])]) {
    const got = new Float64Array(params.length + 1);
    permutationEntropyCalculator.compute(new SeriesContext(x), params, got, 1);
    params.forEach((p, i) => {
      const alone = x.length < p.dimension ? Number.NaN : naivePermutationEntropy(x, p.tau, p.dimension);
      if (Number.isNaN(alone)) assert.ok(Number.isNaN(got[i + 1]!), `tau ${p.tau}, dimension ${p.dimension}`);
      else assertClose(got[i + 1]!, alone);
    });
  }
});

// ---------------------------------------------------------------- sample_entropy

test('sample_entropy by hand: 1 2 1 2 1 2 gives ln 2', () => {
  // std 0.5, r 0.1: length-2 templates 12 21 12 21 12 -> B = 3*2 + 2*1 = 8 ordered pairs;
  // length-3 templates 121 212 121 212 -> A = 2 + 2 = 4
  assertClose(sampleEntropy(ctxOf([1, 2, 1, 2, 1, 2])), Math.log(2));
});

test('sample_entropy edge cases follow tsfresh: constant, A = 0 (inf), B = 0 (NaN), NaN input', () => {
  assertClose(sampleEntropy(ctxOf([4, 4, 4, 4])), Math.log(3));
  assertClose(sampleEntropy(ctxOf(new Float64Array(300).fill(-2))), Math.log(299 / 297));
  // n = 3 has no pair of length-3 templates: A = 0, so -ln(0 / B) = inf when B > 0 ...
  assert.equal(sampleEntropy(ctxOf([5, 5, 5])), Number.POSITIVE_INFINITY);
  // ... and NaN (0 / 0) when no length-2 templates match either
  assert.ok(Number.isNaN(sampleEntropy(ctxOf([1, 2, 3]))));
  assert.ok(Number.isNaN(sampleEntropy(ctxOf([1, 2]))));
  assert.ok(Number.isNaN(sampleEntropy(ctxOf([1]))));
  assert.ok(Number.isNaN(sampleEntropy(ctxOf([1, 2, Number.NaN, 4, 5]))));
});

test('sample_entropy matches the pair-by-pair definition on walks, noise and tied integers', () => {
  const rng = new Random(7);
  const cases = [randomWalk(rng, 300), randomWalk(rng, 31), smallIntegers(rng, 200, 4), smallIntegers(rng, 150, 12)];
  for (const x of cases) assertClose(sampleEntropy(ctxOf(x)), naiveSampleEntropy(x), 1e-13);
});

// ---------------------------------------------------------------- approximate_entropy

test('approximate_entropy by hand, with a tie at exactly r', () => {
  const x = [0, 2, 0, 2, 0, 2]; // std 1
  // r = 2: every distance (0 or 2) is within r -> C = 1 everywhere -> 0
  assert.equal(approximateEntropy(ctxOf(x), 2, 2), 0);
  // r just below 2: only equal templates match
  const phi2 = (3 * Math.log(3 / 5) + 2 * Math.log(2 / 5)) / 5;
  const phi3 = Math.log(1 / 2);
  assertClose(approximateEntropy(ctxOf(x), 2, 1.999), Math.abs(phi2 - phi3));
});

test('approximate_entropy edge cases follow tsfresh: n <= m + 1 gives 0, constant gives 0, r < 0 throws', () => {
  assert.equal(approximateEntropy(ctxOf([1, 5, 2]), 2, 0.5), 0);
  assert.equal(approximateEntropy(ctxOf([1]), 2, 0.5), 0);
  assert.equal(approximateEntropy(ctxOf(new Float64Array(50).fill(9)), 2, 0.1), 0);
  assert.throws(() => approximateEntropy(ctxOf([1, 2, 3, 4, 5]), 2, -0.1), /r must be positive/);
  assert.ok(Number.isNaN(approximateEntropy(ctxOf([1, 2, Number.NaN, 4, 5]), 2, 0.5)));
});

test('approximate_entropy matches the pair-by-pair definition for m = 1, 2, 3 and several r', () => {
  const rng = new Random(9);
  const cases = [randomWalk(rng, 250), randomWalk(rng, 12), smallIntegers(rng, 200, 5)];
  for (const x of cases) {
    for (const m of [1, 2, 3]) {
      for (const r of [0.1, 0.3, 0.5, 0.9, 2]) {
        assertClose(approximateEntropy(ctxOf(x), m, r), naiveApproximateEntropy(x, m, r), 1e-9);
      }
    }
  }
});

test('countTemplateMatches counts ties at exactly r, for several tolerances in one pass', () => {
  const rng = new Random(13);
  const x = smallIntegers(rng, 120, 4);
  const tolerances = [1, 0, 2.5, 1]; // unsorted and repeated on purpose
  const results = countTemplateMatches(x, 2, tolerances, stableArgsort(x));
  tolerances.forEach((r, k) => {
    const { countsM, countsM1 } = results[k]!;
    assert.equal(countsM.length, 119);
    assert.equal(countsM1.length, 118);
    for (let i = 0; i < countsM.length; i++) {
      let expected = 0;
      for (let j = 0; j < countsM.length; j++) if (j !== i && chebyshev(x, i, j, 2) <= r) expected++;
      assert.equal(countsM[i], expected, `r ${r}, length 2, template ${i}`);
    }
    for (let i = 0; i < countsM1.length; i++) {
      let expected = 0;
      for (let j = 0; j < countsM1.length; j++) if (j !== i && chebyshev(x, i, j, 3) <= r) expected++;
      assert.equal(countsM1[i], expected, `r ${r}, length 3, template ${i}`);
    }
  });
});

// ---------------------------------------------------------------- calculators

test('the calculators write tsfresh column suffixes and values in parameter order', () => {
  const byName = new Map(complexityCalculators.map((c) => [c.name, c]));
  assert.deepEqual([...byName.keys()].sort(), [
    'approximate_entropy',
    'binned_entropy',
    'lempel_ziv_complexity',
    'permutation_entropy',
    'sample_entropy',
  ]);
  const approx = byName.get('approximate_entropy')!;
  const params = [
    { m: 2, r: 0.1 },
    { m: 2, r: 0.9 },
  ];
  assert.deepEqual(approx.outputs(params), ['m_2__r_0.1', 'm_2__r_0.9']);
  const ctx = ctxOf([0, 2, 0, 2, 0, 2, 1, 3]);
  const out = new Float64Array(3).fill(-1);
  approx.compute(ctx, params, out, 1);
  assert.equal(out[0], -1);
  assert.ok(out[1]! > 0 && out[2]! > 0);
  assert.equal(out[1], approximateEntropy(ctx, 2, 0.1));
  assert.equal(out[2], approximateEntropy(ctx, 2, 0.9));
  assert.deepEqual(byName.get('permutation_entropy')!.outputs([{ dimension: 3, tau: 1 }]), ['dimension_3__tau_1']);
  assert.deepEqual(byName.get('binned_entropy')!.outputs([{ max_bins: 10 }]), ['max_bins_10']);
  assert.deepEqual(byName.get('sample_entropy')!.outputs(null), ['']);
  assert.throws(() => approx.outputs(null), /approximate_entropy needs parameters/);
});
