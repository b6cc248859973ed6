import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { table, type ColumnTable } from 'arquero';
import { ingestTelemetry } from '../../src/telemetry/ingest.js';
import { samplerTableFromArquero, type SamplerTable } from '../../src/telemetry/sampler-table.js';
import { buildTidyTable } from '../../src/telemetry/transform.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'telemetry');

/** The tidy table of the dsos/ fixture, computed by hand (see the comments). */
const expected: Record<string, number[]> = {
  job_id: [1001, 1001, 1001, 1001, 1001, 1001, 1001],
  component_id: [11, 11, 11, 11, 12, 12, 12],
  // node 11: seconds 0-4 in all samplers; node 12: vmstat lacks second 2, so 0, 1, 3, 4 are
  // common; the first common second of each node is dropped (no interval ends there)
  timestamp: [1700000001, 1700000002, 1700000003, 1700000004, 1700000001, 1700000003, 1700000004],
  // gauge; node 11's missing value at second 2 interpolated between 99000 and 97000
  'MemFree::meminfo': [99000, 98000, 97000, 96000, 201000, 203000, 204000],
  'Active(anon)::meminfo': [5100, 5200, 5300, 5400, 7000, 7000, 7000],
  'nr_free_pages::vmstat': [24750, 24500, 24250, 24000, 50250, 50750, 51000],
  // counter 1000, 1100, 1250, 1200 (backwards), 1400: 100, 150, [interpolated 175], 200;
  // node 12: 5000, 5010, (gap) 5030, 5040 -> 10, 20 (over the 2 s gap), 10
  'pgfault::vmstat': [100, 150, 175, 200, 10, 20, 10],
  // counter; procstat rows are out of order in the file; node 12's second 2 is not common
  'user::procstat': [720, 720, 720, 720, 100, 200, 100],
  'procs_running::procstat': [37, 36, 35, 36, 1, 2, 2],
};

function assertTable(actual: ColumnTable, want: Record<string, number[]>): void {
  assert.deepEqual(actual.columnNames(), Object.keys(want));
  for (const [name, values] of Object.entries(want)) {
    assert.ok(actual.column(name) instanceof Float64Array, `${name} is a Float64Array`);
    assert.deepEqual(Array.from(actual.array(name) as Float64Array), values, name);
  }
}

describe('buildTidyTable on hand-written sampler files', () => {
  it('DSOS shape: joins, renames, drops, differences and interpolates as computed by hand', async () => {
    const { table: tidy, report } = await ingestTelemetry(join(fixtures, 'dsos'));
    assertTable(tidy, expected);
    assert.deepEqual(
      report.dropped.map((d) => d.column),
      ['MemTotal::meminfo', 'nr_dirty_threshold::vmstat', 'cores_up::procstat', 'per_core_user0::procstat'],
    );
    assert.equal(report.kinds['pgfault::vmstat']!.kind, 'counter');
    assert.equal(report.kinds['MemFree::meminfo']!.source, 'table');
    assert.deepEqual(report.counterResets, { 'pgfault::vmstat': 1 });
    assert.deepEqual(report.valuesInterpolated, { 'MemFree::meminfo': 1 });
    assert.deepEqual(report.jobZeroRowsDropped, { meminfo: 0, vmstat: 0, procstat: 1 });
    assert.equal(report.samples, 2);
    assert.equal(report.rows, 7);
    assert.deepEqual(report.jobs, [1001]);
    // job 2002 is only in meminfo: warned about and left out, as the original did
    assert.ok(report.warnings.some((w) => /job 2002 \(not in vmstat, procstat\) left out/.test(w)), report.warnings.join('\n'));
    assert.ok(report.warnings.some((w) => /1 sample\(s\) have 1 gap\(s\) in the common timestamps, the largest 2 s \(job 1001 node 12\)/.test(w)), report.warnings.join('\n'));
    assert.ok(Object.values(report.shapes).every((s) => s === 'dsos'));
  });

  it('LDMS store_csv shape (with roll-over files and a .HEADER side file) gives the same table', async () => {
    const { table: tidy, report } = await ingestTelemetry(join(fixtures, 'store-csv'));
    assertTable(tidy, expected);
    assert.deepEqual(report.files.meminfo.map((p) => p.slice(p.lastIndexOf('/') + 1)), ['meminfo.1700000000', 'meminfo.1700000003']);
    assert.ok(Object.values(report.shapes).every((s) => s === 'ldms-store-csv'));
  });

  it('accepts the three files given one by one, and shapes mixed', async () => {
    const { table: tidy } = await ingestTelemetry([
      join(fixtures, 'dsos', 'meminfo.csv'),
      join(fixtures, 'store-csv', 'vmstat'),
      join(fixtures, 'dsos', 'procstat.csv'),
    ]);
    assertTable(tidy, expected);
  });

  it('rate mode divides counters by the interval; the kinds option pins a kind', async () => {
    const { table: tidy, report } = await ingestTelemetry(join(fixtures, 'dsos'), {
      counters: 'rate',
      kinds: { 'procs_running::procstat': 'constant', MemTotal: 'gauge' },
    });
    assert.deepEqual(Array.from(tidy.array('pgfault::vmstat') as Float64Array), [100, 150, 175, 200, 10, 10, 10]);
    assert.equal(tidy.columnNames().includes('procs_running::procstat'), false);
    assert.deepEqual(Array.from(tidy.array('MemTotal::meminfo') as Float64Array), new Array(7).fill(131072000));
    assert.equal(report.kinds['MemTotal::meminfo']!.source, 'option');
  });

  it('keeps job 0 rows only when asked', async () => {
    const { report } = await ingestTelemetry(join(fixtures, 'dsos'), { keepJobZero: true });
    assert.deepEqual(report.jobZeroRowsDropped, { meminfo: 0, vmstat: 0, procstat: 0 });
    // job 0 is only in procstat, so it is then warned about and left out
    assert.ok(report.warnings.some((w) => /job 0 \(not in meminfo, vmstat\)/.test(w)));
  });
});

