import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareWithGolden, loadGolden } from './golden.js';

// GOLDEN_ONLY=mean,median limits the check to some calculators while one works on them.
const only = process.env.GOLDEN_ONLY ? new Set(process.env.GOLDEN_ONLY.split(',')) : undefined;

test('every calculator matches tsfresh 0.20.3 on the golden series', () => {
  const golden = loadGolden();
  const { mismatches, missing, checked, exempted } = compareWithGolden(golden, only);
  const report = mismatches
    .slice(0, 40)
    .map((m) => `${m.series} ${m.feature}: expected ${m.expected}, got ${m.actual}`)
    .join('\n');
  assert.deepEqual(missing, [], `calculators not implemented: ${missing.join(', ')}`);
  assert.ok(checked > 0, 'no golden value was checked');
  // at most the 11 ar_coefficient values of one constant series (see `exempt` in golden.ts)
  assert.ok(exempted <= 11, `${exempted} values exempted`);
  assert.equal(mismatches.length, 0, `${mismatches.length} of ${checked} golden values differ:\n${report}`);
});
