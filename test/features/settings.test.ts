import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadGolden } from './golden.js';
import { comprehensive, efficient, minimal, namedSettings, HIGH_COMP_COST } from '../../src/features/settings.js';
import { KindToFcParameters } from '../../src/features/kind-to-fc-parameters.js';
import { tsfreshSuffixes } from '../../src/features/feature-names.js';
import { resolveCalculator } from '../../src/features/plan.js';

const golden = loadGolden();
const goldenNames = Object.keys(golden.features[golden.series[0]!.id]!);
const NOT_IN_GOLDEN = new Set(['linear_trend_timewise', 'query_similarity_count']);

test('comprehensive, less the two calculators the golden file leaves out, gives exactly the golden 782 names in order', () => {
  const fc = Object.fromEntries(Object.entries(comprehensive).filter(([name]) => !NOT_IN_GOLDEN.has(name)));
  const names = KindToFcParameters.forKinds(['value'], fc).columns();
  assert.equal(names.length, 782);
  assert.deepEqual(names, goldenNames);
});

test('comprehensive adds linear_trend_timewise (5) and query_similarity_count (1), and has no matrix_profile', () => {
  const names = KindToFcParameters.forKinds(['m'], comprehensive).columns();
  assert.equal(names.length, 788);
  assert.ok(names.includes('m__linear_trend_timewise__attr_"slope"'));
  assert.ok(names.includes('m__query_similarity_count__query_None__threshold_0.0'));
  assert.ok(!Object.keys(comprehensive).includes('matrix_profile'));
});

test('efficient is comprehensive less sample_entropy and approximate_entropy', () => {
  assert.deepEqual(
    Object.keys(comprehensive).filter((name) => !(name in efficient)),
    ['sample_entropy', 'approximate_entropy'],
  );
  assert.deepEqual([...HIGH_COMP_COST].sort(), ['approximate_entropy', 'sample_entropy']);
  assert.equal(KindToFcParameters.forKinds(['m'], efficient).columns().length, 788 - 1 - 5);
});

test('minimal is the 10 calculators of MinimalFCParameters, in tsfresh order', () => {
  assert.deepEqual(Object.keys(minimal), [
    'sum_values', 'median', 'mean', 'length', 'standard_deviation', 'variance', 'root_mean_square', 'maximum', 'absolute_maximum', 'minimum',
  ]);
  assert.ok(Object.values(minimal).every((p) => p === null));
});

test('namedSettings finds the three and rejects others by name', () => {
  assert.equal(namedSettings('efficient'), efficient);
  assert.throws(() => namedSettings('fast'), /unknown feature settings "fast"/);
});

test('every registered calculator names its outputs as tsfresh does for the comprehensive grid', () => {
  for (const [name, params] of Object.entries(comprehensive)) {
    const calculator = resolveCalculator(name);
    if (!calculator) continue;
    assert.deepEqual(calculator.outputs(params), tsfreshSuffixes(name, params), name);
  }
});