/** Raw DSOS-shape tables in memory, as a generator would hand them over. */
function memorySamplers(extra: { vmstatMetric?: number[] } = {}): SamplerTable[] {
  const ids = { timestamp: [100, 101, 102, 103], component_id: [1, 1, 1, 1], job_id: [9, 9, 9, 9], app_id: [0, 0, 0, 0] };
  return [
    samplerTableFromArquero('meminfo', table({ ...ids, MemFree: [4, 3, 2, 1] })),
    samplerTableFromArquero('vmstat', table({ ...ids, pgfault: [10, 20, 30, 40], ...(extra.vmstatMetric ? { mystery: extra.vmstatMetric } : {}) })),
    samplerTableFromArquero('procstat', table({ ...ids, timestamp: ['1970-01-01 00:01:40', '1970-01-01 00:01:41.5', '1970-01-01 00:01:42', '1970-01-01 00:01:43'], user: [0, 72, 144, 216] })),
  ];
}

describe('buildTidyTable on in-memory tables', () => {
  it('takes arquero tables (numeric or string timestamps) and floors to whole seconds', () => {
    const { table: tidy } = buildTidyTable(memorySamplers());
    assertTable(tidy, {
      job_id: [9, 9, 9],
      component_id: [1, 1, 1],
      timestamp: [101, 102, 103],
      'MemFree::meminfo': [3, 2, 1],
      'pgfault::vmstat': [10, 10, 10],
      'user::procstat': [72, 72, 72],
    });
  });

  it('classifies an unknown metric with the fallback rule and says so', () => {
    const counter = buildTidyTable(memorySamplers({ vmstatMetric: [1e7, 1e7 + 5, 1e7 + 10, 1e7 + 15] }));
    assert.equal(counter.report.kinds['mystery::vmstat']!.kind, 'counter');
    assert.equal(counter.report.kinds['mystery::vmstat']!.source, 'fallback');
    assert.deepEqual(Array.from(counter.table.array('mystery::vmstat') as Float64Array), [5, 5, 5]);
    const gauge = buildTidyTable(memorySamplers({ vmstatMetric: [5, 7, 6, 8] }));
    assert.equal(gauge.report.kinds['mystery::vmstat']!.kind, 'gauge');
    assert.deepEqual(Array.from(gauge.table.array('mystery::vmstat') as Float64Array), [7, 6, 8]);
    const constant = buildTidyTable(memorySamplers({ vmstatMetric: [3, 3, 3, 3] }));
    assert.equal(constant.table.columnNames().includes('mystery::vmstat'), false);
    assert.match(constant.report.dropped.find((d) => d.column === 'mystery::vmstat')!.reason, /same value throughout/);
  });

  it('warns about a metric with no value at all and keeps it as NaN', () => {
    const { table: tidy, report } = buildTidyTable(memorySamplers({ vmstatMetric: [NaN, NaN, NaN, NaN] }));
    // all-missing unknown metric: the fallback calls it constant and drops it
    assert.equal(tidy.columnNames().includes('mystery::vmstat'), false);
    const pinned = buildTidyTable(memorySamplers({ vmstatMetric: [NaN, NaN, NaN, NaN] }), { kinds: { mystery: 'gauge' } });
    assert.ok((pinned.table.array('mystery::vmstat') as Float64Array).every(Number.isNaN));
    assert.ok(pinned.report.warnings.some((w) => /no value at all.*mystery::vmstat \(job 9, node 1\)/.test(w)));
    assert.equal(report.samples, 1);
  });

  it('refuses a missing or repeated sampler', () => {
    const [meminfo, vmstat] = memorySamplers();
    assert.throws(() => buildTidyTable([meminfo!, vmstat!]), /no procstat data/);
    assert.throws(() => buildTidyTable([meminfo!, vmstat!, vmstat!]), /vmstat is given 2 times/);
  });
});
