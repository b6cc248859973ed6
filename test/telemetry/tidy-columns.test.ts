import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { after, describe, it } from 'node:test';
import { TelemetryInputError } from '../../src/telemetry/errors.js';
import { readTidyColumns, TidyColumns } from '../../src/telemetry/tidy-columns.js';
import { Random } from '../../src/util/random.js';

describe('readTidyColumns', () => {
  const dirPromise = mkdtemp(join(tmpdir(), 'tidy-columns-'));
  after(async () => rm(await dirPromise, { recursive: true, force: true }));
  const write = async (name: string, text: string | Buffer): Promise<string> => {
    const path = join(await dirPromise, name);
    await writeFile(path, text);
    return path;
  };

  // CRLF and LF lines, a blank line, spaces around a number, nan/NaN/empty as missing values,
  // exponents, a number with more digits than the fast reader takes, and no final line break.
  const messy =
    '\ufeffjob_id,component_id,timestamp,a::s,b::s\r\n' +
    '7,3,1700000001,0.1, 2.5 \r\n' +
    '\n' +
    '7,3,1700000002,,nan\n' +
    '7,3,1700000003,1e+21,-1.5E-3\n' +
    '7,3,1700000004,NaN,123456789012345678901\n' +
    '7,3,1700000005,-12.345678901234567,0.30000000000000004';
  const expected: Record<string, number[]> = {
    job_id: [7, 7, 7, 7, 7],
    component_id: [3, 3, 3, 3, 3],
    timestamp: [1700000001, 1700000002, 1700000003, 1700000004, 1700000005],
    'a::s': [0.1, NaN, 1e21, NaN, -12.345678901234567],
    'b::s': [2.5, NaN, -0.0015, 123456789012345678901, 0.30000000000000004],
  };
  const check = (read: TidyColumns): void => {
    assert.deepEqual(read.columnNames(), Object.keys(expected));
    assert.equal(read.numRows(), 5);
    for (const [name, values] of Object.entries(expected)) {
      assert.ok(read.array(name) instanceof Float64Array);
      assert.deepEqual([...read.array(name)], values, name);
    }
  };

  it('reads every cell form the general reader reads, whatever the chunk size', async () => {
    const path = await write('messy.csv', messy);
    for (const chunkBytes of [undefined, 1, 7, 64]) check(await readTidyColumns(path, { chunkBytes }));
  });

  it('reads long runs of numbers exactly as Number() does (the WebAssembly path, blocks, chunk seams, slow lines between)', async () => {
    // 10,000 rows of doubles in every form a writer prints (shortest round trip, integers,
    // exponents, 17 digits, signs), with an empty field or a "nan" every 997th row
    const rng = new Random(5);
    const forms = [
      () => String(rng.normal() * 10 ** Math.floor(rng.uniform() * 40 - 20)),
      () => String(Math.round(rng.normal() * 1e6)),
      () => (rng.normal() * 1e3).toExponential(Math.floor(rng.uniform() * 17)),
      () => (rng.uniform() * 2 ** 60).toPrecision(17),
      () => '+' + (rng.uniform() * 100).toFixed(Math.floor(rng.uniform() * 20)),
    ];
    const texts: string[][] = [];
    for (let r = 0; r < 10_000; r++) {
      const row = [String(1 + (r >> 12)), '0', String(1700000000 + r)];
      for (let j = 0; j < 4; j++) row.push(forms[(r + j) % forms.length]!());
      if (r % 997 === 5) row[4 + (r % 3)] = r % 2 ? '' : 'nan';
      texts.push(row);
    }
    const path = await write('long.csv', 'job_id,component_id,timestamp,a,b,c,d\n' + texts.map((row) => row.join(',')).join('\r\n') + '\n');
    for (const chunkBytes of [undefined, 1000]) {
      const read = await readTidyColumns(path, { chunkBytes });
      assert.equal(read.numRows(), texts.length);
      read.columnNames().forEach((name, j) => {
        const values = read.array(name);
        texts.forEach((row, r) => {
          const expected = row[j] === '' || row[j] === 'nan' ? NaN : Number(row[j]);
          assert.ok(Object.is(values[r], expected), `${name} row ${r}: "${row[j]}" read as ${values[r]}`);
        });
      });
    }
  });

  it('reads every row whether the first data line makes the row estimate short or long', async () => {
    // the columns are sized from the first data line's length: a long one then 5,000 short ones
    // (the estimate falls ~40x short: the columns grow), and a short one then long ones
    const long = '1,2,3,-123.45678901234567,0.000012345678901234567,98765432109876543e-22';
    const short = (r: number): string => `1,2,${r},${r % 10},-${r % 7}.5,0`;
    const files = {
      'long-first.csv': [long, ...Array.from({ length: 5000 }, (_, r) => short(r))],
      'short-first.csv': ['1,2,3,4,5,6', ...Array.from({ length: 3000 }, () => long)],
    };
    for (const [name, lines] of Object.entries(files)) {
      const read = await readTidyColumns(await write(name, 'job_id,component_id,timestamp,a,b,c\n' + lines.join('\n') + '\n'));
      assert.equal(read.numRows(), lines.length, name);
      read.columnNames().forEach((column, j) => {
        const values = read.array(column);
        lines.forEach((line, r) => assert.ok(Object.is(values[r], Number(line.split(',')[j])), `${name} ${column} row ${r}`));
      });
    }
  });

  it('gives the same table through the general reader: a quoted field, or a gzipped file', async () => {
    check(await readTidyColumns(await write('quoted.csv', messy.replace('1e+21', '"1e+21"'))));
    check(await readTidyColumns(await write('messy.csv.gz', gzipSync(messy))));
  });

  it('offers the table methods extraction reads, without arquero', async () => {
    const read = await readTidyColumns(await write('small.csv', 'job_id,component_id,timestamp,x\n1,2,3,4\n'));
    assert.deepEqual(read.column('x'), new Float64Array([4]));
    assert.equal(read.column('y'), undefined);
    assert.throws(() => read.array('y'), /no column "y"/);
    assert.equal(read.isFiltered() || read.isOrdered(), false);
  });

  const bad: [string, string, number | undefined, string | undefined, RegExp][] = [
    ['not a number', 'job_id,component_id,timestamp,x\n1,2,3,4\n1,2,4,abc\n', 3, 'x', /"abc" is not a number/],
    ['a lone space', 'job_id,component_id,timestamp,x\n1,2,3, \n', 2, 'x', /" " is not a number/],
    ['missing id value', 'job_id,component_id,timestamp\n1,,3\n', 2, 'component_id', /id value is missing/],
    ['too few fields', 'job_id,component_id,timestamp\n1,2,3\n\n1,2\n', 4, undefined, /expected 3 fields as in the header, found 2/],
    ['too many fields', 'job_id,component_id,timestamp\n1,2,3,4,5\n', 2, undefined, /expected 3 fields as in the header, found 5/],
    ['repeated name', 'job_id,component_id,timestamp,x,x\n', 1, 'x', /appears twice/],
    ['missing id column', 'job_id,timestamp,x\n1,2,3\n', 1, 'component_id', /id column "component_id" is missing/],
    ['empty file', '', undefined, undefined, /empty/],
  ];
  for (const [title, text, line, column, message] of bad) {
    it(`names file, line and column of a bad file: ${title}`, async () => {
      const path = await write(`${title.replace(/ /g, '-')}.csv`, text);
      for (const chunkBytes of [undefined, 3]) {
        await assert.rejects(readTidyColumns(path, { chunkBytes }), (err: unknown) => {
          assert.ok(err instanceof TelemetryInputError);
          assert.equal(err.file, path);
          assert.equal(err.line, line);
          assert.equal(err.column, column);
          assert.match(err.message, message);
          return true;
        });
      }
    });
  }

  it('names a file it cannot open', async () => {
    await assert.rejects(readTidyColumns(join(await dirPromise, 'absent.csv')), (err: unknown) => err instanceof TelemetryInputError && /cannot read the file \(ENOENT/.test(err.message));
  });
});
