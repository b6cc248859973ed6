import { test } from 'node:test';
import assert from 'node:assert/strict';
import { table } from 'arquero';
import { paramCalculator, scalarCalculator, type Calculator } from '../../src/features/calculator.js';
import { extractFeatures, extractSeriesFeatures } from '../../src/features/extract.js';
import { KindToFcParameters } from '../../src/features/kind-to-fc-parameters.js';
import { num } from '../../src/features/params.js';
import { resolveCalculator } from '../../src/features/plan.js';

// Small hand-checkable calculators under tsfresh names (the real ones live in calculators/).
const mine: ReadonlyMap<string, Calculator> = new Map([
  ['mean', scalarCalculator('mean', (x) => x.reduce((a, b) => a + b, 0) / x.length)],
  ['length', scalarCalculator('length', (x) => x.length)],
  ['maximum', scalarCalculator('maximum', (x) => Math.max(...x))],
  ['mean_change', scalarCalculator('mean_change', (x) => (x.length > 1 ? (x[x.length - 1]! - x[0]!) / (x.length - 1) : Number.NaN))],
  ['quantile', paramCalculator('quantile', (x, p) => x[Math.floor(num(p.q) * (x.length - 1))]!)],
]);

// Two samples, rows deliberately out of time order; job 7 / component 2 has 3 rows, 7 / 1 has 4.
const tidy = table({
  job_id: [7, 7, 7, 7, 7, 7, 7],
  component_id: [2, 1, 2, 1, 1, 2, 1],
  timestamp: [30, 40, 10, 10, 20, 20, 30],
  'a::s': [3, 40, 1, 10, 20, 2, 30],
  'b::s': [0, 4, 0, 1, 2, 0, 3],
});

test('one row per (job_id, component_id), sorted by component, values of time-sorted series', async () => {
  const fc = { mean: null, length: null, mean_change: null };
  const { matrix, dropped } = await extractFeatures(tidy, fc, { calculators: mine });
  assert.deepEqual(dropped, []);
  assert.deepEqual(matrix.keys.componentId, [1, 2]);
  assert.deepEqual(matrix.keys.jobId, [7, 7]);
  assert.equal(matrix.keys.windowStart, null);
  assert.deepEqual(matrix.columns, ['a::s__mean', 'a::s__length', 'a::s__mean_change', 'b::s__mean', 'b::s__length', 'b::s__mean_change']);
  // component 1: a = 10,20,30,40 ; b = 1,2,3,4 ; component 2: a = 1,2,3 ; b = 0,0,0
  assert.deepEqual(Array.from(matrix.values), [25, 4, 10, 2.5, 4, 1, 2, 3, 1, 0, 3, 0]);
});

test('NaN columns are dropped and reported unless keepNaN', async () => {
  const one = table({ job_id: [1, 1, 2], component_id: [1, 1, 1], timestamp: [0, 1, 0], 'm::s': [1, 3, 5] });
  const fc = { mean_change: null, mean: null };
  const dropped = await extractFeatures(one, fc, { calculators: mine });
  assert.deepEqual(dropped.dropped, ['m::s__mean_change']);
  assert.deepEqual(dropped.matrix.columns, ['m::s__mean']);
  const kept = await extractFeatures(one, fc, { calculators: mine, keepNaN: true });
  assert.deepEqual(kept.dropped, []);
  assert.ok(Number.isNaN(kept.matrix.get(1, 0)));
  assert.equal(kept.matrix.get(0, 0), 2);
});

test('a KindToFcParameters extracts only its kinds with their own calculators', async () => {
  const k2fc = KindToFcParameters.fromColumns(['b::s__maximum', 'a::s__quantile__q_0.5', 'a::s__quantile__q_1.0']);
  const { matrix } = await extractFeatures(tidy, k2fc, { calculators: mine });
  assert.deepEqual(matrix.columns, ['b::s__maximum', 'a::s__quantile__q_0.5', 'a::s__quantile__q_1.0']);
  assert.deepEqual(Array.from(matrix.values), [4, 20, 40, 0, 2, 3]);
  const missing = KindToFcParameters.fromColumns(['c::s__maximum']);
  await assert.rejects(extractFeatures(tidy, missing, { calculators: mine, source: 'x.csv' }), /x\.csv: the metric column "c::s" is missing/);
});

