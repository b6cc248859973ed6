import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RowTextFormatter } from '../../src/features/number-text.js';
import { Random } from '../../src/util/random.js';

/** What util/csv.ts writes for a row: String(x) per value, NaN as an empty field. */
const expected = (values: Float64Array): string => Array.from(values, (x) => (Number.isNaN(x) ? '' : String(x))).join(',');

function format(values: Float64Array): string {
  const bytes = new Uint8Array(values.length * 25 + 8);
  const end = new RowTextFormatter().write(values, 0, values.length, bytes, 3);
  return Buffer.from(bytes.subarray(3, end)).toString('latin1');
}

test('every layout String() uses, and the special values', () => {
  const values = Float64Array.from([
    0, -0, 1, -1, 7, 10, 123, 1e21, 1e20, 123456789012345680000, 1.5, -0.001, 0.1, 0.2 + 0.1, 1 / 3,
    1e-6, 1.2345e-6, 1e-7, -1.5e-7, 5e-324, -5e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
    Number.MAX_SAFE_INTEGER, 2 ** 53 + 2, 2 ** 63, 2 ** -1074 * 3, 9007199254740993, 4.35, 0.3, 100, 1e22, 1e23,
    Infinity, -Infinity, NaN, 12.5, 1.25e-5, 123e-20, 5e-7, 2 ** 60, 2 ** -20,
  ]);
  assert.equal(format(values), expected(values));
});

test('a million random doubles of every magnitude read exactly as String() writes them', () => {
  const rng = new Random(11);
  const bits = new Float64Array(1);
  const words = new Uint32Array(bits.buffer);
  const values = new Float64Array(1_000_000);
  for (let i = 0; i < values.length; i++) {
    const kind = i % 4;
    if (kind === 0) {
      // any bit pattern that is a finite double (subnormals and the extremes included)
      do {
        words[0] = rng.uint32();
        words[1] = rng.uint32();
      } while (!Number.isFinite(bits[0]!));
      values[i] = bits[0]!;
    } else if (kind === 1) values[i] = rng.normal() * 10 ** Math.floor(rng.uniform() * 60 - 30);
    else if (kind === 2) values[i] = Math.round(rng.normal() * 10 ** Math.floor(rng.uniform() * 22)) / 10 ** Math.floor(rng.uniform() * 8);
    else values[i] = 2 ** Math.floor(rng.uniform() * 2000 - 1070) * (1 + Math.floor(rng.uniform() * 8) / 8);
  }
  const got = format(values).split(',');
  const want = expected(values).split(',');
  assert.equal(got.length, want.length);
  for (let i = 0; i < want.length; i++) if (got[i] !== want[i]) assert.fail(`value ${i} (${values[i]}): "${got[i]}", String() gives "${want[i]}"`);
});

/** The double after x (x finite, >= 0). */
function nextUp(x: number): number {
  const bits = new Float64Array([x]);
  const words = new BigUint64Array(bits.buffer);
  words[0]! += 1n;
  return bits[0]!;
}

test('every power of two (the kernel\'s shorter-interval path) and its neighbours, both signs', () => {
  const values: number[] = [];
  for (let e = -1074; e <= 1023; e++) {
    const x = 2 ** e;
    values.push(x, -x, nextUp(x));
  }
  const array = Float64Array.from(values);
  assert.equal(format(array), expected(array));
});

test('integers near 2^53 and the 1e21 switch to exponent notation', () => {
  const values: number[] = [];
  for (let i = -300; i <= 300; i++) values.push(2 ** 53 + i * 2, 2 ** 53 + i, 2 ** 53 + i + 0.5, -(2 ** 53 + i));
  let above = 1e21;
  for (let i = 0; i < 200; i++) {
    const below = 1e21 - 131072 * i; // the doubles below 1e21 (2^69 <= x < 2^70: ulp 2^17)
    values.push(below, above, -below);
    above = nextUp(above);
  }
  values.push(999999999999999900000, 999999999999999999999, 1e21 - 65536, 123456789012345678901, 2 ** 69, 2 ** 70);
  const array = Float64Array.from(values);
  assert.equal(format(array), expected(array));
});

test('subnormals, the smallest normals and the 1e-6 / 1e-7 layout boundary', () => {
  const rng = new Random(5);
  const values: number[] = [5e-324, 1e-323, 2.225073858507201e-308, 2.2250738585072014e-308, 2.2250738585072019e-308];
  const bits = new Float64Array(1);
  const words = new Uint32Array(bits.buffer);
  for (let i = 0; i < 20_000; i++) {
    words[0] = rng.uint32();
    words[1] = rng.uint32() & (i % 2 ? 0x000fffff : 0x0000000f); // exponent field 0: subnormal
    values.push(bits[0]!, -bits[0]!);
  }
  for (let i = 0; i < 20_000; i++) values.push((1 + rng.uniform()) * 1e-6, (1 + rng.uniform()) * 1e-7, -(1 + rng.uniform()) * 5e-7);
  values.push(1e-6, 9.999999999999999e-7, 1.0000000000000002e-6, -1.2345678901234567e-6, 1e-7, 1e-323);
  const array = Float64Array.from(values);
  assert.equal(format(array), expected(array));
});

test('short decimals of every magnitude, whose trailing zeros come off', () => {
  const rng = new Random(6);
  const values: number[] = [];
  for (let e = -325; e <= 308; e++) {
    for (const d of [1, 5, 12, 25, 125, 999, 1000001, Math.floor(rng.uniform() * 1e6), Math.floor(rng.uniform() * 1e12)]) {
      values.push(Number(`${d}e${e}`), -Number(`${d}e${e}`));
    }
  }
  const array = Float64Array.from(values);
  assert.equal(format(array), expected(array));
});
