import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hypot } from '../../src/features/numeric/hypot.js';
import { Random } from '../../src/util/random.js';

test('hypot(a, b) is Math.hypot(a, b) to the bit: random magnitudes, bit patterns and the special values', () => {
  const rng = new Random(2);
  const bits = new Float64Array(2);
  const words = new Uint32Array(bits.buffer);
  const specials = [0, -0, 1, -1, 3, 4, 5e-324, -5e-324, 1e308, 1.7976931348623157e308, 2.2250738585072014e-308, Infinity, -Infinity, NaN];
  for (const a of specials) for (const b of specials) assert.ok(Object.is(hypot(a, b), Math.hypot(a, b)), `hypot(${a}, ${b})`);
  for (let i = 0; i < 300_000; i++) {
    let a: number;
    let b: number;
    if (i % 2) {
      for (let w = 0; w < 4; w++) words[w] = rng.uint32();
      [a, b] = [bits[0]!, bits[1]!];
    } else {
      a = rng.normal() * 10 ** Math.floor(rng.uniform() * 40 - 20);
      b = rng.normal() * 10 ** Math.floor(rng.uniform() * 40 - 20);
    }
    const got = hypot(a, b);
    const want = Math.hypot(a, b);
    if (!Object.is(got, want)) assert.fail(`hypot(${a}, ${b}) = ${got}, Math.hypot gives ${want}`);
  }
});
