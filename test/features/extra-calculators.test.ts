import { test } from 'node:test';
import assert from 'node:assert/strict';
import { linregress } from '../../src/features/extra/linregress.js';
import { extractSeriesFeatures } from '../../src/features/extract.js';
import { extraCalculators } from '../../src/features/extra/index.js';
import { loadGolden } from './golden.js';

const close = (a: number, b: number, tol = 1e-9) => assert.ok(Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)), `${a} vs ${b}`);

test('linregress follows scipy, checked against tsfresh linear_trend golden values', () => {
  // golden s11_22_normal_3 (x = 0, 1, 2)
  const r = linregress([0, 1, 2], [1.8850502882164326, 0.3775669131343508, -5.655554181951927]);
  close(r.pvalue, 0.21235110380453534, 1e-9);
  close(r.rvalue, -0.9448826486046785);
  close(r.intercept, 2.639323241550465);
  close(r.slope, -3.7703022350841797);
  close(r.stderr, 1.3064390779495743);
  const constant = linregress([0, 1, 2, 3], [4144, 4144, 4144, 4144]);
  assert.deepEqual([constant.pvalue, constant.rvalue, constant.slope, constant.stderr], [1, 0, 0, 0]);
  const one = linregress([0], [187]);
  assert.equal(one.rvalue, 0);
  assert.ok(Number.isNaN(one.slope) && Number.isNaN(one.pvalue) && Number.isNaN(one.stderr));
});

test('linregress agrees with every linear_trend value of the golden series', () => {
  const golden = loadGolden();
  for (const s of golden.series) {
    const r = linregress(s.values.map((_, i) => i), s.values);
    for (const attr of ['pvalue', 'rvalue', 'intercept', 'slope', 'stderr'] as const) {
      const name = `value__linear_trend__attr_"${attr}"`;
      if ((golden.fragile[s.id] ?? []).includes(name)) continue;
      const expected = golden.features[s.id]![name]!;
      if (expected === null) assert.ok(!Number.isFinite(r[attr]), `${s.id} ${attr}`);
      else assert.ok(Math.abs(r[attr] - expected) <= Math.max(1e-9, 1e-6 * Math.abs(expected)), `${s.id} ${attr}: ${r[attr]} vs ${expected}`);
    }
  }
});

test('linear_trend_timewise regresses on hours since the first timestamp; NaN without timestamps', () => {
  const fc = { linear_trend_timewise: [{ attr: 'slope' }, { attr: 'intercept' }] };
  const resolve = (n: string) => extraCalculators.get(n);
  const timed = extractSeriesFeatures([1, 3, 5], fc, 'm', { resolve, timestamps: [0, 1800, 3600] });
  assert.deepEqual(timed.columns, ['m__linear_trend_timewise__attr_"slope"', 'm__linear_trend_timewise__attr_"intercept"']);
  close(timed.values[0]!, 4);
  close(timed.values[1]!, 1);
  const bare = extractSeriesFeatures([1, 3, 5], fc, 'm', { resolve });
  assert.ok(Number.isNaN(bare.values[0]!));
});

test('query_similarity_count is NaN without a query and counts z-normalised matches with one', () => {
  const resolve = (n: string) => extraCalculators.get(n);
  const none = extractSeriesFeatures([1, 2, 3, 4], { query_similarity_count: [{ query: null, threshold: 0 }] }, 'm', { resolve });
  assert.ok(Number.isNaN(none.values[0]!));
  // windows of 3: [1,2,3] [2,3,4] rise like the query; [3,4,1] does not; [4,1,2] neither
  const some = extractSeriesFeatures([1, 2, 3, 4, 1, 2], { query_similarity_count: [{ query: [10, 20, 30], threshold: 1e-6 }] }, 'm', { resolve });
  assert.equal(some.values[0], 2);
});
