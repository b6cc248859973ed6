import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { table as makeTable } from 'arquero';
import { useBestBackend } from '../../src/model/backend.js';
import { AnomalyDetector, DEPLOYMENT_METADATA_JSON, DETECTOR_FORMAT_VERSION, healthyRows, SCALER_JSON } from '../../src/model/detector.js';
import { KindToFcParameters } from '../../src/features/kind-to-fc-parameters.js';
import { simulateTelemetry } from '../../src/simulate/tidy.js';

const sim = simulateTelemetry({ preset: 'tiny' });
// Six metrics keep the model small: this file tests the bundle, not detection quality.
const METRICS = ['MemFree::meminfo', 'Active::meminfo', 'pgfault::vmstat', 'nr_free_pages::vmstat', 'user::procstat', 'sys::procstat'];
const telemetry = sim.table.select(['job_id', 'component_id', 'timestamp', ...METRICS]);
let dir: string;
let detector: AnomalyDetector;

before(async () => {
  await useBestBackend();
  dir = await mkdtemp(join(tmpdir(), 'prodigy-detector-'));
  detector = await AnomalyDetector.fit(telemetry, { labels: sim.labels, settings: 'minimal', seed: 9, vae: { epochs: 20 } });
});

after(async () => {
  detector.dispose();
  await rm(dir, { recursive: true, force: true });
});

test('fit trains on the healthy samples only, with the settings read back from the columns', () => {
  assert.equal(detector.training?.samples, 16);
  assert.equal(detector.training?.epochs, 20);
  assert.equal(detector.columns.length, 60);
  assert.equal(detector.columns[0], 'MemFree::meminfo__sum_values');
  assert.deepEqual(detector.featureSettings.kinds, METRICS);
  assert.deepEqual(new Set(detector.featureSettings.columns()), new Set(detector.columns));
  assert.equal(detector.settingsName, 'minimal');
  assert.ok(Number.isFinite(detector.threshold) && detector.threshold > 0);
});

test('predict: one row per (job_id, component_id) with pred = error > threshold and the top metrics', async () => {
  const result = await detector.predict(telemetry);
  assert.equal(result.rows.length, 24);
  assert.deepEqual(result.table.columnNames(), ['job_id', 'component_id', 'pred', 'recon_error', 'top_metrics']);
  assert.equal(result.table.numRows(), 24);
  for (const [r, row] of result.rows.entries()) {
    assert.equal(row.pred, row.recon_error > detector.threshold ? 1 : 0);
    const metrics = row.top_metrics.split(';').map((part) => part.split('=')[0]!);
    assert.equal(metrics.length, 3);
    assert.deepEqual(metrics, result.explanations[r]!.metrics.slice(0, 3).map((m) => m.name));
    for (const m of metrics) assert.ok(METRICS.includes(m), m);
  }
  const keys = result.rows.map((row) => `${row.job_id}/${row.component_id}`);
  assert.equal(new Set(keys).size, 24);
});

test('save then load gives identical predictions; the bundle has the original keys', async () => {
  const bundle = join(dir, 'model');
  await detector.save(bundle);
  assert.deepEqual((await readdir(bundle)).sort(), [DEPLOYMENT_METADATA_JSON, 'model.json', SCALER_JSON, 'weights.bin']);
  const meta = JSON.parse(await readFile(join(bundle, DEPLOYMENT_METADATA_JSON), 'utf8'));
  assert.equal(meta.format_version, DETECTOR_FORMAT_VERSION);
  assert.equal(meta.threshold, detector.threshold);
  assert.deepEqual(meta.raw_column_names, detector.columns);
  assert.deepEqual(Object.keys(meta.fe_column_names), METRICS);
  assert.equal(meta.fe_column_names['MemFree::meminfo'].median, null);
  assert.equal(meta.seed, 9);
  assert.equal(meta.settings, 'minimal');
  assert.ok(['wasm', 'cpu', 'tensorflow'].includes(meta.backend));
  assert.ok(!Number.isNaN(Date.parse(meta.created)));

  const loaded = await AnomalyDetector.load(bundle);
  try {
    assert.equal(loaded.threshold, detector.threshold);
    assert.deepEqual(loaded.columns, detector.columns);
    const before = await detector.predict(telemetry);
    const after = await loaded.predict(telemetry);
    assert.deepEqual(after.rows, before.rows);
    // Saving again replaces the folder atomically: no temporary folder is left beside it.
    await loaded.save(bundle);
    assert.deepEqual(await readdir(dir), ['model']);
  } finally {
    loaded.dispose();
  }
});

