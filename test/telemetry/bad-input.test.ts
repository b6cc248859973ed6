import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { TelemetryInputError } from '../../src/telemetry/errors.js';
import { ingestTelemetry } from '../../src/telemetry/ingest.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'telemetry', 'dsos');
const root = mkdtemp(join(tmpdir(), 'telemetry-bad-'));
after(async () => rm(await root, { recursive: true, force: true }));
let counter = 0;

type Sampler = 'meminfo' | 'vmstat' | 'procstat';

/** A folder with the dsos fixture files, each optionally rewritten by `edit`. */
async function inputWith(edit: Partial<Record<Sampler, (text: string) => string>>): Promise<string> {
  const dir = join(await root, `case-${counter++}`);
  await mkdir(dir);
  for (const sampler of ['meminfo', 'vmstat', 'procstat'] as const) {
    const text = await readFile(join(fixtures, `${sampler}.csv`), 'utf8');
    await writeFile(join(dir, `${sampler}.csv`), (edit[sampler] ?? ((t) => t))(text));
  }
  return dir;
}

/** Replaces line `n` (1-based) of a text. */
const setLine = (n: number, replace: (line: string) => string) => (text: string) =>
  text
    .split('\n')
    .map((line, i) => (i === n - 1 ? replace(line) : line))
    .join('\n');

async function expectError(dir: string, file: string | undefined, line: number | undefined, column: string | undefined, message: RegExp): Promise<void> {
  await assert.rejects(ingestTelemetry(dir), (err: unknown) => {
    assert.ok(err instanceof TelemetryInputError, `a TelemetryInputError, got ${String(err)}`);
    if (file !== undefined) assert.equal(err.file, join(dir, file));
    assert.equal(err.line, line);
    assert.equal(err.column, column);
    assert.match(err.message, message);
    // the message itself names the place
    if (file !== undefined) assert.ok(err.message.startsWith(`${join(dir, file)}${line !== undefined ? `:${line}` : ''}`), err.message);
    return true;
  });
}

