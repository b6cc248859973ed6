import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planJobs, simulate, type AnomalySpec, type PresetSpec, type SimulatedDataset, type SimulatedJob } from '../../src/simulate/index.js';
import { rate, series, slope, window } from './helpers.js';

const START_S = 60;
const DURATION_S = 200;

/** One lammps job on 4 nodes with `spec` injected on 2 of them; the other 2 are the healthy reference. */
function jobWith(spec: AnomalySpec, seed = 11): { d: SimulatedDataset; job: SimulatedJob; sick: number[]; healthy: number[] } {
  const preset: PresetSpec = {
    name: `one-${spec.name}`, description: 'test', apps: ['lammps'], healthyRunsPerApp: 0,
    anomalousRuns: [{ anomaly: spec.name, runsPerApp: 1, nodes: 2 }], nodesPerJob: 4, durationS: [DURATION_S, DURATION_S], nodePool: 4, dropRate: 0,
  };
  const planned = planJobs(preset, seed)[0]!;
  const job: SimulatedJob = { ...planned, nodes: planned.nodes.map((n) => ({ ...n, anomaly: n.anomaly ? spec : null })) };
  const d = simulate({ preset, seed, jobs: [job] });
  const sick = job.nodes.filter((n) => n.anomaly).map((n) => n.componentId);
  const healthy = job.nodes.filter((n) => !n.anomaly).map((n) => n.componentId);
  assert.equal(sick.length, 2);
  return { d, job, sick, healthy };
}

/**
 * Mean over nodes of the change of f(series) from before the anomaly (seconds 25..60 of the
 * job) to its steady part (70..185): a difference that removes each node's own traits.
 */
function perNode(x: ReturnType<typeof jobWith>, nodes: number[], sampler: 'meminfo' | 'vmstat' | 'procstat', metric: string, f: (s: { t: number[]; y: number[] }, from: number, to: number) => number): number {
  const s0 = x.job.start;
  return nodes.reduce((sum, node) => {
    const s = series(x.d, sampler, metric, x.job.jobId, node);
    return sum + f(s, s0 + START_S + 10, s0 + DURATION_S - 15) - f(s, s0 + 25, s0 + START_S);
  }, 0) / nodes.length;
}
const slopeIn = (s: { t: number[]; y: number[] }, from: number, to: number) => {
  const w = window(s, from, to);
  return slope(w.t, w.y);
};
const meanIn = (s: { t: number[]; y: number[] }, from: number, to: number) => {
  const w = window(s, from, to);
  return w.y.reduce((a, b) => a + b, 0) / w.y.length;
};
/** Anomalous minus healthy change, per node on average (a difference in differences). */
const gap = (x: ReturnType<typeof jobWith>, sampler: 'meminfo' | 'vmstat' | 'procstat', metric: string, f: typeof slopeIn) =>
  perNode(x, x.sick, sampler, metric, f) - perNode(x, x.healthy, sampler, metric, f);

test('memleak (20 MB every 0.5 s = 40 MB/s): MemFree falls 40 MB/s faster than on the healthy nodes of the job', () => {
  const x = jobWith({ name: 'memleak', startS: START_S, sizeMB: 20, periodS: 0.5 });
  const leak = 40 * 1024;
  const dFree = gap(x, 'meminfo', 'MemFree', slopeIn);
  assert.ok(Math.abs(dFree + leak) < 0.1 * leak, `MemFree slope gap ${dFree.toFixed(0)} kB/s, expected -${leak}`);
  const dAnon = gap(x, 'meminfo', 'AnonPages', slopeIn);
  assert.ok(Math.abs(dAnon - leak) < 0.1 * leak, `AnonPages slope gap ${dAnon.toFixed(0)} kB/s`);
  const dCommit = gap(x, 'meminfo', 'Committed_AS', slopeIn);
  assert.ok(Math.abs(dCommit - leak) < 0.1 * leak, `Committed_AS slope gap ${dCommit.toFixed(0)} kB/s`);
  // New anonymous memory is faulted in (mostly as huge pages): ~18 THP faults/s more.
  const dThp = gap(x, 'vmstat', 'thp_fault_alloc', rate);
  assert.ok(dThp > 10 && dThp < 25, `thp_fault_alloc rate gap ${dThp}`);
  // Before the leak starts, the nodes look alike.
  const before = (nodes: number[]) => nodes.reduce((s, n) => s + slopeIn(series(x.d, 'meminfo', 'MemFree', x.job.jobId, n), x.job.start + 20, x.job.start + START_S), 0) / nodes.length;
  assert.ok(Math.abs(before(x.sick) - before(x.healthy)) < 0.1 * leak, 'no gap before the start');
});

