import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as decimal from '../../src/telemetry/decimal-bytes.js';
import { NOT_FAST, parseDecimalBytes, scanDecimalBytes } from '../../src/telemetry/decimal-bytes.js';
import { Random } from '../../src/util/random.js';

/** parseDecimalBytes on the ASCII bytes of `text`. */
function parse(text: string): number {
  const bytes = Buffer.from(text, 'latin1');
  return parseDecimalBytes(bytes, 0, bytes.length);
}

/** Asserts the fast reader either declines `text` or gives exactly Number(text); returns whether it read it. */
function agrees(text: string): boolean {
  const value = parse(text);
  if (value === NOT_FAST) return false;
  assert.ok(Object.is(value, Number(text)), `${text}: read ${value}, Number() gives ${Number(text)}`);
  return true;
}

describe('parseDecimalBytes', () => {
  it('reads plain forms exactly as Number() does', () => {
    const cases: [string, number][] = [
      ['0', 0], ['-0', -0], ['+7', 7], ['12', 12], ['-2.5', -2.5], ['0.1', 0.1], ['.5', 0.5], ['1.', 1],
      ['1e+21', 1e21], ['2.5E-3', 0.0025], ['1700000001', 1700000001], ['0.30000000000000004', 0.30000000000000004],
      ['123.45600000000000', 123.456], ['-12.345678901234567', -12.345678901234567],
    ];
    for (const [text, expected] of cases) assert.ok(Object.is(parse(text), expected), `${text} -> ${parse(text)}`);
  });

  it('declines what it does not read, for the caller to read as text', () => {
    for (const text of ['', ' 1', '1 ', '.', '-', '+', 'e5', '1e', '1e+', 'nan', 'NaN', 'Infinity', '0x10', '1,5', '--1', '1.2.3',
      '123456789012345678', '1e400', '1.5e-30', '0.000012345678901234567']) {
      assert.equal(parse(text), NOT_FAST, text);
    }
  });

  it('reads a field inside a larger buffer without looking past its end', () => {
    const bytes = Buffer.from('x,3.25,7', 'latin1');
    assert.equal(parseDecimalBytes(bytes, 2, 6), 3.25);
    assert.equal(parseDecimalBytes(bytes, 2, 3), 3);
    assert.equal(parseDecimalBytes(bytes, 7, 8), 7);
  });

  it('scans a number up to the first byte that cannot continue it, and says where', () => {
    const bytes = Buffer.from('3.25,-1e-3,7x,1e,,12', 'latin1');
    assert.equal(scanDecimalBytes(bytes, 0, bytes.length), 3.25);
    assert.equal(decimal.scanEnd, 4);
    assert.equal(scanDecimalBytes(bytes, 5, bytes.length), -0.001);
    assert.equal(decimal.scanEnd, 10);
    assert.equal(scanDecimalBytes(bytes, 11, bytes.length), 7);
    assert.equal(decimal.scanEnd, 12, 'stops at the x (the caller decides what that means)');
    assert.equal(scanDecimalBytes(bytes, 14, bytes.length), NOT_FAST, 'an exponent without digits');
    assert.equal(scanDecimalBytes(bytes, 17, bytes.length), NOT_FAST, 'an empty field');
    assert.equal(scanDecimalBytes(bytes, 18, bytes.length), 12);
    assert.equal(decimal.scanEnd, bytes.length);
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
