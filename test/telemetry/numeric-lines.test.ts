import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Float64ColumnBuilder } from '../../src/telemetry/column-builder.js';
import { NumericLines } from '../../src/telemetry/numeric-lines.js';
import { Random } from '../../src/util/random.js';

const reader = new NumericLines();

/**
 * The WebAssembly reader on `lines` of `width` fields: the columns it read, the lines consumed
 * and the byte where it stopped.
 */
function readLines(text: string, width = 1, atEnd = true): { columns: number[][]; lines: number; pos: number } {
  const bytes = Buffer.from(text, 'latin1');
  const columns = Array.from({ length: width }, () => new Float64ColumnBuilder(16));
  reader.load(bytes, 0, bytes.length);
  const run = reader.read(0, bytes.length, atEnd, columns);
  return { columns: columns.map((c) => Array.from(c.finish())), lines: run.lines, pos: run.pos };
}

/** The one number of `text` as the reader reads it, or undefined when it declines the line. */
function parse(text: string): number | undefined {
  const { columns, lines } = readLines(text);
  return lines === 1 ? columns[0]![0] : undefined;
}

/** Asserts the reader either declines `text` or gives exactly Number(text); returns whether it read it. */
function agrees(text: string): boolean {
  const value = parse(text);
  if (value === undefined) return false;
  assert.ok(Object.is(value, Number(text)), `${text}: read ${value}, Number() gives ${Number(text)}`);
  return true;
}

