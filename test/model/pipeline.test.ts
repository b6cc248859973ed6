import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { useBestBackend } from '../../src/model/backend.js';
import { fitModel, scoreMatrix } from '../../src/model/pipeline.js';
import { reconstructionErrors } from '../../src/model/errors.js';
import { percentile } from '../../src/model/threshold.js';
import { extractFeatures } from '../../src/features/extract.js';
import { FeatureMatrix } from '../../src/features/feature-matrix.js';
import { simulateTelemetry } from '../../src/simulate/tidy.js';
import { rocAuc } from '../../src/evaluate/ranking.js';

before(async () => {
  await useBestBackend();
});

/** The rows of `m` at `rows`, in that order. */
function selectRows(m: FeatureMatrix, rows: readonly number[]): FeatureMatrix {
  const w = m.columns.length;
  const values = new Float64Array(rows.length * w);
  rows.forEach((r, k) => values.set(m.values.subarray(r * w, (r + 1) * w), k * w));
  const keys = { jobId: rows.map((r) => m.keys.jobId[r]!), componentId: rows.map((r) => m.keys.componentId[r]!), windowStart: null, windowEnd: null };
  return new FeatureMatrix(keys, m.columns, values);
}

test('fitModel on the healthy samples of the tiny simulation: memleak nodes score higher (ROC-AUC > 0.8)', async () => {
  const sim = simulateTelemetry({ preset: 'tiny' });
  const { matrix } = await extractFeatures(sim.table, 'minimal', { workers: 0 });
  const label = new Map((sim.labels.objects() as { job_id: number; component_id: number; binary_anom: number }[]).map((l) => [`${l.job_id}/${l.component_id}`, l.binary_anom]));
  const y = matrix.keys.jobId.map((job, r) => label.get(`${job}/${matrix.keys.componentId[r]}`)!);
  assert.equal(y.filter((v) => v === 1).length, 8);
  const healthy = y.flatMap((v, r) => (v === 0 ? [r] : []));
  const train = selectRows(matrix, healthy);

  const epochs: number[] = [];
  const model = await fitModel(train, { seed: 1, vae: { epochs: 250 }, onEpochEnd: (log) => void epochs.push(log.epoch) });
  try {
    assert.equal(epochs.length, 250);
    assert.deepEqual(model.columns, train.columns);
    assert.equal(model.history.stopReason, 'completed');
    // The threshold is the 99th percentile of the training errors, which are the errors of the
    // scaled training rows.
    assert.equal(model.trainErrors.length, 16);
    assert.equal(model.threshold, percentile(model.trainErrors, 99));
    assert.ok(model.trainErrors.every((e) => e > 0 && e < 1));

    // Score the whole set with its columns in reverse order: alignment by name gives the same errors.
    const reversed = matrix.selectColumns([...matrix.columns.keys()].reverse());
    const scores = scoreMatrix(model, model.columns, matrix, 5);
    const again = scoreMatrix(model, model.columns, reversed, 5);
    assert.deepEqual(again.errors, scores.errors);
    const direct = reconstructionErrors(model.vae, model.scaler.transform(matrix), 5);
    assert.deepEqual(scores.errors, direct);
    scores.errors.forEach((e, r) => assert.equal(scores.predictions[r], e > model.threshold ? 1 : 0));

    const auc = rocAuc(y, scores.errors);
    assert.ok(auc > 0.8, `ROC-AUC ${auc}`);
    const mean = (v: number) => {
      const errors = [...scores.errors].filter((_, r) => y[r] === v);
      return errors.reduce((a, b) => a + b, 0) / errors.length;
    };
    assert.ok(mean(1) > 1.3 * mean(0), `memleak mean error ${mean(1)} vs healthy ${mean(0)}`);
  } finally {
    model.vae.dispose();
  }
});

