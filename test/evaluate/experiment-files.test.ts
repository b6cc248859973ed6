import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runExperiment, type ExperimentResult } from '../../src/evaluate/experiment.js';
import { dataStatsFileName, SUMMARY_COLUMNS, testResultsFileName } from '../../src/evaluate/experiment-files.js';
import { formatSummaryTable, populationStd, summarizeByConfig } from '../../src/evaluate/experiment-summary.js';
import { formatDuration, formatProgressLine } from '../../src/evaluate/experiment-progress.js';
import type { CellResult } from '../../src/evaluate/experiment-cell.js';
import { AnomalyDetector } from '../../src/model/detector.js';
import { useBestBackend } from '../../src/model/backend.js';

const REPORT_KEYS = ['0', '1', 'accuracy', 'macro avg', 'weighted avg'];
const SCORE_KEYS = ['precision', 'recall', 'f1-score', 'support'];

/** A tiny grid: tiny preset (16 healthy, 8 memleak), configs 0 and 2, 2 repeats, 3 epochs, this thread. */
async function tinyGrid(out?: string): Promise<ExperimentResult> {
  return runExperiment({ preset: 'tiny', configs: [0, 2], repeats: 2, epochs: 3, seed: 5, workers: 1, figure: false, ...(out ? { out } : {}) });
}