test('rolling windows give one row per window with its start timestamp', async () => {
  const { matrix } = await extractFeatures(tidy, { mean: null }, { calculators: mine, windows: { rollingDirection: 1, maxTimeshift: 1, minTimeshift: 1 } });
  // P = 4: ends 1..4; component 1 (4 rows): [0,2) [1,3) [2,4); component 2 (3 rows): [0,2) [1,3)
  assert.deepEqual(matrix.keys.componentId, [1, 1, 1, 2, 2]);
  assert.deepEqual(matrix.keys.windowStart, [10, 20, 30, 10, 20]);
  assert.deepEqual(matrix.keys.windowEnd, [20, 30, 40, 20, 30]);
  assert.deepEqual(matrix.column('a::s__mean'), Float64Array.from([15, 25, 35, 1.5, 2.5]));
  assert.deepEqual(matrix.header().slice(0, 3), ['job_id', 'component_id', 'window_start']);
});

test('progress reaches (total, total) and the toTable view holds keys then features', async () => {
  const calls: [number, number][] = [];
  const { matrix, series } = await extractFeatures(tidy, { length: null }, { calculators: mine, onProgress: (d, t) => calls.push([d, t]) });
  assert.equal(series, 4);
  assert.deepEqual(calls.at(-1), [4, 4]);
  const t = matrix.toTable();
  assert.deepEqual(t.columnNames(), ['job_id', 'component_id', 'a::s__length', 'b::s__length']);
  assert.deepEqual(Array.from(t.array('a::s__length') as Float64Array), [4, 3]);
});

test('bad input is refused with the column named', async () => {
  const noStamp = table({ job_id: [1], component_id: [1], 'm::s': [1] });
  await assert.rejects(extractFeatures(noStamp, { mean: null }, { calculators: mine, source: 'in.csv' }), /in\.csv: the column "timestamp" is missing/);
  const gap = table({ job_id: [1, 1], component_id: [1, 1], timestamp: [0, 1], 'm::s': [1, Number.NaN] });
  await assert.rejects(extractFeatures(gap, { mean: null }, { calculators: mine }), /column "m::s", row 2 \(job_id 1, component_id 1\): missing value/);
  const dropped = await extractFeatures(gap, { length: null }, { calculators: mine, missingValues: 'drop' });
  assert.equal(dropped.matrix.get(0, 0), 1);
  await assert.rejects(extractFeatures(tidy, { nonsense: null }), /feature calculator "nonsense" is not implemented/);
});

test('date-time strings sort as times', async () => {
  const t = table({
    job_id: ['j', 'j', 'j'],
    component_id: ['n1', 'n1', 'n1'],
    timestamp: ['2020-01-01 00:00:02.500000', '2020-01-01 00:00:01.000000', '2019-12-31 23:59:59.000000'],
    'm::s': [3, 2, 1],
  });
  const { matrix } = await extractFeatures(t, { mean_change: null }, { calculators: mine });
  assert.equal(matrix.get(0, 0), 1);
});

test('extractSeriesFeatures names one series as tsfresh does', () => {
  const { columns, values } = extractSeriesFeatures([1, 2, 3, 4], { quantile: [{ q: 0.5 }], length: null }, 'value', { resolve: (n) => mine.get(n) });
  assert.deepEqual(columns, ['value__quantile__q_0.5', 'value__length']);
  assert.deepEqual(Array.from(values), [2, 4]);
});

test('worker threads give the same matrix as this thread (registered calculators)', async () => {
  const names = ['binned_entropy', 'permutation_entropy', 'lempel_ziv_complexity', 'mean', 'quantile', 'fft_coefficient'].filter((n) => resolveCalculator(n));
  assert.ok(names.length > 0, 'no registered calculator to run in a worker');
  const fc = Object.fromEntries(names.map((n) => [n, n === 'quantile' ? [{ q: 0.3 }] : n === 'fft_coefficient' ? [{ coeff: 1, attr: 'abs' }] : n === 'binned_entropy' ? [{ max_bins: 10 }] : n === 'permutation_entropy' ? [{ tau: 1, dimension: 3 }] : n === 'lempel_ziv_complexity' ? [{ bins: 3 }] : null]));
  const n = 40;
  const job: number[] = [], comp: number[] = [], ts: number[] = [], a: number[] = [], b: number[] = [];
  for (let s = 0; s < 6; s++) for (let i = 0; i < n; i++) {
    job.push(1); comp.push(s); ts.push(i);
    a.push(Math.sin(i * (s + 1)) * 10 + s); b.push(((i * 7919 + s * 104729) % 97) / 7);
  }
  const t = table({ job_id: job, component_id: comp, timestamp: ts, 'a::s': a, 'b::s': b });
  const here = await extractFeatures(t, fc, { workers: 0, keepNaN: true });
  const there = await extractFeatures(t, fc, { workers: 1, workersOnly: true, keepNaN: true });
  assert.equal(there.workersUsed, 1, there.workerFailures.join('; '));
  assert.deepEqual(there.matrix.columns, here.matrix.columns);
  assert.deepEqual(Array.from(there.matrix.values), Array.from(here.matrix.values));
});
