import assert from 'node:assert/strict';
import { test } from 'node:test';
import { table } from 'arquero';
import { extractFeatures, resolveSettings } from '../../src/features/extract.js';
import { ExtractionWorkers } from '../../src/features/worker-pool.js';
import { decodeWorkerSettings, encodeWorkerSettings } from '../../src/features/worker-settings.js';
import { KindToFcParameters } from '../../src/features/kind-to-fc-parameters.js';
import { PyFloat } from '../../src/features/params.js';

/** Three samples of two metrics, 50 points each, deterministic. */
function smallTable() {
  const job: number[] = [], comp: number[] = [], ts: number[] = [], a: number[] = [], b: number[] = [];
  for (let s = 0; s < 3; s++) {
    for (let i = 0; i < 50; i++) {
      job.push(7); comp.push(s); ts.push(i);
      a.push(Math.cos(i * 0.3 * (s + 1)) * 5 + i * 0.1);
      b.push(((i * 31 + s * 17) % 23) - 11);
    }
  }
  return table({ job_id: job, component_id: comp, timestamp: ts, 'a::s': a, 'b::s': b });
}

const FC = { mean: null, median: null, quantile: [{ q: 0.25 }], change_quantiles: [{ ql: new PyFloat(0), qh: 0.8, isabs: true, f_agg: 'mean' }], number_cwt_peaks: [{ n: 5 }] };

test('worker settings: one block per distinct FcParameters, kinds sharing it decode to one object', () => {
  const shared = KindToFcParameters.forKinds(['a::s', 'b::s', 'c::s'], FC);
  const encoded = encodeWorkerSettings(shared);
  assert.equal(encoded.blocks.length, 1);
  assert.deepEqual(encoded.blockOfKind, [0, 0, 0]);
  const decoded = decodeWorkerSettings(encoded);
  assert.deepEqual(decoded.kinds, ['a::s', 'b::s', 'c::s']);
  assert.equal(decoded.get('a::s'), decoded.get('c::s'));
  assert.deepEqual(decoded.columns(), shared.columns()); // PyFloat 0.0 kept: ql_0.0
  const mixed = new KindToFcParameters([['a::s', FC], ['b::s', { mean: null }], ['c::s', FC]]);
  assert.deepEqual(encodeWorkerSettings(mixed).blockOfKind, [0, 1, 0]);
  assert.deepEqual(decodeWorkerSettings(encodeWorkerSettings(mixed)).columns(), mixed.columns());
});

test('a pool started before the data is read gives the same matrix as this thread, and refuses other settings', async () => {
  const t = smallTable();
  const k2fc = resolveSettings(FC, ['a::s', 'b::s']);
  const pool = ExtractionWorkers.start(1, k2fc);
  try {
    const here = await extractFeatures(t, FC, { workers: 0, keepNaN: true });
    const there = await extractFeatures(t, k2fc, { pool, workersOnly: true, keepNaN: true });
    assert.equal(there.workersUsed, 1, there.workerFailures.join('; '));
    assert.deepEqual(Array.from(there.matrix.values), Array.from(here.matrix.values));
    // equal settings resolved again (another object) are accepted too
    assert.ok(pool.compatibleWith(resolveSettings(FC, ['a::s', 'b::s'])));
    await assert.rejects(extractFeatures(t, { mean: null }, { pool }), /worker pool was started for other settings/);
  } finally {
    await pool.close();
  }
  assert.equal(pool.alive, 0);
});

test('a worker that computed chunks takes the formatting right after the run, even before it reported idle', async () => {
  const t = smallTable();
  const k2fc = resolveSettings(FC, ['a::s', 'b::s']);
  const pool = ExtractionWorkers.start(1, k2fc);
  try {
    const there = await extractFeatures(t, k2fc, { pool, workersOnly: true, keepNaN: true });
    assert.equal(there.workersUsed, 1);
    const { matrix } = there;
    const width = matrix.columns.length;
    const bytes = new Uint8Array(new SharedArrayBuffer(matrix.rows * width * 25));
    const lengths = new Int32Array(new SharedArrayBuffer(matrix.rows * 4));
    assert.equal(await pool.formatRows(matrix.values, width, 0, matrix.rows, bytes, lengths), true);
    const { formatValueRowBytes } = await import('../../src/features/feature-csv.js');
    const here = new Uint8Array(bytes.length);
    const hereLengths = new Int32Array(matrix.rows);
    formatValueRowBytes(matrix.values, width, 0, matrix.rows, here, hereLengths);
    assert.deepEqual(Array.from(lengths), Array.from(hereLengths));
    assert.deepEqual(bytes.slice(0, lengths[0]), here.slice(0, hereLengths[0]));
  } finally {
    await pool.close();
  }
});

