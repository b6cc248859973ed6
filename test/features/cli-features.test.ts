/**
 * `prodigy features` run as a real process (from source through tsx, as the telemetry CLI tests
 * do) on a small simulated dataset: named settings, rolling windows, a published feature list
 * (LIST.json) with and without --keep-nan, and bad input.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { promisify } from 'node:util';
import type { ColumnTable } from 'arquero';
import { extractFeatures, resolveSettings } from '../../src/features/extract.js';
import { encodeWorkerSettings } from '../../src/features/worker-settings.js';
import { singleGroup } from '../../src/features/work-groups.js';
import type { WorkerFormat, WorkerInit } from '../../src/features/extraction-worker.js';
import { simulateTelemetry } from '../../src/simulate/index.js';
import { writeTidyTable } from '../../src/telemetry/tidy-csv.js';

const here = dirname(fileURLToPath(import.meta.url));
const runCli = join(here, '..', 'telemetry', 'run-cli.ts');

async function prodigy(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', runCli, ...args], { cwd: join(here, '..', '..') });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** A CSV as header + rows of raw fields (no quoting in these files). */
async function readCsv(path: string): Promise<{ header: string[]; rows: string[][] }> {
  const lines = (await readFile(path, 'utf8')).trimEnd().split('\n');
  return { header: lines[0]!.split(','), rows: lines.slice(1).map((l) => l.split(',')) };
}

/** An empty field is NaN, everything else the number written (shortest round-trip form). */
const cellValue = (field: string): number => (field === '' ? Number.NaN : Number(field));

const METRICS = ['MemFree::meminfo', 'pgfault::vmstat'];
/** A constant gauge (the simulator's tidy table leaves constant columns out): its autocorrelation is NaN. */
const CONSTANT = 'MemTotal::meminfo';
let dir: string;
let input: string;
let table: ColumnTable;
let samples: Map<string, { values: number[] }>;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cli-features-'));
  const sim = simulateTelemetry({ preset: 'tiny' });
  const selected = sim.table.select(['job_id', 'component_id', 'timestamp', ...METRICS]);
  table = selected.assign({ [CONSTANT]: new Float64Array(selected.numRows()).fill(131_072_000) });
  input = join(dir, 'tidy.csv');
  await writeTidyTable(table, input);
  // MemFree per (job, component), in timestamp order, for hand checks.
  samples = new Map();
  const jobs = table.array('job_id') as ArrayLike<number>;
  const comps = table.array('component_id') as ArrayLike<number>;
  const stamps = table.array('timestamp') as ArrayLike<number>;
  const free = table.array('MemFree::meminfo') as ArrayLike<number>;
  const order = Array.from({ length: table.numRows() }, (_, i) => i).sort((a, b) => jobs[a]! - jobs[b]! || comps[a]! - comps[b]! || stamps[a]! - stamps[b]!);
  for (const i of order) {
    const key = `${jobs[i]},${comps[i]}`;
    if (!samples.has(key)) samples.set(key, { values: [] });
    samples.get(key)!.values.push(free[i]!);
  }
});
after(async () => rm(dir, { recursive: true, force: true }));

