import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { readTidyTable } from '../../src/telemetry/tidy-csv.js';

const here = dirname(fileURLToPath(import.meta.url));
const fixtures = join(here, '..', 'fixtures', 'telemetry');
const root = mkdtemp(join(tmpdir(), 'cli-ingest-'));
after(async () => rm(await root, { recursive: true, force: true }));

async function prodigy(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', join(here, 'run-cli.ts'), ...args], { cwd: join(here, '..', '..') });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('prodigy ingest', () => {
  it('writes the tidy table, picks up labels.csv from the folder and prints warnings to stderr', async () => {
    const dir = await root;
    const out = join(dir, 'ok', 'tidy.csv');
    const report = join(dir, 'ok', 'report.json');
    const r = await prodigy('ingest', '--input', join(fixtures, 'dsos'), '--out', out, '--report', report);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /wrote .*tidy\.csv: 7 rows, 2 samples \(job, node\) in 1 jobs, 6 metric columns \(4 dropped\); labels: 2 matched, 0 samples unlabelled, 1 labels without telemetry/);
    assert.match(r.stderr, /warning: .*job 2002/);
    assert.match(r.stderr, /warning: .*job 3003 node 11/);
    const tidy = await readTidyTable(out);
    assert.deepEqual(tidy.columnNames().slice(0, 4), ['job_id', 'component_id', 'timestamp', 'MemFree::meminfo']);
    assert.deepEqual(Array.from(tidy.array('pgfault::vmstat') as Float64Array), [100, 150, 175, 200, 10, 20, 10]);
    const json = JSON.parse(await readFile(report, 'utf8'));
    assert.equal(json.kinds['MemTotal::meminfo'].kind, 'constant');
  });

  it('fails with a located error on stderr, a non-zero exit and no output file', async () => {
    const dir = join(await root, 'bad');
    await cp(join(fixtures, 'dsos'), dir, { recursive: true });
    const vmstat = join(dir, 'vmstat.csv');
    await writeFile(vmstat, (await readFile(vmstat, 'utf8')).replace('1700000001.001,11,1001,7,24750,1100', '1700000001.001,11,1001,7,24750,oops'));
    const out = join(dir, 'out', 'tidy.csv');
    const r = await prodigy('ingest', '--input', dir, '--out', out);
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^prodigy ingest: .*vmstat\.csv:3, column "pgfault": "oops" is not a number\n$/);
    await assert.rejects(readdir(join(dir, 'out')), /ENOENT/);
  });

  it('exits 2 with the usage on a bad option', async () => {
    const r = await prodigy('ingest', '--input', join(fixtures, 'dsos'));
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--out is required/);
    assert.match(r.stderr, /usage: prodigy ingest/);
    const c = await prodigy('ingest', '--input', 'x', '--out', 'y', '--counters', 'speed');
    assert.equal(c.code, 2);
    assert.match(c.stderr, /--counters must be "difference" or "rate"/);
  });
});
