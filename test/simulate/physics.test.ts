import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  simulate, samplerColumn, ECLIPSE_METRICS, MEMINFO_METRICS, VMSTAT_METRICS, PROCSTAT_METRICS,
  writeSamplerCsv, type SimulatedSamplerTable,
} from '../../src/simulate/index.js';
import { sampleRows } from './helpers.js';
import { SAMPLERS as SAMPLER_NAMES } from '../../src/telemetry/index.js';

const d = simulate({ preset: 'tiny', seed: 5 });
const m = d.samplers.meminfo;
const v = d.samplers.vmstat;
const p = d.samplers.procstat;
const col = (t: SimulatedSamplerTable, name: string) => samplerColumn(t, name);

/** Counters by the kernel's semantics (vmstat events, /proc/stat totals), written out here. */
const VMSTAT_COUNTERS = VMSTAT_METRICS.filter((n) => !n.startsWith('nr_') || ['nr_dirtied', 'nr_written', 'nr_vmscan_write', 'nr_vmscan_immediate_reclaim'].includes(n));
const PROCSTAT_COUNTERS = ['user', 'nice', 'sys', 'idle', 'iowait', 'irq', 'softirq', 'steal', 'guest', 'guest_nice', 'hwintr_count', 'context_switches', 'processes', 'softirq_count',
  'per_core_user', 'per_core_nice', 'per_core_sys', 'per_core_idle', 'per_core_iowait', 'per_core_irq', 'per_core_softirqd', 'per_core_steal', 'per_core_guest', 'per_core_guest_nice'];

test('every Eclipse column is present, in order, after the DSOS id columns', async () => {
  assert.equal(MEMINFO_METRICS.length, 47);
  assert.equal(VMSTAT_METRICS.length, 120);
  assert.equal(PROCSTAT_METRICS.length, 29);
  for (const name of SAMPLER_NAMES) {
    assert.deepEqual(d.samplers[name].metricNames, ECLIPSE_METRICS[name]);
    let header = '';
    await writeSamplerCsv(d.samplers[name], async (chunk) => {
      if (!header) header = chunk.split('\n')[0]!;
    });
    assert.equal(header, ['timestamp', 'component_id', 'job_id', 'app_id', ...ECLIPSE_METRICS[name]].join(','));
  }
  assert.ok(PROCSTAT_METRICS.includes('per_core_user'), 'per-core columns are written (the ingest drops them)');
});

test('values are finite whole numbers; timestamps are unix seconds a few ms after the second', () => {
  for (const name of SAMPLER_NAMES) {
    const t = d.samplers[name];
    t.metrics.forEach((values, c) => {
      for (const x of values) assert.ok(Number.isInteger(x) && x >= 0, `${name} ${t.metricNames[c]} has ${x}`);
    });
    for (const ts of t.timestamp) {
      const frac = ts - Math.floor(ts);
      assert.ok(ts > 1.6e9 && frac > 0 && frac < 0.05, `${name} timestamp ${ts}`);
    }
  }
});

test('counters never decrease within a (job, node); constants never change', () => {
  for (const label of d.labels) {
    for (const [table, counters] of [[v, VMSTAT_COUNTERS], [p, PROCSTAT_COUNTERS]] as const) {
      const rows = sampleRows(table, label.job_id, label.component_id);
      for (const name of counters) {
        const c = col(table, name);
        for (let k = 1; k < rows.length; k++) assert.ok(c[rows[k]!]! >= c[rows[k - 1]!]!, `${name} decreases in job ${label.job_id} node ${label.component_id}`);
      }
    }
  }
  for (const [table, name, value] of [[m, 'SwapTotal', 0], [m, 'Hugepagesize', 2048], [m, 'VmallocTotal', 34359738367], [p, 'cores_up', 72], [m, 'HugePages_Total', 0]] as const) {
    assert.ok(col(table, name).every((x) => x === value), `${name} is always ${value}`);
  }
  const total = col(m, 'MemTotal');
  const limit = col(m, 'CommitLimit');
  for (let i = 0; i < m.rowCount; i++) assert.equal(limit[i], Math.floor(total[i]! / 2), 'CommitLimit = MemTotal / 2 (no swap, overcommit_ratio 50)');
});

