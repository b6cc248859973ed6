/**
 * Every layout fixture read back against the values the fixture script put in
 * (`<name>.expected.csv`, written by pandas from the same DataFrame), and every error fixture
 * against the words its error must say (`errors/expected.json`).
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { ColumnTable } from 'arquero';
import { ArtifactInputError } from '../../src/artifact/errors.js';
import { listPandasKeys, readPandasFrame } from '../../src/artifact/read-pandas-frame.js';
import { readPandasHdf } from '../../src/artifact/read-pandas-hdf.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'artifact');
const layouts = join(fixtures, 'layouts');

/** The expected CSV: header and numeric rows (an empty field is NaN). */
function expectedCsv(path: string): { names: string[]; columns: number[][] } {
  const [head, ...lines] = readFileSync(path, 'utf8').trim().split('\n');
  const names = head!.split(',');
  const columns = names.map(() => [] as number[]);
  for (const line of lines) line.split(',').forEach((cell, j) => columns[j]!.push(cell === '' ? NaN : Number(cell)));
  return { names, columns };
}

function assertTableEquals(table: ColumnTable, expectedPath: string): void {
  const expected = expectedCsv(expectedPath);
  const metricOrder = expected.names.filter((n) => !['job_id', 'component_id', 'timestamp'].includes(n));
  assert.deepEqual(table.columnNames(), ['job_id', 'component_id', 'timestamp', ...metricOrder]);
  expected.names.forEach((name, j) => {
    const got = Array.from(table.array(name) as Float64Array);
    assert.deepEqual(got, expected.columns[j], `column ${name}`);
  });
}

describe('readPandasHdf on every layout fixture', () => {
  const cases = readdirSync(layouts).filter((f) => f.endsWith('.hdf') && f !== 'two_keys.hdf');
  it('has the fixtures the script writes', () => {
    assert.deepEqual(cases.sort(), [
      'fixed_datetime.hdf',
      'fixed_float32_reordered.hdf',
      'fixed_int_ids.hdf',
      'fixed_string_ids.hdf',
      'table_data_columns.hdf',
      'table_datetime.hdf',
      'table_float32_reordered.hdf',
      'table_int_ids.hdf',
      'table_string_ids.hdf',
    ]);
  });
  for (const file of cases) {
    it(`${file}: the values the script wrote, NaN kept and reported`, async () => {
      const { table, report } = await readPandasHdf(join(layouts, file));
      assertTableEquals(table, join(layouts, file.replace(/\.hdf$/, '.expected.csv')));
      assert.equal(report.layout, file.startsWith('fixed') ? 'fixed' : 'table');
      assert.equal(report.key, '/telemetry');
      assert.equal(report.rows, 9);
      assert.equal(report.samples, 3);
      assert.deepEqual(report.missing, { 'MemFree::meminfo': 1 });
      assert.ok(Number.isNaN((table.array('MemFree::meminfo') as Float64Array)[2]));
    });
  }

  it('records how each column was stored: ids as Python strings (object), fixed-width bytes or int64', async () => {
    assert.equal((await readPandasHdf(join(layouts, 'fixed_string_ids.hdf'))).report.dtypes.job_id, 'object');
    assert.equal((await readPandasHdf(join(layouts, 'table_string_ids.hdf'))).report.dtypes.job_id, 'bytes');
    assert.equal((await readPandasHdf(join(layouts, 'fixed_int_ids.hdf'))).report.dtypes.job_id, 'int64');
    const dt = await readPandasHdf(join(layouts, 'table_datetime.hdf'));
    assert.equal(dt.report.dtypes.timestamp, 'datetime64[ns]');
    assert.deepEqual(Array.from(dt.table.array('timestamp') as Float64Array).slice(0, 3), [1614556801, 1614556802, 1614556803]);
  });

  it('keeps the frame column order and float32 values widened exactly', async () => {
    const frame = await readPandasFrame(join(layouts, 'fixed_float32_reordered.hdf'));
    assert.deepEqual(frame.columns.map((c) => c.name), ['MemFree::meminfo', 'job_id', 'pgfault::vmstat', 'timestamp', 'component_id', 'procs_running::procstat']);
    assert.equal(frame.columns[2]!.dtype, 'float32');
    assert.equal((frame.columns[2]!.values as Float64Array)[6], Math.fround(1e-3));
  });
});

describe('keys', () => {
  const file = join(layouts, 'two_keys.hdf');
  it('lists the pandas objects of a file with their types', async () => {
    assert.deepEqual(await listPandasKeys(file), [
      { key: '/test', pandasType: 'frame_table' },
      { key: '/train', pandasType: 'frame' },
    ]);
  });
  it('asks for a key when a file holds several frames, naming them', async () => {
    await assert.rejects(readPandasHdf(file), (err: Error) => err instanceof ArtifactInputError && /several pandas objects/.test(err.message) && /\/train \(frame\)/.test(err.message) && /\/test \(frame_table\)/.test(err.message));
    await assert.rejects(readPandasHdf(file, 'validation'), /no pandas object under the key "validation"/);
  });
  it('reads each key, with or without the leading slash', async () => {
    assertTableEquals((await readPandasHdf(file, 'train')).table, join(layouts, 'two_keys.train.expected.csv'));
    assertTableEquals((await readPandasHdf(file, '/test')).table, join(layouts, 'two_keys.test.expected.csv'));
  });
});

describe('files the reader refuses', () => {
  const errors = join(fixtures, 'errors');
  const expected = JSON.parse(readFileSync(join(errors, 'expected.json'), 'utf8')) as Record<string, string[]>;
  for (const [file, words] of Object.entries(expected)) {
    it(`${file}: an ArtifactInputError naming the file and saying ${words.map((w) => `"${w}"`).join(', ')}`, async () => {
      await assert.rejects(readPandasHdf(join(errors, file)), (err: Error) => {
        assert.ok(err instanceof ArtifactInputError, String(err));
        assert.ok(err.message.includes(file), err.message);
        for (const word of words) assert.ok(err.message.includes(word), `"${word}" not in: ${err.message}`);
        return true;
      });
    });
  }
  it('a file that is not HDF5, and a missing file', async () => {
    await assert.rejects(readPandasHdf(join(errors, 'expected.json')), /not an HDF5 file/);
    await assert.rejects(readPandasHdf(join(errors, 'nothing-here.hdf')), /does not exist/);
  });
});