test('a leak that fills its NUMA node spills: numa_miss and numa_other jump on its nodes only', () => {
  // 500 MB/s from second 60 on a lammps node (~10 GB resident, half of it per socket): the
  // leak's socket (64 GB) is full after ~100 s; from then on its pages land on the other node.
  const x = jobWith({ name: 'memleak', startS: START_S, sizeMB: 500, periodS: 1 });
  const s0 = x.job.start;
  const mean = (nodes: number[], metric: string, from: number, to: number) =>
    nodes.reduce((sum, n) => sum + rate(series(x.d, 'vmstat', metric, x.job.jobId, n), s0 + from, s0 + to), 0) / nodes.length;
  for (const metric of ['numa_miss', 'numa_other']) {
    // While the socket has room the leak allocates locally (a few hundred calls/s at most).
    const early = mean(x.sick, metric, 70, 120) - mean(x.healthy, metric, 70, 120);
    assert.ok(Math.abs(early) < 300, `${metric} gap before the socket fills: ${early.toFixed(0)}/s`);
    // Afterwards every call of the leak is remote: 500 MB/s in 4 kB pages (10%) and 2 MB
    // huge pages (90%) is ~13,000 calls/s.
    const late = mean(x.sick, metric, 185, 199) - mean(x.healthy, metric, 185, 199);
    assert.ok(late > 8000 && late < 16000, `${metric} gap once spilled: ${late.toFixed(0)}/s`);
  }
});

test('a mild memleak (2 MB every 1 s) is subtle but has the same sign', () => {
  const x = jobWith({ name: 'memleak', startS: START_S, sizeMB: 2, periodS: 1 });
  const dAnon = gap(x, 'meminfo', 'AnonPages', slopeIn);
  assert.ok(dAnon > 1024 && dAnon < 3 * 1024, `AnonPages slope gap ${dAnon.toFixed(0)} kB/s, expected about 2048`);
});

test('memeater (256 MB every 5 s up to 8 GB): a growing footprint and one more busy thread', () => {
  const x = jobWith({ name: 'memeater', startS: START_S, sizeMB: 256, periodS: 5, maxGB: 8 });
  const dAnon = gap(x, 'meminfo', 'AnonPages', meanIn);
  assert.ok(dAnon > 2.5 * 1024 * 1024 && dAnon < 5 * 1024 * 1024, `mean AnonPages gap ${(dAnon / 1048576).toFixed(2)} GB`);
  const dUser = gap(x, 'procstat', 'user', rate);
  assert.ok(dUser > 70 && dUser < 130, `user jiffies/s gap ${dUser.toFixed(1)}, expected ~100`);
});

test('cpuoccupy (2 threads at 50%): +100 user jiffies/s, more running threads, memory unchanged', () => {
  const x = jobWith({ name: 'cpuoccupy', startS: START_S, utilization: 0.5, threads: 2 });
  const dUser = gap(x, 'procstat', 'user', rate);
  assert.ok(dUser > 75 && dUser < 125, `user jiffies/s gap ${dUser.toFixed(1)}, expected ~100`);
  assert.ok(gap(x, 'procstat', 'procs_running', meanIn) > 0.5, 'procs_running higher');
  assert.ok(gap(x, 'procstat', 'context_switches', rate) > 250, 'a duty cycle below 100% sleeps and wakes: more context switches');
  assert.ok(Math.abs(gap(x, 'meminfo', 'MemFree', slopeIn)) < 2048, 'no memory trend');
});

