import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rocAuc } from '../../src/evaluate/ranking.js';

const runner = fileURLToPath(new URL('../telemetry/run-cli.ts', import.meta.url));
const root = fileURLToPath(new URL('../..', import.meta.url));

/** Runs `prodigy <args>` from source in a child process. */
function prodigy(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', runner, ...args], { cwd: root, env: { ...process.env, PRODIGY_BACKEND: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'prodigy-train-cli-'));
  const sim = await prodigy('simulate', '--out', join(dir, 'data'), '--preset', 'tiny', '--quiet');
  assert.equal(sim.code, 0, sim.stderr);
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('prodigy train + predict on the tiny simulation separate memleak nodes from healthy ones', async () => {
  const data = join(dir, 'data');
  const model = join(dir, 'model');
  const train = await prodigy('train', '--data', data, '--labels', join(data, 'labels.csv'), '--out', model, '--epochs', '250', '--seed', '1');
  assert.equal(train.code, 0, train.stderr);
  assert.match(train.stdout, /^backend: (wasm|cpu|tensorflow) /m);
  assert.match(train.stdout, /trained on 16 healthy samples x \d+ features, 250 epochs; threshold [\d.e-]+\nwrote /);
  // Not a TTY: one progress line per 25 epochs.
  assert.equal(train.stderr.split('\n').filter((line) => /^train \d+\/250 {2}loss [\d.]+ {2}val [\d.]+/.test(line)).length, 10);
  assert.deepEqual((await readdir(model)).sort(), ['deployment_metadata.json', 'model.json', 'scaler.json', 'weights.bin']);

  const out = join(dir, 'pred.csv');
  const predict = await prodigy('predict', '--model', model, '--data', data, '--out', out);
  assert.equal(predict.code, 0, predict.stderr);
  assert.match(predict.stdout, /^backend: /m);
  assert.match(predict.stdout, /24 samples, \d+ predicted anomalous \(threshold /);
  const [header, ...lines] = (await readFile(out, 'utf8')).trim().split('\n');
  assert.equal(header, 'job_id,component_id,pred,recon_error,top_metrics');
  assert.equal(lines.length, 24);
  const labelLines = (await readFile(join(data, 'labels.csv'), 'utf8')).trim().split('\n').slice(1);
  const label = new Map(labelLines.map((l) => l.split(',')).map((f) => [`${f[0]}/${f[1]}`, Number(f[4])]));
  const rows = lines.map((l) => l.split(','));
  const y = rows.map((f) => label.get(`${f[0]}/${f[1]}`)!);
  const errors = rows.map((f) => Number(f[3]));
  const threshold = Number(/threshold ([\d.e-]+)/.exec(predict.stdout)![1]);
  for (const f of rows) {
    assert.equal(Number(f[2]), Number(f[3]) > threshold ? 1 : 0);
    assert.match(f[4]!, /^[^=;]+::\w+=0\.\d{3};[^=;]+::\w+=0\.\d{3};[^=;]+::\w+=0\.\d{3}$/);
  }
  const auc = rocAuc(y, errors);
  assert.ok(auc > 0.8, `ROC-AUC of recon_error ${auc}`);
  // Healthy training nodes stay under the threshold far more often than memleak nodes.
  const flagged = (v: number) => rows.filter((f, i) => y[i] === v && f[2] === '1').length / y.filter((x) => x === v).length;
  assert.ok(flagged(1) > flagged(0), `flagged memleak ${flagged(1)} vs healthy ${flagged(0)}`);
});

test('CLI errors go to stderr with a non-zero exit and leave no partial output', async () => {
  const missing = await prodigy('train', '--out', join(dir, 'm2'));
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /--data is required/);
  const badSettings = await prodigy('train', '--data', join(dir, 'data'), '--out', join(dir, 'm2'), '--settings', 'huge');
  assert.equal(badSettings.code, 2);
  assert.match(badSettings.stderr, /--settings must be minimal, efficient, comprehensive or a \.json feature list/);
  const noModel = await prodigy('predict', '--model', join(dir, 'nowhere'), '--data', join(dir, 'data'), '--out', join(dir, 'p.csv'));
  assert.equal(noModel.code, 1);
  assert.match(noModel.stderr, /deployment_metadata\.json: missing/);
  const badData = join(dir, 'bad.csv');
  await writeFile(badData, 'job_id,component_id,timestamp,x::y\n1,2,3,4\n');
  const noTrain = await prodigy('train', '--data', badData, '--out', join(dir, 'm3'), '--epochs', '1');
  assert.notEqual(noTrain.code, 0);
  assert.ok(noTrain.stderr.length > 0);
  const entries = await readdir(dir);
  for (const name of ['m2', 'm3', 'p.csv']) assert.ok(!entries.includes(name), `${name} must not exist`);
  assert.ok(!entries.some((name) => name.includes('.tmp-')), entries.join(', '));
});