/** A copy of the saved bundle with deployment_metadata.json (or another file) changed by `edit`. */
async function tampered(name: string, file: string, edit: (json: Record<string, unknown>) => void): Promise<string> {
  const copy = join(dir, name);
  await cp(join(dir, 'model'), copy, { recursive: true });
  const path = join(copy, file);
  const json = JSON.parse(await readFile(path, 'utf8'));
  edit(json);
  await writeFile(path, JSON.stringify(json));
  return copy;
}

test('load refuses a tampered bundle, naming the file and the problem', async () => {
  const metaOf = (d: string) => join(d, DEPLOYMENT_METADATA_JSON).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const wrongVersion = await tampered('v99', DEPLOYMENT_METADATA_JSON, (m) => (m.format_version = 99));
  await assert.rejects(AnomalyDetector.load(wrongVersion), new RegExp(`${metaOf(wrongVersion)}: format_version is 99, this version of prodigy reads bundles of format_version 1`));
  const noVersion = await tampered('v0', DEPLOYMENT_METADATA_JSON, (m) => delete m.format_version);
  await assert.rejects(AnomalyDetector.load(noVersion), /format_version is null/);

  const missingColumn = await tampered('missing', DEPLOYMENT_METADATA_JSON, (m) => (m.raw_column_names as string[]).splice(4, 1));
  await assert.rejects(
    AnomalyDetector.load(missingColumn),
    new RegExp(`${metaOf(missingColumn)}: "fe_column_names" and "raw_column_names" disagree: 1 column\\(s\\) only in the first: "MemFree::meminfo__standard_deviation"`),
  );
  // Both lists edited consistently: then the scaler (and the model) no longer fit.
  const fewer = await tampered('fewer', DEPLOYMENT_METADATA_JSON, (m) => {
    (m.raw_column_names as string[]).splice(0, 10);
    delete (m.fe_column_names as Record<string, unknown>)['MemFree::meminfo'];
  });
  await assert.rejects(AnomalyDetector.load(fewer), /scaler\.json: the scaler has 60 columns, .*deployment_metadata\.json lists 50 in "raw_column_names"/);
  const reordered = await tampered('reordered', SCALER_JSON, (s) => {
    const names = s.featureNames as string[];
    [names[0], names[1]] = [names[1]!, names[0]!];
  });
  await assert.rejects(AnomalyDetector.load(reordered), /scaler\.json: its featureNames and .* disagree in order at position 0/);
  const noThreshold = await tampered('nothreshold', DEPLOYMENT_METADATA_JSON, (m) => (m.threshold = 'high'));
  await assert.rejects(AnomalyDetector.load(noThreshold), /"threshold" must be a finite number/);
  await assert.rejects(AnomalyDetector.load(join(dir, 'nowhere')), /deployment_metadata\.json: missing \(not a detector bundle/);
});

test('predict names the metric columns the telemetry lacks', async () => {
  await assert.rejects(detector.predict(telemetry.select(['job_id', 'component_id', 'timestamp', 'MemFree::meminfo'])), /lacks 5 metric column\(s\) the detector needs: Active::meminfo, pgfault::vmstat/);
});

test('healthyRows keeps the rows of samples labelled 0 and names unlabelled samples', () => {
  const t = makeTable({ job_id: [1, 1, 1, 2, 2], component_id: [5, 5, 6, 5, 5], timestamp: [0, 1, 0, 0, 1], 'm::s': [1, 2, 3, 4, 5] });
  const labels = makeTable({ job_id: [1, 1, 2], component_id: [5, 6, 5], binary_anom: [0, 1, 0] });
  assert.deepEqual(healthyRows(t, labels).array('m::s'), [1, 2, 4, 5]);
  assert.throws(() => healthyRows(t, makeTable({ job_id: [1], component_id: [5], binary_anom: [0] })), /2 telemetry sample\(s\) have no label: job 1 node 6, job 2 node 5/);
  assert.throws(() => healthyRows(t, makeTable({ job_id: [1, 1, 2], component_id: [5, 6, 5], binary_anom: [1, 1, 1] })), /no telemetry sample is labelled healthy/);
  assert.throws(() => healthyRows(t, makeTable({ job_id: [1], component_id: [5] })), /column "binary_anom" is missing/);
});

test('fromModel keeps the fitted model and reads the settings back from the column names', () => {
  const k2fc = KindToFcParameters.fromColumns(detector.columns);
  assert.deepEqual(k2fc.columns(), detector.featureSettings.columns());
  assert.ok(detector.fitted && detector.fitted.trainErrors.length === 16);
});