test('chunks a dead worker leaves are computed in this thread', async () => {
  const t = smallTable();
  const k2fc = resolveSettings(FC, ['a::s', 'b::s']);
  const pool = ExtractionWorkers.start(1, k2fc);
  await pool.close(); // a pool whose worker is gone: everything falls back to this thread
  const here = await extractFeatures(t, FC, { workers: 0, keepNaN: true });
  const there = await extractFeatures(t, k2fc, { pool, keepNaN: true });
  assert.equal(there.workersUsed, 0);
  assert.deepEqual(Array.from(there.matrix.values), Array.from(here.matrix.values));
});

test('writeFeatureCsv writes what writeCsvAtomic writes, with half the rows formatted in a worker', async () => {
  const { mkdtemp, readFile, rm } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { writeCsvAtomic } = await import('../../src/util/csv.js');
  const { writeFeatureCsv } = await import('../../src/features/feature-csv.js');
  const { FeatureMatrix } = await import('../../src/features/feature-matrix.js');
  const rows = 5;
  // names that need quoting (a quote, a comma, spaces at an end, also a non-ASCII one) among plain ones
  const odd = ['m::s__fft__attr_"real"', 'm::s__a,b', ' m::s__lead', 'm::s__trail\u00a0', 'm::s__é'];
  const columns = Array.from({ length: 12_000 }, (_, c) => (c < odd.length ? odd[c]! : `m::s__f__p_${c}`));
  // doubles of every size, NaN, integers (small, large, negative), -0
  const special = [0, -0, 7, 10, 12345, 2147483647, 2147483648, -3, 1e21, 5e-324, -1.5e-7];
  const values = Float64Array.from({ length: rows * columns.length }, (_, i) =>
    i % 7 === 0 ? Number.NaN : i % 11 === 0 ? special[(i / 11) % special.length]! : Math.sin(i) * 10 ** ((i % 9) - 4),
  );
  // an infinity, which the number kernel writes as String() does
  values[columns.length + 5] = Number.POSITIVE_INFINITY;
  values[3 * columns.length + 9] = Number.NEGATIVE_INFINITY;
  const matrix = new FeatureMatrix({ jobId: [1, 1, 2, 2, 3], componentId: [5, 6, 5, 6, 'n"7'], windowStart: null, windowEnd: null }, columns, values);
  const dir = await mkdtemp(join(tmpdir(), 'feature-csv-'));
  const pool = ExtractionWorkers.start(1, resolveSettings({ mean: null }, ['m::s']));
  try {
    await writeCsvAtomic(join(dir, 'reference.csv'), matrix.header(), matrix.rowCells());
    await writeFeatureCsv(join(dir, 'pooled.csv'), matrix, pool);
    await writeFeatureCsv(join(dir, 'alone.csv'), matrix);
    // batches of two rows (a 64 MiB buffer holds them all at once otherwise)
    await writeFeatureCsv(join(dir, 'batched.csv'), matrix, pool, { batchBytes: 2 * 26 * columns.length });
    const reference = await readFile(join(dir, 'reference.csv'), 'utf8');
    assert.equal(await readFile(join(dir, 'pooled.csv'), 'utf8'), reference);
    assert.equal(await readFile(join(dir, 'alone.csv'), 'utf8'), reference);
    assert.equal(await readFile(join(dir, 'batched.csv'), 'utf8'), reference);
  } finally {
    await pool.close();
    await rm(dir, { recursive: true, force: true });
  }
});

test('writeFeatureCsv has room for rows of the longest numbers String() writes (25 characters)', async () => {
  const { mkdtemp, readFile, rm } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { writeFeatureCsv } = await import('../../src/features/feature-csv.js');
  const longest = -1.2345678901234567e-6;
  assert.equal(String(longest).length, 25);
  const columns = Array.from({ length: 3000 }, (_, c) => `m::s__f_${c}`);
  const rows = 3;
  const values = new Float64Array(rows * columns.length).fill(longest);
  const dir = await mkdtemp(join(tmpdir(), 'feature-csv-long-'));
  const pool = ExtractionWorkers.start(1, resolveSettings({ mean: null }, ['m::s']));
  try {
    const matrix = { keys: { jobId: [1, 2, 3], componentId: [1, 1, 1], windowStart: null, windowEnd: null }, columns, values };
    for (const [name, withPool] of [['alone.csv', undefined], ['pooled.csv', pool]] as const) {
      await writeFeatureCsv(join(dir, name), matrix, withPool);
      const lines = (await readFile(join(dir, name), 'utf8')).trimEnd().split('\n');
      assert.equal(lines.length, rows + 1);
      for (let r = 0; r < rows; r++) assert.equal(lines[r + 1], [r + 1, 1, ...columns.map(() => String(longest))].join(','));
    }
  } finally {
    await pool.close();
    await rm(dir, { recursive: true, force: true });
  }
});
