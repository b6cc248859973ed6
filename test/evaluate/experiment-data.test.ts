import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareExperimentData } from '../../src/evaluate/experiment-data.js';
import { loadExperimentTelemetry } from '../../src/evaluate/experiment-source.js';
import { simulate, writeSimulation } from '../../src/simulate/index.js';

test('selecting apps keeps only their samples; features are one row per sample, labels lined up', async () => {
  const telemetry = await loadExperimentTelemetry({ preset: 'tiny' });
  // tiny: 4 apps x (2 healthy + 1 memleak) runs x 2 nodes; lammps alone: 4 healthy, 2 memleak samples
  const data = await prepareExperimentData(telemetry, { apps: ['lammps'], workers: 0 });
  assert.equal(data.matrix.rows, 6);
  assert.equal(data.healthyRows.length, 4);
  assert.equal(data.anomalousRows.length, 2);
  assert.deepEqual(data.selectedApps, ['lammps']);
  assert.deepEqual(data.selectedLabels, ['none', 'memleak']);
  assert.ok(data.appNames.every((a) => a === 'lammps'));
  // every row's label is the labels file's label of that (job_id, component_id)
  const labels = telemetry.labels.objects() as { job_id: number; component_id: number; binary_anom: number; anom_name: string }[];
  for (let r = 0; r < data.matrix.rows; r++) {
    const label = labels.find((l) => l.job_id === data.matrix.keys.jobId[r] && l.component_id === data.matrix.keys.componentId[r])!;
    assert.equal(data.binaryLabels[r], label.binary_anom);
    assert.equal(data.anomNames[r], label.anom_name);
  }
  assert.equal(data.matrix.columns.length % 10, 0, 'minimal: 10 features per metric');
  assert.equal(data.settingsDescription, 'minimal');
});

test('the selection is checked: unknown apps or labels, and no healthy label, are errors naming them', async () => {
  const telemetry = await loadExperimentTelemetry({ preset: 'tiny' });
  await assert.rejects(prepareExperimentData(telemetry, { apps: ['hpl'] }), /app "hpl" is not in the labels \(apps there: exa, lammps, sw4, sw4lite\)/);
  await assert.rejects(prepareExperimentData(telemetry, { labels: ['none', 'cpuoccupy'] }), /label "cpuoccupy" is not in the labels \(anom_name values there: memleak, none\)/);
  await assert.rejects(prepareExperimentData(telemetry, { labels: ['memleak'] }), /must include "none"/);
});

test('a folder of sampler files with labels.csv is read like the embedded dataset', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'fig6-data-'));
  try {
    await writeSimulation(simulate({ preset: 'tiny', seed: 0 }), dir);
    const fromFolder = await loadExperimentTelemetry({ data: dir });
    assert.match(fromFolder.description, /sampler files in/);
    const data = await prepareExperimentData(fromFolder, { workers: 0 });
    assert.equal(data.matrix.rows, 24);
    assert.equal(data.healthyRows.length, 16);
    assert.equal(data.anomalousRows.length, 8);
    await assert.rejects(loadExperimentTelemetry({ data: join(dir, 'nope') }), /--data .*nope: cannot read \(ENOENT\)/);
    await assert.rejects(loadExperimentTelemetry({ data: join(dir, 'labels.csv') }), /not a folder/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('the published artifact folder is recognised and its CHI feature list is used unless settings are given', async () => {
  const dir = join(import.meta.dirname, '../fixtures/artifact/prodigy-mini');
  const artifact = await loadExperimentTelemetry({ data: dir });
  assert.match(artifact.description, /published artifact in .*prodigy-mini \(feature list .*fe_eclipse_tsfresh_raw_CHI_2000\.json\)/);
  const data = await prepareExperimentData(artifact, { workers: 0 });
  // the mini artifact: 56 samples, 40 healthy, 16 memleak; its list asks for 9 features on 4 metrics
  assert.equal(data.matrix.rows, 56);
  assert.equal(data.healthyRows.length, 40);
  assert.equal(data.anomalousRows.length, 16);
  assert.equal(data.matrix.columns.length, 9);
  assert.equal(data.settingsDescription, 'feature list (9 features on 4 metrics)');
  assert.ok(data.matrix.columns.includes('MemFree::meminfo__quantile__q_0.5'));
  const minimal = await prepareExperimentData(artifact, { settings: 'minimal', workers: 0 });
  assert.equal(minimal.matrix.columns.length, 8 * 10, '8 metrics x 10 minimal features');
});
