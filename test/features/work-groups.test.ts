import assert from 'node:assert/strict';
import { test } from 'node:test';
import { table } from 'arquero';
import { extractFeatures, resolveSettings } from '../../src/features/extract.js';
import { ExtractionWorkers } from '../../src/features/worker-pool.js';
import { compilePlan } from '../../src/features/plan.js';
import { KindToFcParameters } from '../../src/features/kind-to-fc-parameters.js';
import { namedSettings } from '../../src/features/settings.js';
import { COLD_GROUP_MS, groupSteps, singleGroup, splitWork, stealReserve } from '../../src/features/work-groups.js';

const efficientSettings = KindToFcParameters.forKinds(['a::s', 'b::s'], namedSettings('efficient'));
const efficientPlan = compilePlan(efficientSettings);

test('splitWork keeps calculators that share per-series work together and balances the groups', () => {
  const groups = splitWork(efficientSettings, 2);
  assert.equal(groups.count, 2);
  const groupOf = new Map(groups.assignment);
  const names = new Set(efficientPlan.kinds[0]!.steps.map((s) => s.calculator.name));
  assert.deepEqual(new Set(groupOf.keys()), names, 'every calculator has a group');
  for (const family of [
    ['fft_coefficient', 'fft_aggregated'],
    ['spkt_welch_density', 'fourier_entropy'],
    ['friedrich_coefficients', 'max_langevin_fixed_point'],
    ['has_duplicate', 'sum_of_reoccurring_values', 'ratio_value_number_to_time_series_length'],
    ['agg_autocorrelation', 'autocorrelation', 'partial_autocorrelation'],
  ]) {
    assert.equal(new Set(family.map((name) => groupOf.get(name))).size, 1, family.join(', '));
  }
  // the two heaviest calculators go to different groups, and both groups get work
  assert.notEqual(groupOf.get('number_cwt_peaks'), groupOf.get('augmented_dickey_fuller'));
  assert.ok([...groupOf.values()].includes(0) && [...groupOf.values()].includes(1));
  // a smaller share for group 0 gives it fewer calculators' worth of cost
  const lighter = new Map(splitWork(efficientSettings, 2, [0.25]).assignment);
  const count = (m: Map<string, number>) => [...m.values()].filter((g) => g === 0).length;
  assert.ok(count(lighter) < count(groupOf), `${count(lighter)} < ${count(groupOf)}`);
});

test('groupSteps partitions every kind\'s steps, in plan order; one family gives one group', () => {
  const groups = splitWork(efficientSettings, 3);
  const byKind = groupSteps(efficientPlan, groups);
  efficientPlan.kinds.forEach((kind, k) => {
    const all = byKind[k]!.flat();
    assert.equal(all.length, kind.steps.length);
    assert.deepEqual(new Set(all), new Set(kind.steps));
    for (const steps of byKind[k]!) assert.deepEqual(steps, kind.steps.filter((s) => steps.includes(s)), 'plan order');
  });
  assert.deepEqual(groupSteps(efficientPlan, singleGroup()).map((g) => g[0]), efficientPlan.kinds.map((k) => k.steps));
  const fftOnly = KindToFcParameters.forKinds(['a::s'], { fft_coefficient: [{ coeff: 0, attr: 'real' }], fft_aggregated: [{ aggtype: 'centroid' }] });
  assert.equal(splitWork(fftOnly, 2).count, 1);
});

test('a split pool computes the same values as this thread alone', async () => {
  const job: number[] = [], comp: number[] = [], ts: number[] = [], a: number[] = [], b: number[] = [];
  for (let s = 0; s < 4; s++) {
    for (let i = 0; i < 80; i++) {
      job.push(1); comp.push(s); ts.push(i);
      a.push(Math.sin(i * 0.2 * (s + 1)) * 3 + i * 0.05);
      b.push(((i * 37 + s * 11) % 19) - 9);
    }
  }
  const t = table({ job_id: job, component_id: comp, timestamp: ts, 'a::s': a, 'b::s': b });
  const k2fc = resolveSettings('efficient', ['a::s', 'b::s']);
  const pool = ExtractionWorkers.start(1, k2fc);
  try {
    assert.equal(pool.groups.count, 2);
    const here = await extractFeatures(t, 'efficient', { workers: 0, keepNaN: true });
    const there = await extractFeatures(t, k2fc, { pool, keepNaN: true });
    assert.deepEqual(Array.from(there.matrix.values), Array.from(here.matrix.values));
    // the workers alone (this thread computes nothing): they take group 0's units too
    const workersOnly = await extractFeatures(t, k2fc, { pool, workersOnly: true, keepNaN: true });
    assert.equal(workersOnly.workersUsed, 1, workersOnly.workerFailures.join('; '));
    assert.deepEqual(Array.from(workersOnly.matrix.values), Array.from(here.matrix.values));
  } finally {
    await pool.close();
  }
});

test('another group is left to its own thread for its last units worth less than the cold start', () => {
  // COLD_GROUP_MS = 8: with 4.5 ms units, 2 units (9 ms) outweigh it, 1 (4.5 ms) does not
  assert.equal(COLD_GROUP_MS, 8);
  assert.equal(stealReserve(4.5), 2);
  assert.equal(stealReserve(8), 1);
  assert.equal(stealReserve(20), 1);
  assert.equal(stealReserve(0.5), 16);
  // no unit of its own timed: 2 units
  assert.equal(stealReserve(0), 2);
});