describe('NumericLines (the WebAssembly CSV number reader)', () => {
  it('reads plain forms exactly as Number() does', () => {
    const cases: [string, number][] = [
      ['0', 0], ['-0', -0], ['+7', 7], ['12', 12], ['-2.5', -2.5], ['0.1', 0.1], ['.5', 0.5], ['1.', 1],
      ['1e+21', 1e21], ['2.5E-3', 0.0025], ['1700000001', 1700000001], ['0.30000000000000004', 0.30000000000000004],
      ['123.45600000000000', 123.456], ['-12.345678901234567', -12.345678901234567],
    ];
    for (const [text, expected] of cases) assert.ok(Object.is(parse(text), expected), `${text} -> ${parse(text)}`);
  });

  it('declines what it does not read, for the caller to read as text', () => {
    for (const text of [' 1', '1 ', '.', '-', '+', 'e5', '1e', '1e+', 'nan', 'NaN', 'Infinity', '0x10', '1,5', '--1', '1.2.3',
      '123456789012345678', '1e400', '1.5e-30', '0.00000012345678901234567', '1e23', '12345678901234567e1']) {
      assert.equal(parse(text), undefined, text);
    }
  });

  it('reads whole lines of fields, stops at the first line it cannot read, and counts blank lines', () => {
    const run = readLines('3.25,-1e-3,7\r\n\n1,2,3\n4,,6\n7,8,9\n', 3);
    assert.deepEqual(run.columns, [[3.25, 1], [-0.001, 2], [7, 3]]);
    assert.equal(run.lines, 3, 'two lines of numbers and the blank one');
    assert.equal(run.pos, '3.25,-1e-3,7\r\n\n1,2,3\n'.length, 'stops at the start of the line with an empty field');
    assert.equal(readLines('1,2\n3', 2, false).lines, 1, 'an unterminated last line waits for the next chunk');
    assert.equal(readLines('1,2\n3,4', 2, true).lines, 2, 'unless the file ends there');
    assert.equal(readLines('1,2,3\n', 2).lines, 0, 'too many fields');
    assert.equal(readLines('1\n', 2).lines, 0, 'too few fields');
  });

  it('reads runs of 8 digits on either side of the decimal point, and shorter numbers, as Number() does', () => {
    const texts = [
      '1', '12', '1234567', '12345678', '123456789', '1234567812345678', '12345678123456781',
      '1.5', '-3.25', '0.1234567', '0.12345678', '0.123456789', '12345678.9', '1234567.8', '123456789.5',
      '12345678.12345678', '1.2345678123456781', '1234567812345678.1', '99999999999999999', '99999999.999999999',
      '0.99999999999999999', '-123.45678901234567', '6.254418754620364', '-0.5611299262351936', '22.808940046385537',
      // leading zeros are not significant digits
      '000123.5', '0000000012345678.5', '00000000000000000001.5', '0.000123', '0000000000.000000001', '-0000.0000', '0.00000000',
      '0.0012345678901234567', '0.00000001234567891', '0.000012345678901234567', '0.0000012345678901234567',
      '-0.00013600665589164063', '99999999999999999e-22', '9007199254740993e-22', '1e-22',
      // signs and exponents
      '+1.5', '-0.0', '+0', '1e5', '1E-5', '1.5e+10', '-2.5e-3', '1e22', '12345678901234567e-5', '1234567890123456.7e-3',
      '12345678e8', '.5e1', '5.e-1', '0e999', '-0e-999',
    ];
    for (const text of texts) assert.ok(agrees(text), `${text} read`);
  });

  it('declines more than 17 significant digits, trailing zeros included', () => {
    for (const text of ['123456789012345678', '1234567890123456789', '100000000000000000', '123456789.012345678',
      '1.2345678901234567800', '0.123456789012345678', '12345678123456781.0']) {
      assert.equal(parse(text), undefined, text);
    }
    for (const text of ['+-1', '-+1', '1e+-2', '1.e', '1e1000000', '1\u00002', '1\u00e9']) assert.equal(parse(text), undefined, text);
  });

  it('ends lines at LF, CRLF, or the end of the file (a CR before it too)', () => {
    assert.deepEqual(readLines('1,2.5\r\n-3,4\r\n', 2).columns, [[1, -3], [2.5, 4]]);
    assert.deepEqual(readLines('1,2.5\r\n-3,4', 2).columns, [[1, -3], [2.5, 4]]);
    assert.deepEqual(readLines('1,2.5\n-3,4\r', 2).columns, [[1, -3], [2.5, 4]]);
    const run = readLines('1,2\r\n\r\n\n\r', 2);
    assert.deepEqual([run.columns, run.lines, run.pos], [[[1], [2]], 4, 9]);
    assert.equal(readLines('1,2\r3,4\n', 2).lines, 0, 'a CR inside a line');
    assert.equal(readLines('1,2\n3,4\r', 2, false).lines, 1, 'a CR at the end of a chunk waits for its LF');
  });

  it('never reads past the end of the loaded chunk, whatever kernel memory holds after it', () => {
    // the first load leaves digits in kernel memory after where the second one ends
    readLines('9'.repeat(64), 1);
    const text = '1,2.25\n3,4.1234567890123';
    const bytes = Buffer.from(text + '99999999', 'latin1');
    for (let cut = text.length - 16; cut <= text.length; cut++) {
      const columns = [new Float64ColumnBuilder(16), new Float64ColumnBuilder(16)];
      reader.load(bytes, 0, cut);
      const waiting = reader.read(0, cut, false, columns);
      assert.equal(waiting.lines, 1, `cut at ${cut}: the second line waits for the next chunk`);
      assert.equal(waiting.pos, 7);
      const ended = reader.read(7, cut, true, columns);
      const last = text.slice(7, cut).split(',');
      const expected = last.length === 2 && last[1] !== '' ? 2 : 1;
      assert.equal(ended.lines, expected - 1, `cut at ${cut}: "${text.slice(7, cut)}" at the end of the file`);
      if (expected === 2) assert.deepEqual(Array.from(columns[1]!.finish()), [2.25, Number(last[1])], `cut at ${cut}`);
    }
  });

  it('rounds ties to even on the 16-17 digit path, as Number() does', () => {
    // odd integers in [2^53, 2^54) lie halfway between two doubles; so do odd halves below 2^53
    const rng = new Random(11);
    for (let i = 0; i < 2000; i++) {
      const odd = 2 ** 53 + 2 * rng.int(2 ** 20) + 1;
      assert.ok(agrees(`${odd}.0`), `${odd}.0 read`);
      assert.ok(agrees(`${odd}0e-1`));
      const whole = 2 ** 52 + rng.int(2 ** 20); // in [2^52, 2^53) doubles are 1 apart: whole.5 is a tie
      assert.ok(agrees(`${whole}.5`), `${whole}.5 read`);
    }
  });

  it('agrees with Number() on a million shortest round-trip doubles and random digit strings', () => {
    const rng = new Random(7);
    let read = 0;
    let total = 0;
    for (let i = 0; i < 150_000; i++) {
      const x = (rng.uniform() - 0.5) * 10 ** (rng.int(24) - 8);
      const digits = Array.from({ length: 1 + rng.int(18) }, () => rng.int(10)).join('');
      const dot = rng.int(digits.length + 1);
      const texts = [
        String(x),
        x.toPrecision(1 + rng.int(17)),
        x.toFixed(rng.int(20)),
        `${digits.slice(0, dot)}.${digits.slice(dot)}`,
        `-${digits}e-${rng.int(25)}`,
        `${digits}E${rng.int(25)}`,
        String(rng.normal() * 10 + rng.int(1000)),
      ];
      for (const text of texts) {
        total++;
        if (agrees(text)) read++;
      }
    }
    // the point is speed on what CSV writers print: nearly all of it must take the fast path
    assert.ok(read / total > 0.8, `read ${read} of ${total}`);
  });
});
