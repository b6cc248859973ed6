/**
 * The histogram kernels (kernels/stats-equal-width-bins.ts `histogramRange`,
 * `histogramCountsInRange`, `histogramCounts`) against a plain TypeScript `np.histogram`
 * written here: every length 1..13 (the four-tally blocking's remainders), ties on the edges,
 * signed zeros, constant arrays, NaN and infinities, and the range shared by several bin counts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { histogramInto } from '../../src/features/numeric/equal-width-bins.js';
import { binnedEntropy, binnedEntropyInKernel, binnedEntropyInRange } from '../../src/features/numeric/binned-entropy.js';
import { KernelBuffer, kernels } from '../../src/util/wasm-kernels.js';
import { Random } from '../../src/util/random.js';

/** np.histogram(x, bins): linspace edges over [min, max] (widened when constant), last bin closed. */
function referenceHistogram(x: ArrayLike<number>, bins: number): { counts: number[]; edges: number[] } {
  let first = x[0]!;
  let last = first;
  for (let i = 1; i < x.length; i++) {
    if (x[i]! < first) first = x[i]!;
    if (x[i]! > last) last = x[i]!;
  }
  if (first === last) {
    first -= 0.5;
    last += 0.5;
  }
  const step = (last - first) / bins;
  const edges = Array.from({ length: bins + 1 }, (_, k) => (step === 0 ? (k / bins) * (last - first) + first : k * step + first));
  edges[bins] = last;
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    let k = bins - 1;
    while (k > 0 && v < edges[k]!) k--;
    counts[k]!++;
  }
  return { counts, edges };
}

function check(x: Float64Array, bins: number, label: string): void {
  const counts = new Int32Array(bins);
  const edges = new Float64Array(bins + 1);
  assert.ok(histogramInto(x, bins, counts, edges), label);
  const reference = referenceHistogram(x, bins);
  assert.deepEqual(Array.from(counts), reference.counts, `${label}: counts`);
  reference.edges.forEach((e, k) => assert.ok(Object.is(edges[k], e), `${label}: edge ${k} ${edges[k]} vs ${e}`));
}

test('histogram counts and edges as np.histogram gives them, every length 1..13', () => {
  const rng = new Random(5);
  for (let n = 1; n <= 13; n++) {
    for (const bins of [1, 2, 3, 5, 10, 100]) {
      const walk = new Float64Array(n);
      let v = 0;
      for (let i = 0; i < n; i++) walk[i] = v += rng.normal();
      check(walk, bins, `walk n ${n} bins ${bins}`);
      // values on the edges (small integers over [0, 4]) and repeated ones
      check(Float64Array.from({ length: n }, (_, i) => (i * 7) % 5), bins, `edges n ${n} bins ${bins}`);
    }
  }
});

test('histogram: signed zeros, constant arrays, a subnormal range, NaN and infinities', () => {
  check(Float64Array.of(0, -0, 0, -0, 0), 3, 'zeros of both signs (constant)');
  check(Float64Array.of(-1, -0, 0, -0, -2), 4, 'zero maximum of both signs');
  check(Float64Array.of(7, 7, 7, 7, 7, 7, 7), 10, 'constant');
  check(Float64Array.of(5e-324, 0, 1e-323, 0, 5e-324), 100, 'subnormal range (an infinite scale)');
  check(Float64Array.of(-1.7e308, 1.7e308, 0, 1, -1), 5, 'a range that overflows');
  for (const bad of [Number.NaN, Infinity, -Infinity]) {
    for (let at = 0; at < 6; at++) {
      const x = Float64Array.of(1, 2, 3, 4, 5, 6);
      x[at] = bad;
      const counts = Int32Array.of(9, 9);
      assert.equal(histogramInto(x, 2, counts, new Float64Array(3)), false, `${bad} at ${at}`);
      assert.ok(Number.isNaN(binnedEntropy(x, 2)), `${bad} at ${at}: entropy NaN`);
    }
  }
});

test('the range found once serves every bin count (binnedEntropyInRange)', () => {
  const rng = new Random(9);
  const buffer = new KernelBuffer();
  const range = new KernelBuffer();
  for (const n of [1, 4, 7, 129, 600]) {
    const x = Float64Array.from({ length: n }, () => rng.uniform() ** 4);
    const k = kernels();
    const pointer = buffer.copyIn(x);
    assert.equal(k.fn.histogramRange(pointer, n, range.pointer(2)), 0);
    const [first, last] = range.view(2);
    for (const bins of [2, 3, 5, 10, 100]) {
      const shared = binnedEntropyInRange(buffer.pointer(n), n, bins, first!, last!);
      assert.ok(Object.is(shared, binnedEntropyInKernel(buffer.pointer(n), n, bins)), `n ${n} bins ${bins}`);
      assert.ok(Object.is(shared, binnedEntropy(x, bins)), `n ${n} bins ${bins} (copied)`);
    }
  }
});