test('scoreMatrix names the feature columns the matrix lacks, and a NaN feature with its sample', async () => {
  const columns = ['a::s__mean', 'b::s__mean', 'c::s__mean', 'd::s__mean'];
  const keys = (n: number) => ({ jobId: Array.from({ length: n }, (_, i) => 100 + i), componentId: Array.from({ length: n }, () => 7), windowStart: null, windowEnd: null });
  const values = Float64Array.from({ length: 40 }, (_, i) => Math.sin(i) + 2);
  const train = new FeatureMatrix(keys(10), columns, values);
  const model = await fitModel(train, { seed: 0, vae: { epochs: 1, validationSplit: 0 }, threshold: { kind: 'max' } });
  try {
    assert.equal(model.threshold, Math.max(...model.trainErrors));
    const lacking = train.selectNames(['a::s__mean', 'c::s__mean']);
    assert.throws(() => scoreMatrix(model, model.columns, lacking), /lacks 2 of the model's 4 feature columns: "b::s__mean", "d::s__mean"/);
    const withNaN = new FeatureMatrix(keys(2), columns, Float64Array.from([1, 2, 3, 4, 1, 2, NaN, 4]));
    assert.throws(() => scoreMatrix(model, model.columns, withNaN), /feature "c::s__mean" is NaN for job_id 101, component_id 7/);
    assert.throws(() => scoreMatrix(model, ['a::s__mean'], train), /1 columns given, the model was fitted on 4/);
  } finally {
    model.vae.dispose();
  }
});

test('fitModel: same seed, same model and errors; the seed option overrides vae.seed', async () => {
  const columns = ['a::s__x', 'b::s__x', 'c::s__x', 'd::s__x', 'e::s__x', 'f::s__x'];
  const values = Float64Array.from({ length: 20 * 6 }, (_, i) => Math.cos(i * 0.7) * (1 + (i % 6)));
  const keys = { jobId: Array.from({ length: 20 }, (_, i) => i), componentId: Array.from({ length: 20 }, () => 1), windowStart: null, windowEnd: null };
  const train = new FeatureMatrix(keys, columns, values);
  const a = await fitModel(train, { seed: 4, vae: { epochs: 5, seed: 99 } });
  const b = await fitModel(train, { seed: 4, vae: { epochs: 5 } });
  const c = await fitModel(train, { seed: 5, vae: { epochs: 5 } });
  try {
    assert.equal(a.vae.config.seed, 4);
    assert.deepEqual(a.trainErrors, b.trainErrors);
    assert.equal(a.threshold, b.threshold);
    assert.notDeepEqual(a.trainErrors, c.trainErrors);
  } finally {
    for (const m of [a, b, c]) m.vae.dispose();
  }
});

test('fitModel with inWorker gives the same model as on this thread (same seed, same backend)', async () => {
  const columns = ['a::s__x', 'b::s__x', 'c::s__x', 'd::s__x', 'e::s__x', 'f::s__x'];
  const values = Float64Array.from({ length: 20 * 6 }, (_, i) => Math.cos(i * 0.3) * (1 + (i % 6)));
  const keys = { jobId: Array.from({ length: 20 }, (_, i) => i), componentId: Array.from({ length: 20 }, () => 1), windowStart: null, windowEnd: null };
  const train = new FeatureMatrix(keys, columns, values);
  const epochs: number[] = [];
  const here = await fitModel(train, { seed: 6, vae: { epochs: 4 } });
  const there = await fitModel(train, { seed: 6, vae: { epochs: 4 }, inWorker: true, onEpochEnd: (log) => void epochs.push(log.epoch) });
  try {
    assert.deepEqual(epochs, [1, 2, 3, 4]);
    assert.deepEqual(there.history.epochs.map((e) => e.loss), here.history.epochs.map((e) => e.loss));
    assert.deepEqual(there.trainErrors, here.trainErrors);
    assert.equal(there.threshold, here.threshold);
  } finally {
    here.vae.dispose();
    there.vae.dispose();
  }
});
