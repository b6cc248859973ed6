/**
 * HPAS-style anomalies (peaclab/HPAS) as load generators. Each anomaly is an ordinary process on
 * the node, started `startS` seconds into the job and running to its end (or for `durationS`),
 * with the parameters HPAS itself takes:
 *
 * - `memleak`: allocates and touches `sizeMB` every `periodS` seconds and never frees it
 *   (HPAS defaults 20 MB / 0.2 s = 100 MB/s).
 * - `memeater`: grows a buffer by `sizeMB` every `periodS` seconds up to `maxGB`, rewriting it
 *   all the time (one busy thread plus a growing footprint).
 * - `cpuoccupy`: `threads` busy loops, each at `utilization` (0..1) of a hardware thread.
 * - `membw`: `threads` threads streaming over a `bufferMB` buffer each (memory bandwidth).
 * - `cachecopy`: `threads` threads copying within an L1/L2/L3-sized buffer (cache thrashing).
 * - `iometadata`: creates, stats and removes `filesPerS` small files per second.
 * - `iobandwidth`: reads and writes a `fileGB` file at `mbPerS` MB/s.
 *
 * Without a job to displace, the process competes with the application: every CPU-bound
 * anomaly runs on hyper-threads the MPI ranks leave idle, so it raises user time and
 * procs_running rather than lowering the application's share.
 */
import type { Random } from '../util/random.js';
import type { Load, LoadSource } from './load.js';

/** The anomaly names (HPAS programs), `none` excluded. */
export const ANOMALY_NAMES = ['memleak', 'memeater', 'cpuoccupy', 'membw', 'cachecopy', 'iometadata', 'iobandwidth'] as const;
export type AnomalyName = (typeof ANOMALY_NAMES)[number];

interface Timing {
  /** Seconds after the job start when the anomaly starts. */
  readonly startS: number;
  /** How long it runs (s); to the end of the job when absent. */
  readonly durationS?: number;
}

/** One anomaly and its HPAS parameters. */
export type AnomalySpec = Timing &
  (
    | { readonly name: 'memleak'; readonly sizeMB: number; readonly periodS: number }
    | { readonly name: 'memeater'; readonly sizeMB: number; readonly periodS: number; readonly maxGB: number }
    | { readonly name: 'cpuoccupy'; readonly utilization: number; readonly threads: number }
    | { readonly name: 'membw'; readonly bufferMB: number; readonly threads: number }
    | { readonly name: 'cachecopy'; readonly cache: 'L1' | 'L2' | 'L3'; readonly threads: number }
    | { readonly name: 'iometadata'; readonly filesPerS: number }
    | { readonly name: 'iobandwidth'; readonly mbPerS: number; readonly fileGB: number }
  );

/** Allocation rate of a memory leak (MB/s): size / period. */
export function leakRateMBps(spec: { sizeMB: number; periodS: number }): number {
  return spec.sizeMB / spec.periodS;
}

const HPAS_PERIODS_S = [0.2, 0.5, 1, 2] as const;

/**
 * How an anomaly's parameters are drawn:
 * - `varied`: intensities log-uniform between subtle and HPAS-default strength, started between
 *   5% and 50% into the job (some injections are hard to see);
 * - `hpas-default`: HPAS's own defaults, launched with the application and running to the end
 *   of the job, as the published Prodigy dataset injected them. Defined for `memleak` only:
 *   size 20 MB, period uniform in [0.21, 0.3] s: HPAS sleeps 0.2 s, then mallocs 20 MB and
 *   writes it byte by byte (20 M stores and ~5,000 page faults: 10-60 ms, more when the node's
 *   hardware threads are busy); start at a whole second in [0, 3].
 */
export type AnomalyParameters = 'varied' | 'hpas-default';

/** The anomalies whose `hpas-default` parameters are defined. */
export const HPAS_DEFAULT_ANOMALIES: readonly AnomalyName[] = ['memleak'];

/** HPAS memleak's allocation size (MB) and the range of its effective period (s) under `hpas-default`. */
export const HPAS_MEMLEAK_SIZE_MB = 20;
export const HPAS_MEMLEAK_PERIOD_S: readonly [number, number] = [0.21, 0.3];

