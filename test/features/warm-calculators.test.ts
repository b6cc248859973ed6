/** warm-calculators.ts: series counted per calculator name, warm from WARM_SERIES on. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allWarm, noteSeriesRun, WARM_SERIES } from '../../src/features/warm-calculators.js';

test('a calculator is warm once it has run on WARM_SERIES series in this thread, counted across calls', () => {
  const names = ['test_only_a', 'test_only_b'];
  assert.equal(allWarm(names), false);
  noteSeriesRun(names, WARM_SERIES - 1);
  assert.equal(allWarm(names), false);
  noteSeriesRun(['test_only_a'], 1);
  assert.equal(allWarm(['test_only_a']), true);
  assert.equal(allWarm(names), false, 'b has run one series fewer');
  noteSeriesRun(['test_only_b'], 1);
  assert.equal(allWarm(names), true);
  assert.equal(allWarm([]), true, 'no calculator: nothing to compile');
});
