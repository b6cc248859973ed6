import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium } from '../../src/plot/render.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const runner = join(root, 'test/telemetry/run-cli.ts');

/** Spawns `prodigy <args>` from source; resolves with exit code, stdout and stderr. */
function prodigy(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', runner, ...args], { cwd: root, maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

test('prodigy reproduce end to end on a tiny grid, 2 cells at a time in worker threads', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'fig6-cli-'));
  try {
    const out = join(dir, 'out');
    const run = await prodigy(['reproduce', '--preset', 'tiny', '--configs', '0,2', '--repeats', '1', '--epochs', '2', '--workers', '2', '--seed', '3', '--out', out]);
    assert.equal(run.code, 0, run.stderr);
    // the table: header, rule, one line per config with its healthy training count (16 healthy: 12 and 6)
    const lines = run.stdout.split('\n');
    const header = lines.findIndex((l) => l.startsWith('config') && l.includes('macro F1 mean ± std'));
    assert.ok(header > 0, run.stdout);
    assert.match(lines[header + 2]!, /^0 +0\.20 +12 +1 +\d\.\d{3} ± 0\.000 /);
    assert.match(lines[header + 3]!, /^2 +0\.60 +6 +1 +\d\.\d{3} ± 0\.000 /);
    assert.match(run.stdout, /training: +1 repeat\(s\) x 2 config\(s\), 2 epochs, seed 3/);
    assert.match(run.stdout, /--paper, i\.e\. --repeats 5 --epochs 1000/);
    assert.match(run.stdout, /backend: +(wasm|cpu|tensorflow).*; 2 cell\(s\) at a time in worker threads/);
    assert.match(run.stdout, /time: +\d+/);
    assert.ok(run.stdout.includes(join(out, 'summary.csv')), 'prints where summary.csv went');
    assert.match(run.stderr, /grid: 2\/2 cells \(100%\)/, 'progress for the whole grid on stderr');

    assert.deepEqual((await readdir(join(out, 'results'))).sort(), [
      'expConfig_0_repeatNum_0_dataStats.json', 'expConfig_0_repeatNum_0_testResults.json',
      'expConfig_2_repeatNum_0_dataStats.json', 'expConfig_2_repeatNum_0_testResults.json',
    ]);
    const summary = (await readFile(join(out, 'summary.csv'), 'utf8')).trim().split('\n');
    assert.equal(summary.length, 3);
    assert.ok(existsSync(join(out, 'deployment_metadata.json')));
    assert.ok(existsSync(join(out, 'prodigy_increasing_num_samples_results.html')));
    if (findChromium()) {
      const pdf = await readFile(join(out, 'prodigy_increasing_num_samples_results.pdf'));
      assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
      const png = await readFile(join(out, 'prodigy_increasing_num_samples_results.png'));
      assert.deepEqual([...png.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
    } else {
      assert.match(run.stdout, /PDF and PNG need Chromium/);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('prodigy reproduce --data on the published artifact layout (mini fixture) uses its feature list', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'fig6-cli-'));
  try {
    const out = join(dir, 'out');
    const data = join(root, 'test/fixtures/artifact/prodigy-mini');
    const run = await prodigy(['reproduce', '--data', data, '--configs', '0,5', '--repeats', '1', '--epochs', '2', '--workers', '1', '--out', out, '--quiet']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /data: +published artifact in .*prodigy-mini.*: 56 samples \(40 healthy, 16 anomalous\)/);
    assert.match(run.stdout, /features: +feature list \(9 features on 4 metrics\), 9 columns/);
    // 40 healthy: expConfig 0 trains on 32, expConfig 5 (95% held out, rounded up) on 2
    const stats5 = JSON.parse(await readFile(join(out, 'results', 'expConfig_5_repeatNum_0_dataStats.json'), 'utf8'));
    assert.deepEqual(stats5.dataset_stats, { train: { '0': 2, '1': 0 }, test: { '0': 38, '1': 16 } });
    // the fixture has one NaN reading: its row is dropped, as the original does, and said so
    assert.equal(run.stderr, 'warning: 1 telemetry row(s) with a missing value were dropped, as the original does before extracting features\n', '--quiet: no progress');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('prodigy reproduce: bad arguments exit 2, bad data exits 1 with a message naming the problem', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'fig6-cli-'));
  try {
    const unknown = await prodigy(['reproduce', '--nope', '--out', dir]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown option: --nope/);
    const repeats = await prodigy(['reproduce', '--repeats', '0', '--out', dir]);
    assert.equal(repeats.code, 2);
    assert.match(repeats.stderr, /--repeats must be at least 1/);
    const paper = await prodigy(['reproduce', '--paper', '--epochs', '10', '--out', dir]);
    assert.equal(paper.code, 2);
    const config = await prodigy(['reproduce', '--preset', 'tiny', '--configs', '0,7', '--out', dir]);
    assert.equal(config.code, 1);
    assert.match(config.stderr, /expConfig must be one of 0, 1, 2, 3, 4, 5, got 7/);
    const noLabels = await prodigy(['reproduce', '--data', dir, '--out', join(dir, 'o')]);
    assert.equal(noLabels.code, 1);
    assert.match(noLabels.stderr, /labels\.csv: the labels file is missing/);
    const app = await prodigy(['reproduce', '--preset', 'tiny', '--apps', 'lammps,hpl', '--out', join(dir, 'o')]);
    assert.equal(app.code, 1);
    assert.match(app.stderr, /app "hpl" is not in the labels \(apps there: exa, lammps, sw4, sw4lite\)/);
    assert.deepEqual(await readdir(dir), [], 'failed runs write nothing');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
