import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { CsvRecordParser, forEachCsvRecord } from '../../src/telemetry/csv-reader.js';
import { TelemetryInputError } from '../../src/telemetry/errors.js';

type Rec = [string[], number];

function parseInChunks(text: string, chunkSize: number): Rec[] {
  const out: Rec[] = [];
  const parser = new CsvRecordParser('x.csv', (fields, line) => out.push([fields, line]));
  for (let i = 0; i < text.length; i += chunkSize) parser.push(text.slice(i, i + chunkSize));
  parser.finish();
  return out;
}

const tricky =
  '\ufeffa,b,c\r\n' +
  '1,2,3\r\n' +
  '\n' +
  '"x, y","he said ""hi""",\n' +
  '"multi\nline\r\nfield",7,""\n' +
  'last,row,"q"';
const expected: Rec[] = [
  [['a', 'b', 'c'], 1],
  [['1', '2', '3'], 2],
  [['x, y', 'he said "hi"', ''], 4],
  [['multi\nline\r\nfield', '7', ''], 5],
  [['last', 'row', 'q'], 8],
];

describe('CsvRecordParser', () => {
  it('parses RFC 4180 quoting, CRLF, BOM, blank lines and multi-line fields with line numbers', () => {
    assert.deepEqual(parseInChunks(tricky, tricky.length), expected);
  });

  it('gives the same records whatever the chunk boundaries', () => {
    for (let size = 1; size <= 12; size++) assert.deepEqual(parseInChunks(tricky, size), expected, `chunk size ${size}`);
  });

  it('keeps empty fields and a final record without a line break', () => {
    assert.deepEqual(parseInChunks('a,,c\n,,', 3), [[['a', '', 'c'], 1], [['', '', ''], 2]]);
  });

  it('names line and column of an unclosed quote', () => {
    assert.throws(
      () => parseInChunks('a,b\n1,"open\n2,3\n', 4),
      (err: unknown) => err instanceof TelemetryInputError && err.line === 2 && err.column === 'b' && /never closed/.test(err.message),
    );
  });

  it('rejects text after a closing quote and a quote inside an unquoted field', () => {
    assert.throws(
      () => parseInChunks('a,b\n"x"y,1\n', 100),
      (err: unknown) => err instanceof TelemetryInputError && err.line === 2 && err.column === 'a',
    );
    assert.throws(
      () => parseInChunks('a,b\n1,x"y"\n', 100),
      (err: unknown) => err instanceof TelemetryInputError && err.line === 2 && err.column === 'b' && /inside an unquoted/.test(err.message),
    );
  });
});

describe('forEachCsvRecord', () => {
  const dirPromise = mkdtemp(join(tmpdir(), 'csv-reader-'));
  after(async () => rm(await dirPromise, { recursive: true, force: true }));

  it('streams a file and a gzipped file alike', async () => {
    const dir = await dirPromise;
    await writeFile(join(dir, 't.csv'), tricky);
    await writeFile(join(dir, 't.csv.gz'), gzipSync(Buffer.from(tricky)));
    for (const name of ['t.csv', 't.csv.gz']) {
      const out: Rec[] = [];
      await forEachCsvRecord(join(dir, name), (f, l) => out.push([f, l]));
      assert.deepEqual(out, expected, name);
    }
  });

  it('decodes multi-byte characters split across chunks', async () => {
    const dir = await dirPromise;
    const long = 'é'.repeat(1 << 20); // 2 MiB of UTF-8: crosses the 1 MiB read chunks
    await writeFile(join(dir, 'u.csv'), `name\n${long}\n`);
    const out: string[] = [];
    await forEachCsvRecord(join(dir, 'u.csv'), (f) => out.push(f[0]!));
    assert.equal(out[1], long);
  });

  it('reports a missing file as a TelemetryInputError naming it', async () => {
    const missing = join(await dirPromise, 'nope.csv');
    await assert.rejects(forEachCsvRecord(missing, () => {}), (err: unknown) => err instanceof TelemetryInputError && err.file === missing && /ENOENT/.test(err.message));
  });

  it('stops reading when the visitor throws', async () => {
    const dir = await dirPromise;
    await writeFile(join(dir, 's.csv'), 'a\n1\n2\n3\n');
    let seen = 0;
    await assert.rejects(
      forEachCsvRecord(join(dir, 's.csv'), () => {
        if (++seen === 2) throw new Error('stop');
      }),
      /stop/,
    );
    assert.equal(seen, 2);
  });
});