/**
 * Draws the parameters of anomaly `name` for a job of `jobDurationS` seconds, the `varied` way
 * (default) or with HPAS's defaults (see `AnomalyParameters`; throws for an anomaly whose
 * defaults are not defined).
 */
export function drawAnomaly(name: AnomalyName, jobDurationS: number, rng: Random, parameters: AnomalyParameters = 'varied'): AnomalySpec {
  if (parameters === 'hpas-default') {
    if (name !== 'memleak') throw new Error(`anomaly "${name}": hpas-default parameters are defined for ${HPAS_DEFAULT_ANOMALIES.join(', ')} only`);
    const [lo, hi] = HPAS_MEMLEAK_PERIOD_S;
    const periodS = Math.round(100 * rng.between(lo, hi)) / 100;
    return { name, startS: rng.int(4), sizeMB: HPAS_MEMLEAK_SIZE_MB, periodS };
  }
  const logUniform = (lo: number, hi: number) => Math.exp(rng.between(Math.log(lo), Math.log(hi)));
  const startS = Math.round(jobDurationS * rng.between(0.05, 0.5));
  switch (name) {
    case 'memleak': {
      const periodS = HPAS_PERIODS_S[rng.int(HPAS_PERIODS_S.length)]!;
      const rate = logUniform(2, 100);
      return { name, startS, periodS, sizeMB: Math.max(1, Math.round(rate * periodS)) };
    }
    case 'memeater':
      return { name, startS, sizeMB: Math.round(logUniform(64, 1024)), periodS: Math.round(rng.between(2, 10)), maxGB: Math.round(rng.between(4, 24)) };
    case 'cpuoccupy':
      return { name, startS, utilization: Math.round(100 * logUniform(0.15, 1)) / 100, threads: 1 + rng.int(4) };
    case 'membw':
      return { name, startS, bufferMB: Math.round(logUniform(64, 1024)), threads: 1 + rng.int(3) };
    case 'cachecopy':
      return { name, startS, cache: (['L1', 'L2', 'L3'] as const)[rng.int(3)]!, threads: 1 + rng.int(3) };
    case 'iometadata':
      return { name, startS, filesPerS: Math.round(logUniform(100, 4000)) };
    case 'iobandwidth':
      return { name, startS, mbPerS: Math.round(logUniform(30, 600)), fileGB: Math.round(rng.between(1, 8)) };
  }
}

const MB = 1024;
const GB = 1024 * 1024;
const CACHE_KB = { L1: 32, L2: 256, L3: 46_080 } as const;

/** The load of one anomaly on one node. */
export class AnomalyOnNode implements LoadSource {
  private leakedKB = 0;
  private cachedFileKB = 0;

  constructor(readonly spec: AnomalySpec, private readonly rng: Random) {}

  /** Whether the anomaly process is running at second `t` of the job. */
  activeAt(t: number): boolean {
    const s = this.spec;
    return t >= s.startS && (s.durationS === undefined || t < s.startS + s.durationS);
  }

