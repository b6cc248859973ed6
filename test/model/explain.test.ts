import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { useBestBackend } from '../../src/model/backend.js';
import { explainContributions, explainMatrix, formatTopMetrics, metricOfFeature } from '../../src/model/explain.js';
import { fitModel, scoreMatrix } from '../../src/model/pipeline.js';
import { FeatureMatrix } from '../../src/features/feature-matrix.js';
import { Random } from '../../src/util/random.js';

before(async () => {
  await useBestBackend();
});

test('metricOfFeature: the kind before the first "__"; a non-tsfresh name is its own metric', () => {
  assert.equal(metricOfFeature('MemFree::meminfo__quantile__q_0.9'), 'MemFree::meminfo');
  assert.equal(metricOfFeature('pgfault::vmstat__fft_coefficient__attr_"abs"__coeff_3'), 'pgfault::vmstat');
  assert.equal(metricOfFeature('plain'), 'plain');
});

test('explainContributions: hand-computed ranking and shares', () => {
  const columns = ['A::m__mean', 'A::m__max', 'B::m__mean', 'C::m__mean'];
  // row 0: c = [0.125, 0.25, 0.5, 0.125], sum 1 (exact in binary): features B (0.5) >
  //        A max (0.25) > A mean (0.125) = C (0.125, tie: column order); metrics B = 0.5 >
  //        A = 0.375 (two features) > C = 0.125; error = 1 / 4.
  // row 1: all zero: shares 0, ties in column order.
  const [first, second] = explainContributions({ rows: 2, cols: 4, values: Float64Array.from([0.125, 0.25, 0.5, 0.125, 0, 0, 0, 0]) }, columns, { topFeatures: 3 });
  assert.equal(first!.error, 0.25);
  assert.deepEqual(first!.features.map((f) => [f.name, f.share]), [['B::m__mean', 0.5], ['A::m__max', 0.25], ['A::m__mean', 0.125]]);
  assert.equal(first!.features[1]!.metric, 'A::m');
  assert.deepEqual(first!.metrics.map((m) => [m.name, m.contribution, m.share, m.features]), [['B::m', 0.5, 0.5, 1], ['A::m', 0.375, 0.375, 2], ['C::m', 0.125, 0.125, 1]]);
  assert.equal(formatTopMetrics(first!, 2), 'B::m=0.500;A::m=0.375');
  assert.deepEqual(second!.features.map((f) => f.name), ['A::m__mean', 'A::m__max', 'B::m__mean']);
  assert.ok(second!.metrics.every((m) => m.share === 0));
  assert.throws(() => explainContributions({ rows: 1, cols: 2, values: Float64Array.from([0.1, -1]) }, ['x__a', 'y__a']), /"y__a" in row 0 is -1/);
  assert.throws(() => explainContributions({ rows: 1, cols: 2, values: Float64Array.from([0.1, 1]) }, ['x__a']), /1 column names for 2 columns/);
});

test('explainMatrix ranks a planted feature and its metric first; one draw decomposes the scored error exactly', async () => {
  // 3 metrics x 4 features; every feature follows a smooth per-row pattern with a little noise.
  const metrics = ['MemFree::meminfo', 'pgfault::vmstat', 'user::procstat'];
  const calcs = ['mean', 'median', 'maximum', 'minimum'];
  const columns = metrics.flatMap((m) => calcs.map((c) => `${m}__${c}`));
  const rng = new Random(3);
  const n = 60;
  const rowValues = (r: number) => columns.map((_, c) => 10 + 3 * Math.sin(r / 5 + c / 4) + 0.1 * rng.normal());
  const train = new FeatureMatrix(
    { jobId: Array.from({ length: n }, (_, i) => i), componentId: Array.from({ length: n }, () => 1), windowStart: null, windowEnd: null },
    columns,
    Float64Array.from(Array.from({ length: n }, (_, r) => rowValues(r)).flat()),
  );
  const model = await fitModel(train, { seed: 2, vae: { epochs: 300, batchSize: 16, learningRate: 3e-3 } });
  try {
    // Test rows: two ordinary ones, then the same with pgfault::vmstat__maximum pushed out of
    // its training range on the far side (scaled and clipped: at least 0.5 from its usual value).
    const target = columns.indexOf('pgfault::vmstat__maximum');
    const trained = train.column(target);
    const lo = Math.min(...trained);
    const hi = Math.max(...trained);
    const base = [rowValues(7), rowValues(31)];
    const planted = base.map((row) => row.map((v, c) => (c !== target ? v : v > (lo + hi) / 2 ? lo - 100 : hi + 100)));
    const test = new FeatureMatrix(
      { jobId: [1, 2, 3, 4], componentId: [5, 5, 5, 5], windowStart: null, windowEnd: null },
      columns,
      Float64Array.from([...base, ...planted].flat()),
    );
    const explanations = explainMatrix(model, model.columns, test, { draws: 8, seed: 11 });
    for (const e of explanations.slice(2)) {
      assert.equal(e.features[0]!.name, 'pgfault::vmstat__maximum');
      assert.equal(e.metrics[0]!.name, 'pgfault::vmstat');
      assert.ok(e.features[0]!.share > 0.15, `share ${e.features[0]!.share}`);
    }
    // With one draw and the scoring seed, the contributions average to the scored error.
    const single = explainMatrix(model, model.columns, test, { seed: 11, topFeatures: Infinity, topMetrics: Infinity });
    const { errors } = scoreMatrix(model, model.columns, test, 11);
    single.forEach((e, r) => {
      assert.ok(Math.abs(e.error - errors[r]!) < 1e-12, `row ${r}: ${e.error} vs ${errors[r]}`);
      assert.equal(e.features.length, 12);
      assert.equal(e.metrics.length, 3);
    });
    assert.ok(errors[2]! > errors[0]! && errors[3]! > errors[1]!);
    assert.throws(() => explainMatrix(model, model.columns, test, { draws: 0 }), /draws must be a positive integer/);
  } finally {
    model.vae.dispose();
  }
});