test('procstat jiffies add up to 72 threads x 100 Hz x the interval', () => {
  const fields = ['user', 'nice', 'sys', 'idle', 'iowait', 'irq', 'softirq', 'steal'];
  const label = d.labels[0]!;
  const rows = sampleRows(p, label.job_id, label.component_id);
  for (let k = 1; k < rows.length; k++) {
    const [a, b] = [rows[k - 1]!, rows[k]!];
    const jiffies = fields.reduce((s, f) => s + col(p, f)[b]! - col(p, f)[a]!, 0);
    const expected = 7200 * (p.timestamp[b]! - p.timestamp[a]!);
    assert.ok(Math.abs(jiffies - expected) <= 12, `interval ${k}: ${jiffies} jiffies, expected ${expected.toFixed(1)}`);
  }
});

test('meminfo adds up: MemTotal = MemFree + used categories + 1.5-3.5 GB held by drivers', () => {
  const used = ['AnonPages', 'Cached', 'Buffers', 'Slab', 'KernelStack', 'PageTables', 'Percpu'];
  for (let i = 0; i < m.rowCount; i += 37) {
    const hidden = col(m, 'MemTotal')[i]! - col(m, 'MemFree')[i]! - used.reduce((s, n) => s + col(m, n)[i]!, 0);
    assert.ok(hidden > 1.2e6 && hidden < 3.8e6, `row ${i}: ${hidden} kB unaccounted`);
    assert.ok(Math.abs(col(m, 'Active(anon)')[i]! + col(m, 'Inactive(anon)')[i]! + col(m, 'Mlocked')[i]! - col(m, 'AnonPages')[i]! - col(m, 'Shmem')[i]!) <= 16, 'anon LRU = AnonPages + Shmem');
    assert.equal(col(m, 'Active')[i], col(m, 'Active(anon)')[i]! + col(m, 'Active(file)')[i]!);
    assert.equal(col(m, 'Slab')[i], col(m, 'SReclaimable')[i]! + col(m, 'SUnreclaim')[i]!);
    assert.ok(col(m, 'Cached')[i]! >= col(m, 'Shmem')[i]!, 'Cached includes Shmem');
    assert.ok(col(m, 'AnonHugePages')[i]! <= col(m, 'AnonPages')[i]! && col(m, 'AnonHugePages')[i]! % 2048 === 0);
    assert.ok(col(m, 'Committed_AS')[i]! > col(m, 'AnonPages')[i]!, 'Committed_AS covers what is resident');
    // The kernel's estimate: MemFree - low watermark (320 MB) + file LRU and reclaimable slab,
    // each less min(half, low watermark); just under MemFree when the epilog dropped the caches.
    const low = 327_680;
    const fileLru = col(m, 'Active(file)')[i]! + col(m, 'Inactive(file)')[i]!;
    const slab = col(m, 'SReclaimable')[i]!;
    const estimate = col(m, 'MemFree')[i]! - low + fileLru - Math.min(fileLru / 2, low) + slab - Math.min(slab / 2, low);
    assert.ok(Math.abs(col(m, 'MemAvailable')[i]! - estimate) < 600, `row ${i}: MemAvailable ${col(m, 'MemAvailable')[i]} vs ${estimate}`);
  }
});

