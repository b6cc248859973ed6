/** calculator.ts: memo slots, by name and by parameter values. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { memoKey, parameterMemoKeys, SeriesContext } from '../../src/features/calculator.js';

test('parameterMemoKeys gives the slot of the name the parameters spell, made once', () => {
  const ar = parameterMemoKeys('test.ar');
  assert.equal(ar(3), memoKey('test.ar.3'));
  assert.equal(ar(3), ar(3));
  assert.notEqual(ar(3), ar(4));
  assert.equal(ar(null), memoKey('test.ar.null'));
  const friedrich = parameterMemoKeys('test.friedrich');
  assert.equal(friedrich(3, 30), memoKey('test.friedrich.3.30'));
  assert.notEqual(friedrich(3, 30), friedrich(30, 3));
  assert.notEqual(friedrich(3, 30), friedrich(3));
  // the slot works in a context made before the key
  const ctx = new SeriesContext(Float64Array.of(1, 2));
  let runs = 0;
  const late = parameterMemoKeys('test.late')(1.5, 'x');
  assert.equal(ctx.memo(late, () => ++runs), 1);
  assert.equal(ctx.memo(late, () => ++runs), 1);
  assert.equal(ctx.peek('test.late.1.5.x'), 1);
});
