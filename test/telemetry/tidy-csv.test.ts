import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { table } from 'arquero';
import { TelemetryInputError } from '../../src/telemetry/errors.js';
import { readTidyTable, writeTidyTable } from '../../src/telemetry/tidy-csv.js';

describe('tidy CSV', () => {
  const dirPromise = mkdtemp(join(tmpdir(), 'tidy-csv-'));
  after(async () => rm(await dirPromise, { recursive: true, force: true }));

  it('round-trips a table with NaN as an empty field, numbers as Float64Array', async () => {
    const dir = await dirPromise;
    const t = table({
      job_id: new Float64Array([7, 7]),
      component_id: new Float64Array([3, 3]),
      timestamp: new Float64Array([1700000001, 1700000002]),
      'MemFree::meminfo': new Float64Array([0.1, NaN]),
      'pgfault::vmstat': new Float64Array([1e21, -2.5]),
    });
    const path = join(dir, 'out.csv');
    await writeTidyTable(t, path);
    assert.equal(
      await readFile(path, 'utf8'),
      'job_id,component_id,timestamp,MemFree::meminfo,pgfault::vmstat\n7,3,1700000001,0.1,1e+21\n7,3,1700000002,,-2.5\n',
    );
    const back = await readTidyTable(path);
    assert.deepEqual(back.columnNames(), t.columnNames());
    for (const name of t.columnNames()) {
      assert.ok(back.column(name) instanceof Float64Array, name);
      assert.deepEqual(back.column(name), t.column(name), name);
    }
    assert.deepEqual((await readdir(dir)).sort(), ['out.csv'], 'no temporary file left');
  });

  it('writes the table in its current order', async () => {
    const dir = await dirPromise;
    const t = table({ job_id: [2, 1], component_id: [1, 1], timestamp: [5, 5] }).orderby('job_id');
    const path = join(dir, 'ordered.csv');
    await writeTidyTable(t, path);
    assert.equal(await readFile(path, 'utf8'), 'job_id,component_id,timestamp\n1,1,5\n2,1,5\n');
  });

  const bad: [string, string, number | undefined, string | undefined, RegExp][] = [
    ['missing id', 'job_id,timestamp,x\n1,2,3\n', 1, 'component_id', /id column "component_id" is missing/],
    ['not a number', 'job_id,component_id,timestamp,x\n1,2,3,4\n1,2,4,abc\n', 3, 'x', /"abc" is not a number/],
    ['missing id value', 'job_id,component_id,timestamp\n1,,3\n', 2, 'component_id', /id value is missing/],
    ['field count', 'job_id,component_id,timestamp\n1,2\n', 2, undefined, /expected 3 fields/],
    ['repeated name', 'job_id,component_id,timestamp,x,x\n', 1, 'x', /appears twice/],
    ['empty file', '', undefined, undefined, /empty/],
  ];
  for (const [title, text, line, column, message] of bad) {
    it(`rejects a bad file: ${title}`, async () => {
      const path = join(await dirPromise, `${title.replace(/ /g, '-')}.csv`);
      await writeFile(path, text);
      await assert.rejects(readTidyTable(path), (err: unknown) => {
        assert.ok(err instanceof TelemetryInputError);
        assert.equal(err.file, path);
        assert.equal(err.line, line);
        assert.equal(err.column, column);
        assert.match(err.message, message);
        return true;
      });
    });
  }
});