  addTo(load: Load, t: number): void {
    if (!this.activeAt(t)) {
      // A process that has exited holds no memory.
      this.leakedKB = 0;
      return;
    }
    const s = this.spec;
    const rng = this.rng;
    const elapsed = t - s.startS + 1;
    load.threads += 1;
    if (t === s.startS) load.forksPerS += 1;
    switch (s.name) {
      case 'memleak': {
        // Allocations happen at whole periods; at 1 s sampling a short period looks smooth.
        const allocations = Math.floor(elapsed / s.periodS);
        const kB = allocations * s.sizeMB * MB;
        const grown = Math.max(0, kB - this.leakedKB);
        this.leakedKB = kB;
        const hugeShare = s.sizeMB >= 4 ? 0.9 : 0.3;
        load.anonKB += kB;
        load.pinnedAnonKB += kB;
        load.anonHugeKB += Math.floor((kB * hugeShare) / 2048) * 2048;
        load.committedKB += kB + 8 * MB;
        // memset of the new block: user time; zeroing pages in the fault path: kernel time.
        load.userCores += grown / (6 * GB) + 0.001;
        load.sysCores += grown / (3 * GB);
        load.running += grown > 0 && rng.uniform() < 0.1 ? 1 : 0;
        load.contextSwitchesPerS += 1 / s.periodS;
        break;
      }
      case 'memeater': {
        const steps = Math.floor(elapsed / s.periodS) + 1;
        const kB = Math.min(s.maxGB * GB, steps * s.sizeMB * MB);
        load.anonKB += kB;
        load.pinnedAnonKB += kB;
        load.anonHugeKB += Math.floor((kB * 0.85) / 2048) * 2048;
        load.committedKB += kB + 8 * MB;
        load.userCores += 0.97 + 0.03 * rng.uniform();
        load.sysCores += 0.02;
        load.running += 1;
        load.contextSwitchesPerS += 5;
        if (kB > this.leakedKB) load.anonChurnKBps += (kB - this.leakedKB) * 0.5; // realloc copies
        this.leakedKB = kB;
        break;
      }
      case 'cpuoccupy': {
        const busy = s.threads * s.utilization * (0.97 + 0.06 * rng.uniform());
        load.userCores += busy;
        load.running += rng.uniform() < s.utilization ? s.threads : Math.round(s.threads * s.utilization);
        // A duty cycle below 100% sleeps and wakes every 10 ms.
        load.contextSwitchesPerS += s.utilization < 0.99 ? 200 * s.threads : 2 * s.threads;
        load.anonKB += 200;
        load.committedKB += 6 * MB;
        break;
      }
      case 'membw': {
        const kB = s.threads * 2 * s.bufferMB * MB;
        load.anonKB += kB;
        load.anonHugeKB += Math.floor((kB * 0.9) / 2048) * 2048;
        load.committedKB += kB + 8 * MB;
        load.userCores += s.threads * (0.95 + 0.05 * rng.uniform());
        load.running += s.threads;
        load.contextSwitchesPerS += 3 * s.threads;
        // Saturated memory channels stall the application's ranks in MPI progress loops.
        load.sysCores += 0.05 * s.threads;
        load.minorFaultsPerS += 40 * s.threads;
        break;
      }
      case 'cachecopy': {
        const kB = s.threads * 2 * CACHE_KB[s.cache];
        load.anonKB += kB + 300;
        load.committedKB += kB + 6 * MB;
        load.userCores += s.threads * (0.96 + 0.04 * rng.uniform());
        load.running += s.threads;
        load.contextSwitchesPerS += 3 * s.threads;
        break;
      }
      case 'iometadata': {
        const files = s.filesPerS * (0.75 + 0.5 * rng.uniform());
        // Each create/stat/unlink costs ~100 us of kernel time (parallel-file-system RPCs) and
        // leaves dentries and inodes behind.
        load.sysCores += files * 100e-6;
        load.iowaitCores += 0.1 + files * 30e-6;
        load.softirqCores += files * 4e-6;
        load.slabKBps += files * 0.9;
        load.fileNewKBps += files * 4;
        load.dirtyKBps += files * 4;
        load.contextSwitchesPerS += files * 2.5;
        load.interruptsPerS += files * 2;
        load.blocked += 0.5 + files / 4000;
        load.running += rng.uniform() < 0.5 ? 1 : 0;
        load.minorFaultsPerS += files * 0.5;
        load.anonKB += 2 * MB;
        load.committedKB += 12 * MB;
        break;
      }
      case 'iobandwidth': {
        const rate = s.mbPerS * MB * (0.8 + 0.4 * rng.uniform());
        const written = rate / 2;
        const read = rate / 2;
        // The file enters the page cache once; later passes re-read cached pages.
        const fileKB = s.fileGB * GB;
        const fresh = Math.min(written + read, Math.max(0, fileKB - this.cachedFileKB));
        this.cachedFileKB += fresh;
        load.fileNewKBps += fresh;
        load.fileTouchKBps += written + read - fresh;
        load.dirtyKBps += written;
        load.blockInKBps += read * 0.05;
        load.blockOutKBps += written * 0.05;
        load.sysCores += rate / (900 * MB);
        load.iowaitCores += 0.4 + rate / (250 * MB);
        load.softirqCores += rate / (4 * GB);
        load.contextSwitchesPerS += rate / 32;
        load.interruptsPerS += rate / 48;
        load.blocked += 0.8;
        load.running += rng.uniform() < 0.4 ? 1 : 0;
        load.anonKB += 4 * MB;
        load.committedKB += 20 * MB;
        break;
      }
    }
  }
}