test('vmstat nr_* pages mirror meminfo kB / 4 (read a moment apart)', () => {
  // Rows of the three samplers line up one to one in this preset (no dropped readings).
  assert.equal(m.rowCount, v.rowCount);
  const close = (a: number, b: number, pages: number, what: string) => assert.ok(Math.abs(a - b) <= pages, `${what}: ${a} vs ${b}`);
  for (let i = 0; i < m.rowCount; i += 29) {
    close(col(v, 'nr_free_pages')[i]!, col(m, 'MemFree')[i]! / 4, 400, 'nr_free_pages');
    close(col(v, 'nr_anon_pages')[i]! + col(v, 'nr_anon_transparent_hugepages')[i]! * 512, col(m, 'AnonPages')[i]! / 4, 400, 'nr_anon_pages + THP');
    close(col(v, 'nr_shmem')[i]!, col(m, 'Shmem')[i]! / 4, 1, 'nr_shmem');
    close(col(v, 'nr_slab_reclaimable')[i]!, col(m, 'SReclaimable')[i]! / 4, 1, 'nr_slab_reclaimable');
    close(col(v, 'nr_dirty')[i]!, col(m, 'Dirty')[i]! / 4, 40, 'nr_dirty');
    close(col(v, 'nr_kernel_stack')[i]! * 16, col(m, 'KernelStack')[i]!, 0, 'nr_kernel_stack x 16 kB');
    close(col(v, 'nr_file_pages')[i]!, (col(m, 'Cached')[i]! + col(m, 'Buffers')[i]!) / 4, 3, 'nr_file_pages');
  }
});

test('allocation accounting: pgfree - pgalloc = change of nr_free_pages; numa_hit + numa_miss = allocation calls', () => {
  const label = d.labels[3]!;
  const rows = sampleRows(v, label.job_id, label.component_id);
  const alloc = ['pgalloc_dma', 'pgalloc_dma32', 'pgalloc_normal', 'pgalloc_movable'];
  for (let k = 1; k < rows.length; k++) {
    const [a, b] = [rows[k - 1]!, rows[k]!];
    const allocated = alloc.reduce((s, n) => s + col(v, n)[b]! - col(v, n)[a]!, 0);
    const freed = col(v, 'pgfree')[b]! - col(v, 'pgfree')[a]!;
    const dFree = col(v, 'nr_free_pages')[b]! - col(v, 'nr_free_pages')[a]!;
    // Up to the pages that moved between the readings and rounding of the counters.
    assert.ok(Math.abs(freed - allocated - dFree) < 400, `interval ${k}: pgfree-pgalloc ${freed - allocated}, free pages ${dFree}`);
    // One allocation call per 4 kB page or per 2 MB huge page (511 pages fewer per THP fault).
    const numa = col(v, 'numa_hit')[b]! + col(v, 'numa_miss')[b]! - col(v, 'numa_hit')[a]! - col(v, 'numa_miss')[a]!;
    const calls = allocated - 511 * (col(v, 'thp_fault_alloc')[b]! - col(v, 'thp_fault_alloc')[a]!);
    assert.ok(Math.abs(numa - calls) < 600, `interval ${k}: numa_hit + numa_miss ${numa} vs allocation calls ${calls}`);
  }
});

test('gauges move together: MemFree falls as AnonPages rises; faults speed up while memory is taken', () => {
  let dotFreeAnon = 0;
  let normFree = 0;
  let normAnon = 0;
  const faultsGrowing: number[] = [];
  const faultsSteady: number[] = [];
  for (const label of d.labels) {
    const rm = sampleRows(m, label.job_id, label.component_id);
    const rv = sampleRows(v, label.job_id, label.component_id);
    for (let k = 1; k < rm.length; k++) {
      const df = col(m, 'MemFree')[rm[k]!]! - col(m, 'MemFree')[rm[k - 1]!]!;
      const da = col(m, 'AnonPages')[rm[k]!]! - col(m, 'AnonPages')[rm[k - 1]!]!;
      dotFreeAnon += df * da;
      normFree += df * df;
      normAnon += da * da;
      const faults = col(v, 'pgfault')[rv[k]!]! - col(v, 'pgfault')[rv[k - 1]!]!;
      (da > 100 * 1024 ? faultsGrowing : Math.abs(da) < 10 * 1024 ? faultsSteady : []).push(faults);
    }
  }
  const correlation = dotFreeAnon / Math.sqrt(normFree * normAnon);
  assert.ok(correlation < -0.8, `correlation of MemFree and AnonPages changes: ${correlation}`);
  const median = (a: number[]) => a.sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
  assert.ok(faultsGrowing.length > 20 && faultsSteady.length > 20);
  assert.ok(median(faultsGrowing) > 3 * median(faultsSteady), `pgfault/s growing ${median(faultsGrowing)} vs steady ${median(faultsSteady)}`);
});
