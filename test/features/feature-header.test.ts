/** feature-header.ts: the header from the plan's (kind, tails, runs) groups is formatCsvRow's line of the names. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { table } from 'arquero';
import { formatGroupedHeader, formatHeader } from '../../src/features/feature-header.js';
import { groupColumnName, groupColumnNames, groupsWidth, type ColumnGroup } from '../../src/features/column-groups.js';
import { formatCsvRow } from '../../src/util/csv.js';
import { compilePlan } from '../../src/features/plan.js';
import { KindToFcParameters } from '../../src/features/kind-to-fc-parameters.js';
import { namedSettings } from '../../src/features/settings.js';
import { extractFeatureValues } from '../../src/features/extract-values.js';

const ids = ['job_id', 'component_id'];

test('grouped header: quotes, commas, white space, $ patterns and empty parts, as formatCsvCell writes each name', () => {
  const tails = ['__plain', '__fft_coefficient__attr_"real"__coeff_0', '__cwt__widths_(2, 5)', '__ends space ', '__tab\t', '__x\r\ny', '__a'];
  const odd = ['', '__has\u0000nul'];
  const groups: ColumnGroup[] = [
    { kind: 'cpu::s', tails, runs: [0, tails.length] },
    { kind: 'mem$&x$$::s', tails, runs: [1, 3, 5, 7] },
    { kind: 'q"uote', tails, runs: [0, 2] },
    { kind: 'com,ma', tails, runs: [0, 1] },
    { kind: ' lead', tails, runs: [0, 1, 3, 4] },
    { kind: 'trail ', tails, runs: [0, 1] },
    { kind: 'none', tails, runs: [] },
    { kind: '', tails, runs: [0, 1] },
    { kind: 'odd', tails: odd, runs: [0, 2] },
    { kind: '\u00e9t\u00e9', tails, runs: [6, 7] },
  ];
  const names = groupColumnNames(groups);
  assert.equal(names.length, 7 + 4 + 2 + 1 + 2 + 1 + 0 + 1 + 2 + 1);
  assert.equal(names[7], 'mem$&x$$::s__fft_coefficient__attr_"real"__coeff_0');
  assert.equal(groupsWidth(groups), names.length);
  names.forEach((name, c) => assert.equal(groupColumnName(groups, c), name));
  assert.throws(() => groupColumnName(groups, names.length), RangeError);
  const expected = formatCsvRow([...ids, ...names]);
  assert.equal(formatGroupedHeader(ids, groups), expected);
  assert.equal(formatHeader([...ids, ...names]), expected);
});

test('grouped header of the efficient plan equals the header of its names', () => {
  const kinds = ['a::s', 'b"x::s', 'c::s'];
  const plan = compilePlan(KindToFcParameters.forKinds(kinds, namedSettings('efficient')));
  const groups = plan.kinds.map((k, i) => ({ kind: k.kind, tails: k.tails, runs: i === 1 ? [3, 10, 20, k.width] : [0, k.width] }));
  assert.equal(formatGroupedHeader(ids, groups), formatCsvRow([...ids, ...groupColumnNames(groups)]));
  assert.deepEqual(groupColumnNames(groups.map((g, i) => ({ ...g, runs: [0, plan.kinds[i]!.width] }))), plan.columns);
});

test('an extraction gives column groups that name exactly its columns, NaN columns dropped', async () => {
  const n = 6;
  const t = table({
    job_id: [1, 1, 1, 1, 1, 1],
    component_id: [7, 7, 7, 7, 7, 7],
    timestamp: Array.from({ length: n }, (_, i) => i),
    'up::s': [1, 2, 3, 4, 5, 6],
    'flat::s': [2, 2, 2, 2, 2, 2],
  });
  const result = await extractFeatureValues(t, 'efficient', { workers: 0 });
  assert.ok(result.dropped.length > 0, 'a constant series gives NaN columns');
  assert.deepEqual(groupColumnNames(result.features.columnGroups!), result.features.columns);
  const kept = await extractFeatureValues(t, 'efficient', { workers: 0, keepNaN: true });
  assert.deepEqual(groupColumnNames(kept.features.columnGroups!), kept.features.columns);
});