describe('bad sampler input: errors name file, line and column', () => {
  it('a missing id column (DSOS)', async () => {
    const dir = await inputWith({ meminfo: (t) => t.replace(/,job_id,/g, ',jobid,') });
    await expectError(dir, 'meminfo.csv', 1, 'job_id', /id column "job_id" is missing \(expected timestamp, component_id, job_id/);
  });

  it('a missing timestamp column', async () => {
    const dir = await inputWith({ vmstat: setLine(1, (l) => l.replace('timestamp', 'time')) });
    await expectError(dir, 'vmstat.csv', 1, 'timestamp', /id column "timestamp" is missing/);
  });

  it('a missing id column (store_csv shape)', async () => {
    const dir = await inputWith({
      procstat: () => '#Time,Time_usec,ProducerName,job_id,app_id,user\n1700000000.0,0,nid1,1001,7,5\n',
    });
    await expectError(dir, 'procstat.csv', 1, 'component_id', /"component_id" is missing \(expected #Time, Time_usec, ProducerName/);
  });

  it('an unparsable number', async () => {
    const dir = await inputWith({ vmstat: setLine(3, (l) => l.replace(',1100,', ',11O0,')) });
    await expectError(dir, 'vmstat.csv', 3, 'pgfault', /"11O0" is not a number/);
  });

  it('an unparsable timestamp and a non-numeric id', async () => {
    let dir = await inputWith({ meminfo: setLine(4, (l) => l.replace('2023-11-14', '2023-13-14')) });
    await expectError(dir, 'meminfo.csv', 4, 'timestamp', /"2023-13-14 22:13:22.001234" is not a timestamp/);
    dir = await inputWith({ procstat: setLine(2, (l) => l.replace(',12,', ',node12,')) });
    await expectError(dir, 'procstat.csv', 2, 'component_id', /"node12" is not a numeric id/);
    dir = await inputWith({ procstat: setLine(2, (l) => l.replace(',1001,', ',,')) });
    await expectError(dir, 'procstat.csv', 2, 'job_id', /the id is missing/);
  });

  it('a row with the wrong number of fields', async () => {
    const dir = await inputWith({ vmstat: setLine(5, (l) => l + ',99') });
    await expectError(dir, 'vmstat.csv', 5, undefined, /expected 7 fields as in the header, found 8/);
  });

  it('duplicate (job, node, timestamp) rows with different values', async () => {
    // a second row for job 1001, node 11, second 1700000001 whose pgfault differs from line 3
    const dir = await inputWith({ vmstat: (t) => t + '1700000001.5,11,1001,7,24750,1101,4000\n' });
    await expectError(dir, 'vmstat.csv', 11, 'pgfault', /duplicate row for job 1001, node 11, timestamp 1700000001 with a different value than line 3 \(1101 vs 1100\)/);
  });

  it('identical duplicate rows are dropped, not an error', async () => {
    const dir = await inputWith({ vmstat: (t) => t + '1700000001.5,11,1001,7,24750,1100,4000\n' });
    const { table, report } = await ingestTelemetry(dir);
    assert.equal(report.duplicateRowsDropped.vmstat, 1);
    assert.equal(table.numRows(), 7);
  });

  it('an empty job: no node has two seconds common to all samplers', async () => {
    // procstat's job 1001 is shifted by 100 s: nothing in common with meminfo and vmstat
    const dir = await inputWith({ procstat: (t) => t.replace(/^17000000(\d\d),(1[12]),1001/gm, (_, s, node) => `17000001${s},${node},1001`) });
    await expectError(dir, 'meminfo.csv', 2, 'timestamp', /job 1001 is empty: no node has two or more seconds common to meminfo, vmstat, procstat \(node 11 \(0 common seconds\), node 12 \(0 common seconds\)\)/);
  });

  it('no job in all three samplers', async () => {
    const dir = await inputWith({ procstat: (t) => t.replace(/,1001,/g, ',1002,') });
    await assert.rejects(ingestTelemetry(dir), (err: unknown) => {
      assert.ok(err instanceof TelemetryInputError);
      assert.equal(err.column, 'job_id');
      assert.match(err.message, /no job is present in all three samplers \(meminfo: 1001, 2002; vmstat: 1001; procstat: 1002\)/);
      return true;
    });
  });

  it('a sampler whose jobs or nodes do not match the others: warned, common ones kept', async () => {
    // procstat loses node 12 entirely; meminfo has job 2002 that nobody else has
    const dir = await inputWith({ procstat: (t) => t.split('\n').filter((l) => !/^\d+,12,/.test(l)).join('\n') });
    const { table, report } = await ingestTelemetry(dir);
    assert.deepEqual([...new Set(table.array('component_id') as Float64Array)], [11]);
    assert.ok(report.warnings.some((w) => /job 1001, node 12: not in procstat; left out/.test(w)), report.warnings.join('\n'));
    assert.ok(report.warnings.some((w) => /meminfo\.csv: job 2002 \(not in vmstat, procstat\) left out/.test(w)));
  });

  it('a node with a single common second is left out with a warning when other nodes remain', async () => {
    const dir = await inputWith({ vmstat: (t) => t.split('\n').filter((l) => !/^170000000[134]\.002,12,/.test(l)).join('\n') });
    const { report } = await ingestTelemetry(dir);
    assert.equal(report.samples, 1);
    assert.ok(report.warnings.some((w) => /job 1001: left out node 12 \(1 common second\)/.test(w)), report.warnings.join('\n'));
  });

  it('an empty file, and roll-over files whose columns differ', async () => {
    let dir = await inputWith({ vmstat: () => '' });
    await expectError(dir, 'vmstat.csv', undefined, undefined, /the file is empty/);
    dir = await inputWith({});
    await writeFile(join(dir, 'vmstat.1700000009.csv'), 'timestamp,component_id,job_id,app_id,nr_free_pages\n');
    await expectError(dir, 'vmstat.csv', 1, 'pgfault', /metric columns differ from .*vmstat\.1700000009\.csv \(extra pgfault, nr_dirty_threshold\)/);
  });
});

describe('finding sampler files', () => {
  it('names a sampler that has no file, and the accepted names', async () => {
    const dir = await inputWith({});
    await rm(join(dir, 'procstat.csv'));
    await expectError(dir, undefined, undefined, undefined, /no procstat file found \(accepted: a file name containing meminfo, vmstat or procstat as a word/);
  });

  it('rejects an explicit file whose name names no sampler, or two', async () => {
    const dir = await inputWith({});
    await writeFile(join(dir, 'telemetry.csv'), 'x\n');
    await writeFile(join(dir, 'meminfo-vmstat.csv'), 'x\n');
    await assert.rejects(ingestTelemetry([join(dir, 'telemetry.csv')]), /cannot tell which sampler this file holds/);
    await assert.rejects(ingestTelemetry([dir]), /names several samplers \(meminfo, vmstat\)/);
  });

  it('names a path that does not exist', async () => {
    const missing = join(await root, 'nowhere');
    await assert.rejects(ingestTelemetry(missing), (err: unknown) => err instanceof TelemetryInputError && err.file === missing && /ENOENT/.test(err.message));
  });
});