test('a tiny grid writes the original file names and keys, summary.csv and the model bundle', async () => {
  await useBestBackend();
  const dir = await mkdtemp(join(tmpdir(), 'fig6-'));
  try {
    const result = await tinyGrid(dir);
    assert.equal(result.cells.length, 4);
    assert.deepEqual(result.cells.map((c) => [c.config, c.repeat]), [[0, 0], [2, 0], [0, 1], [2, 1]]);

    const expected = [
      'expConfig_0_repeatNum_0_dataStats.json', 'expConfig_0_repeatNum_0_testResults.json',
      'expConfig_0_repeatNum_1_dataStats.json', 'expConfig_0_repeatNum_1_testResults.json',
      'expConfig_2_repeatNum_0_dataStats.json', 'expConfig_2_repeatNum_0_testResults.json',
      'expConfig_2_repeatNum_1_dataStats.json', 'expConfig_2_repeatNum_1_testResults.json',
    ];
    assert.deepEqual((await readdir(join(dir, 'results'))).sort(), expected);
    assert.equal(testResultsFileName({ config: 3, repeat: 9 }), 'expConfig_3_repeatNum_9_testResults.json');
    assert.equal(dataStatsFileName({ config: 3, repeat: 9 }), 'expConfig_3_repeatNum_9_dataStats.json');

    for (const cell of result.cells) {
      const report = JSON.parse(await readFile(join(dir, 'results', testResultsFileName(cell)), 'utf8'));
      // both labels occur in every test set (held-out healthy + all anomalous), so both keys are there
      assert.deepEqual(Object.keys(report), REPORT_KEYS);
      for (const key of ['0', '1', 'macro avg', 'weighted avg']) assert.deepEqual(Object.keys(report[key]), SCORE_KEYS, key);
      assert.equal(report['macro avg']['f1-score'], cell.macroF1);
      assert.equal(report['1'].support, 8, 'every memleak sample is tested');

      const stats = JSON.parse(await readFile(join(dir, 'results', dataStatsFileName(cell)), 'utf8'));
      assert.deepEqual(Object.keys(stats), ['selected_apps', 'selected_labels', 'dataset_stats']);
      assert.deepEqual(stats.selected_apps, ['exa', 'lammps', 'sw4', 'sw4lite']);
      assert.deepEqual(stats.selected_labels, ['none', 'memleak']);
      assert.deepEqual(Object.keys(stats.dataset_stats), ['train', 'test']);
      // 16 healthy: config 0 holds out ceil(0.2 * 16) = 4, config 2 ceil(0.6 * 16) = 10
      const heldOut = cell.config === 0 ? 4 : 10;
      assert.deepEqual(stats.dataset_stats, { train: { '0': 16 - heldOut, '1': 0 }, test: { '0': heldOut, '1': 8 } });
      assert.equal(report['0'].support, heldOut);
    }

    const summary = (await readFile(join(dir, 'summary.csv'), 'utf8')).trim().split('\n');
    assert.equal(summary[0], 'config,repeat,n_train_healthy,n_test_healthy,n_test_anomalous,macro_f1,accuracy,roc_auc,pr_auc,threshold,epochs_run,seconds');
    assert.deepEqual(summary[0]!.split(','), [...SUMMARY_COLUMNS]);
    assert.equal(summary.length, 1 + 4);
    const first = summary[1]!.split(',');
    assert.deepEqual(first.slice(0, 5), ['0', '0', '12', '4', '8']);
    assert.equal(Number(first[5]), result.cells[0]!.macroF1);
    assert.equal(Number(first[10]), 3, 'epochs run');

    const files = (await readdir(dir)).sort();
    for (const name of ['deployment_metadata.json', 'model.json', 'scaler.json', 'weights.bin', 'summary.csv', 'results']) assert.ok(files.includes(name), name);
    assert.ok(!files.some((f) => f.startsWith('.')), 'no staging folder left behind');
    const metadata = JSON.parse(await readFile(join(dir, 'deployment_metadata.json'), 'utf8'));
    for (const key of ['threshold', 'raw_column_names', 'fe_column_names']) assert.ok(key in metadata, key);
    const last = result.cells.at(-1)!;
    assert.equal(metadata.threshold, last.threshold, 'the bundle is the last cell\'s model');
    const detector = await AnomalyDetector.load(dir);
    assert.equal(detector.columns.length, last.nFeatures);
    detector.dispose();

    // a second run into the same folder replaces results/ as a whole: no file of the first run stays
    await runExperiment({ preset: 'tiny', configs: [3], repeats: 1, epochs: 2, workers: 1, figure: false, out: dir });
    assert.deepEqual((await readdir(join(dir, 'results'))).sort(), ['expConfig_3_repeatNum_0_dataStats.json', 'expConfig_3_repeatNum_0_testResults.json']);
    assert.equal((await readFile(join(dir, 'summary.csv'), 'utf8')).trim().split('\n').length, 2);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('the same seed gives the same numbers (single thread)', async () => {
  const a = await tinyGrid();
  const b = await tinyGrid();
  const numbers = (r: ExperimentResult) => r.cells.map((c) => [c.nTrainHealthy, c.macroF1, c.rocAuc, c.prAuc, c.threshold, [...c.trainRows]]);
  assert.deepEqual(numbers(a), numbers(b));
  assert.equal(a.files, undefined, 'nothing written without out');
});

function cell(config: number, repeat: number, macroF1: number): CellResult {
  return {
    config, repeat, macroF1, testShare: [0.2, 0.4][config]!, nTrainHealthy: [64, 48][config]!, nTestHealthy: 0, nTestAnomalous: 0, nFeatures: 1,
    report: {} as CellResult['report'], accuracy: 0.5, rocAuc: 0.75, prAuc: 0.5, threshold: 0.1, epochsRun: 10, stopReason: 'completed', seconds: 2,
    trainRows: [], testRows: [], testLabels: new Uint8Array(), testErrors: new Float64Array(),
  };
}

test('per-config summary: mean, population std, min and max of macro F1 (hand-computed)', () => {
  // config 0: 0.9, 0.7, 0.8 -> mean 0.8, std sqrt((0.01 + 0.01 + 0) / 3) = 0.0816496...
  const rows = summarizeByConfig([cell(1, 0, 0.5), cell(0, 0, 0.9), cell(0, 1, 0.7), cell(0, 2, 0.8)]);
  assert.deepEqual(rows.map((r) => r.config), [0, 1]);
  assert.ok(Math.abs(rows[0]!.macroF1Mean - 0.8) < 1e-12);
  assert.ok(Math.abs(rows[0]!.macroF1Std - Math.sqrt(0.02 / 3)) < 1e-12);
  assert.equal(rows[0]!.macroF1Min, 0.7);
  assert.equal(rows[0]!.macroF1Max, 0.9);
  assert.equal(rows[0]!.repeats, 3);
  assert.equal(rows[1]!.macroF1Std, 0);
  assert.equal(populationStd([2, 4, 4, 4, 5, 5, 7, 9]), 2);
  const table = formatSummaryTable(rows).split('\n');
  assert.equal(table.length, 4);
  assert.match(table[2]!, /^0 +0\.20 +64 +3 +0\.800 ± 0\.082 +0\.700 - 0\.900 +0\.750 +0\.500 +10$/);
});

test('progress lines and durations', () => {
  assert.equal(formatDuration(42.4), '42 s');
  assert.equal(formatDuration(185), '3 min 05 s');
  assert.equal(formatDuration(3720), '1 h 02 min');
  const line = formatProgressLine({
    phase: 'grid', done: 7, total: 30, fraction: 0.31, elapsedSeconds: 130, etaSeconds: 290,
    running: [{ config: 2, repeat: 1, epoch: 412 }],
  });
  assert.equal(line, 'grid: 7/30 cells (31%), running c2/r1 epoch 412 | 2 min 10 s elapsed, ETA 4 min 50 s');
  assert.equal(formatProgressLine({ phase: 'features', done: 1, total: 3 }), 'extracting features: 1/3 series (33%)');
});