describe('prodigy features', () => {
  it('writes one row per (job, component) with tsfresh names and the in-process values (minimal)', async () => {
    const out = join(dir, 'minimal.csv');
    const r = await prodigy('features', '--input', input, '--settings', 'minimal', '--out', out);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, new RegExp(`wrote ${samples.size} rows x 30 features to .*minimal\\.csv`));
    const { header, rows } = await readCsv(out);
    assert.deepEqual(header.slice(0, 4), ['job_id', 'component_id', 'MemFree::meminfo__sum_values', 'MemFree::meminfo__median']);
    assert.equal(rows.length, samples.size);
    // Rows ordered by job then component; hand checks on MemFree.
    assert.deepEqual(rows.map((row) => `${row[0]},${row[1]}`), [...samples.keys()].sort((a, b) => {
      const [ja, ca] = a.split(',').map(Number);
      const [jb, cb] = b.split(',').map(Number);
      return ja! - jb! || ca! - cb!;
    }));
    const col = (name: string): number => header.indexOf(`MemFree::meminfo__${name}`);
    for (const row of rows) {
      const values = samples.get(`${row[0]},${row[1]}`)!.values;
      assert.equal(cellValue(row[col('length')]!), values.length);
      assert.equal(cellValue(row[col('maximum')]!), Math.max(...values));
      assert.equal(cellValue(row[col('minimum')]!), Math.min(...values));
      const sorted = [...values].sort((a, b) => a - b);
      const mid = values.length >> 1;
      const median = values.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
      assert.ok(Math.abs(cellValue(row[col('median')]!) - median) <= 1e-12 * Math.abs(median));
    }
    // Every value is exactly what the library gives in process.
    const inProcess = await extractFeatures(table, 'minimal', { workers: 0 });
    assert.deepEqual(header.slice(2), [...inProcess.matrix.columns]);
    rows.forEach((row, r) => row.slice(2).forEach((field, c) => assert.ok(Object.is(cellValue(field), inProcess.matrix.get(r, c)), `row ${r}, ${header[c + 2]}`)));
  });

  it('extracts rolling windows with a window_start column', async () => {
    const out = join(dir, 'windows.csv');
    const r = await prodigy('features', '--input', input, '--settings', 'minimal', '--out', out, '--window', '9', '--shift', '10', '--keep-nan', '--quiet');
    assert.equal(r.code, 0, r.stderr);
    const { header, rows } = await readCsv(out);
    assert.deepEqual(header.slice(0, 3), ['job_id', 'component_id', 'window_start']);
    const windows = await extractFeatures(table, 'minimal', { windows: { maxTimeshift: 9, rollingDirection: 10, minTimeshift: 9 }, keepNaN: true, workers: 0 });
    assert.equal(rows.length, windows.matrix.rows);
    // Every full window has 10 rows; there are more windows than samples.
    const length = header.indexOf('MemFree::meminfo__length');
    assert.ok(rows.length > samples.size);
    for (const row of rows) assert.equal(cellValue(row[length]!), 10);
    rows.forEach((row, w) => row.slice(3).forEach((field, c) => assert.ok(Object.is(cellValue(field), windows.matrix.get(w, c)))));
  });

  it('takes a published feature list; drops NaN columns unless --keep-nan', async () => {
    const list = join(dir, 'LIST.json');
    await writeFile(list, JSON.stringify({
      tsfresh_column_names: {
        [CONSTANT]: { mean: null, autocorrelation: [{ lag: 1 }] }, // constant: autocorrelation is NaN
        'MemFree::meminfo': { quantile: [{ q: 0.5 }] },
      },
    }).replace('"q":0.5', '"q": 0.5'));
    const dropped = join(dir, 'list.csv');
    const r = await prodigy('features', '--input', input, '--settings', list, '--out', dropped);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /dropped 1 feature columns that hold a NaN[^\n]*\n {2}MemTotal::meminfo__autocorrelation__lag_1\n/);
    const a = await readCsv(dropped);
    assert.deepEqual(a.header, ['job_id', 'component_id', 'MemTotal::meminfo__mean', 'MemFree::meminfo__quantile__q_0.5']);

    const kept = join(dir, 'list-keep.csv');
    const k = await prodigy('features', '--input', input, '--settings', list, '--out', kept, '--keep-nan');
    assert.equal(k.code, 0, k.stderr);
    const b = await readCsv(kept);
    assert.deepEqual(b.header, ['job_id', 'component_id', 'MemTotal::meminfo__mean', 'MemTotal::meminfo__autocorrelation__lag_1', 'MemFree::meminfo__quantile__q_0.5']);
    for (const row of b.rows) {
      assert.equal(cellValue(row[2]!), 131_072_000);
      assert.equal(row[3], ''); // NaN is an empty field
    }
    // quantile q=0.5 of MemFree is its median (numpy's linear interpolation)
    for (const row of b.rows) {
      const values = samples.get(`${row[0]},${row[1]}`)!.values;
      const sorted = [...values].sort((x, y) => x - y);
      const pos = 0.5 * (sorted.length - 1);
      const lo = Math.floor(pos);
      const q = sorted[lo]! + (sorted[Math.min(lo + 1, sorted.length - 1)]! - sorted[lo]!) * (pos - lo);
      assert.ok(Math.abs(cellValue(row[4]!) - q) <= 1e-9 * Math.abs(q));
    }
  });

  it('rejects bad input with a clear error, a non-zero exit and no output file', async () => {
    const bad = join(dir, 'bad.csv');
    const text = await readFile(input, 'utf8');
    const lines = text.split('\n');
    const fields = lines[3]!.split(',');
    fields[4] = 'lots';
    lines[3] = fields.join(',');
    await writeFile(bad, lines.join('\n'));
    const out = join(dir, 'bad-out.csv');
    const r = await prodigy('features', '--input', bad, '--settings', 'minimal', '--out', out);
    assert.notEqual(r.code, 0);
    // file:line, the column and the problem
    assert.match(r.stderr, /bad\.csv:4, column "pgfault::vmstat": "lots" is not a number/);
    await assert.rejects(access(out));

    const missing = await prodigy('features', '--input', join(dir, 'nope.csv'), '--settings', 'efficient', '--out', out);
    assert.notEqual(missing.code, 0);
    assert.match(missing.stderr, /nope\.csv/);
    await assert.rejects(access(out));

    const badSettings = await prodigy('features', '--input', input, '--settings', 'fast', '--out', out);
    assert.equal(badSettings.code, 2);
    assert.match(badSettings.stderr, /--settings must be minimal, efficient, comprehensive or a \.json feature list, got "fast"/);
    await assert.rejects(access(out));
  });
  it('runs from its build (bin/prodigy.js, the dist/bundles bundle, a worker thread) with the same output as from source', async () => {
    const root = join(here, '..', '..');
    await access(join(root, 'dist', 'bundles', 'features.js')).catch(() => assert.fail('dist/bundles/features.js is missing: run `npm run build`'));
    const fromSource = join(dir, 'efficient-source.csv');
    const fromBuild = join(dir, 'efficient-build.csv');
    // (whether the worker gets to compute or format depends on how fast it loads; the test
    // below runs the bundled worker itself)
    assert.equal((await prodigy('features', '--input', input, '--settings', 'efficient', '--workers', '1', '--out', fromSource, '--quiet')).code, 0);
    const built = await promisify(execFile)(process.execPath, [join(root, 'bin', 'prodigy.js'), 'features', '--input', input, '--settings', 'efficient', '--workers', '1', '--out', fromBuild, '--timings'], { cwd: root });
    assert.match(built.stderr, /main +1 worker\(s\) started/);
    assert.equal(await readFile(fromBuild, 'utf8'), await readFile(fromSource, 'utf8'));
    // a usage error from inside the bundle is still reported as one (exit 2, usage shown)
    const bad = await promisify(execFile)(process.execPath, [join(root, 'bin', 'prodigy.js'), 'features', '--input', input, '--settings', 'efficient', '--out', fromBuild, '--window', 'x'], { cwd: root }).catch((e) => e as { code: number; stderr: string });
    assert.equal((bad as { code: number }).code, 2);
    assert.match((bad as { stderr: string }).stderr, /usage: prodigy features/);
  });
  it('has a bundled worker (dist/bundles/extraction-worker.js) that loads and formats rows as String() writes them', async () => {
    const root = join(here, '..', '..');
    const url = pathToFileURL(join(root, 'dist', 'bundles', 'extraction-worker.js')).href;
    const settings = resolveSettings({ mean: null }, ['m::s']);
    const init: WorkerInit = { settings: encodeWorkerSettings(settings), missing: 'error', warmUpMs: 0, groups: singleGroup(), group: 0, timelineOrigin: performance.timeOrigin };
    const worker = new Worker(`import(${JSON.stringify(url)})`, { eval: true, workerData: init });
    try {
      const values = Float64Array.from([1.5, Number.NaN, -1.2345678901234567e-6, 1e21, 0.1 + 0.2, 42]);
      const width = 3;
      const bytes = new Uint8Array(new SharedArrayBuffer(2 * 3 * 26 + 64));
      const lengths = new Int32Array(new SharedArrayBuffer(8));
      const answer = new Promise<unknown>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      });
      const request: WorkerFormat = { type: 'format', values, width, from: 0, to: 2, bytes, lengths };
      worker.postMessage(request);
      assert.deepEqual(await answer, { type: 'formatted' });
      const slot = 3 * 26;
      const row = (r: number): string => Buffer.from(bytes.subarray(r * slot, r * slot + lengths[r]!)).toString('latin1');
      assert.equal(row(0), '1.5,,-0.0000012345678901234567');
      assert.equal(row(1), `1e+21,${0.1 + 0.2},42`);
    } finally {
      await worker.terminate();
    }
  });
});