test('membw (2 threads, 512 MB buffers): two busy threads and 2 GB more resident at once', () => {
  const x = jobWith({ name: 'membw', startS: START_S, bufferMB: 512, threads: 2 });
  const dUser = gap(x, 'procstat', 'user', rate);
  assert.ok(dUser > 170 && dUser < 230, `user jiffies/s gap ${dUser.toFixed(1)}, expected ~200`);
  const dAnon = gap(x, 'meminfo', 'AnonPages', meanIn);
  assert.ok(Math.abs(dAnon - 2 * 1024 * 1024) < 0.6 * 1024 * 1024, `AnonPages gap ${(dAnon / 1048576).toFixed(2)} GB, expected ~2`);
  assert.ok(Math.abs(gap(x, 'meminfo', 'AnonPages', slopeIn)) < 2048, 'flat, unlike a leak');
});

test('cachecopy (L3, 1 thread): one busy thread, almost no memory', () => {
  const x = jobWith({ name: 'cachecopy', startS: START_S, cache: 'L3', threads: 1 });
  const dUser = gap(x, 'procstat', 'user', rate);
  assert.ok(dUser > 75 && dUser < 125, `user jiffies/s gap ${dUser.toFixed(1)}`);
  assert.ok(Math.abs(gap(x, 'meminfo', 'AnonPages', meanIn)) < 0.6 * 1024 * 1024, 'footprint within node-to-node variation');
});

test('iometadata (2000 files/s): dentry/inode slab grows, kernel time and context switches rise', () => {
  const x = jobWith({ name: 'iometadata', startS: START_S, filesPerS: 2000 });
  const dSlab = gap(x, 'meminfo', 'SReclaimable', slopeIn);
  assert.ok(Math.abs(dSlab - 1800) < 400, `SReclaimable slope gap ${dSlab.toFixed(0)} kB/s, expected ~1800`);
  assert.ok(gap(x, 'procstat', 'context_switches', rate) > 3500, 'context switches up by ~5000/s');
  assert.ok(gap(x, 'procstat', 'sys', rate) > 4, 'kernel time up');
  assert.ok(gap(x, 'procstat', 'iowait', rate) > 10, 'iowait up');
});

test('iobandwidth (200 MB/s, 4 GB file): dirtied pages, iowait and blocked processes', () => {
  const x = jobWith({ name: 'iobandwidth', startS: START_S, mbPerS: 200, fileGB: 4 });
  const dDirtied = gap(x, 'vmstat', 'nr_dirtied', rate);
  assert.ok(Math.abs(dDirtied - 25_600) < 6000, `nr_dirtied pages/s gap ${dDirtied.toFixed(0)}, expected ~25600 (100 MB/s written)`);
  assert.ok(gap(x, 'vmstat', 'nr_written', rate) > 15_000, 'written back too');
  assert.ok(gap(x, 'procstat', 'iowait', rate) > 80, 'iowait up');
  assert.ok(gap(x, 'procstat', 'procs_blocked', meanIn) > 0.4, 'processes blocked on I/O');
  assert.ok(gap(x, 'meminfo', 'Cached', meanIn) > 2 * 1024 * 1024, 'the file sits in the page cache');
});

test('healthy nodes of a job match in memory use; the rank-0 node also fills the page cache with output', () => {
  const x = jobWith({ name: 'memleak', startS: START_S, sizeMB: 20, periodS: 0.5 });
  const [a, b] = x.healthy.map((n) => slopeIn(series(x.d, 'meminfo', 'AnonPages', x.job.jobId, n), x.job.start + START_S + 10, x.job.start + DURATION_S - 15));
  assert.ok(Math.abs(a! - b!) < 0.1 * 40 * 1024, `healthy AnonPages slopes ${a} and ${b}`);
  // lammps writes its dumps from rank 0: that node's Cached grows, the others' does not.
  const cachedGrowth = x.job.nodes.map((n) => {
    const s = series(x.d, 'meminfo', 'Cached', x.job.jobId, n.componentId);
    return s.y[s.y.length - 20]! - s.y[20]!;
  });
  assert.ok(cachedGrowth[0]! > 20 * 1024, `rank-0 node page cache grew by ${cachedGrowth[0]} kB`);
  for (const growth of cachedGrowth.slice(1)) assert.ok(growth < 0.25 * cachedGrowth[0]!, `other nodes' cache grew ${growth} kB`);
});
