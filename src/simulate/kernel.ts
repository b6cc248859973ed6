/**
 * The Linux memory and CPU accounting of one node, second by second: turns the summed `Load`
 * of its processes into the values /proc/meminfo, /proc/vmstat and /proc/stat would show.
 *
 * The model keeps the identities a kernel keeps (a RHEL 7 / Linux 3.10 kernel, as on Eclipse):
 * - MemFree = MemTotal - anonymous - page cache - buffers - slab - kernel stacks - page tables
 *   - per-cpu - memory the drivers hold; Cached includes Shmem; AnonPages includes AnonHugePages;
 *   Active(anon) + Inactive(anon) = AnonPages + Shmem; Active(file) + Inactive(file) = Cached -
 *   Shmem + Buffers; MemAvailable is the kernel's estimate (free above the low watermark plus
 *   the reclaimable halves of the file LRU and reclaimable slab).
 * - vmstat `nr_*` gauges mirror meminfo in 4 kB pages (nr_anon_pages without THP, as 3.10 does;
 *   nr_kernel_stack in stacks of 16 kB), read a few hundred microseconds apart, so they agree up
 *   to the pages that moved in between.
 * - every allocated page is counted by pgalloc_* and every freed one by pgfree, so
 *   pgfree - pgalloc = the change of nr_free_pages; numa_hit + numa_miss = allocations; a
 *   single-threaded process (an injected leak) fills the socket it runs on, and its later pages
 *   are numa_miss / numa_other on the other one.
 * - page faults follow new resident memory (4 kB faults, THP faults for huge pages), malloc
 *   churn, forks and NUMA-balancing hinting faults; page-cache pressure below the high
 *   watermark drives kswapd (or direct) reclaim of the file LRU and slab, with its counters;
 *   an allocation that cannot be satisfied stalls (the caller's growth is cut), as with no swap.
 * - /proc/stat jiffies add up to 72 hardware threads x 100 Hz x the interval; busy CPUs take
 *   1000 local-timer interrupts and timer softirqs a second, idle ones almost none.
 */
import type { Random } from '../util/random.js';
import type { Load } from './load.js';
import { ECLIPSE_NODE, type NodeTraits } from './node.js';
import { MEMINFO_METRICS, PROCSTAT_METRICS, VMSTAT_METRICS } from './eclipse-columns.js';

const MB = 1024;
const HZ = ECLIPSE_NODE.userHz;
const THREADS = ECLIPSE_NODE.hardwareThreads;

function indexOf(names: readonly string[]): Record<string, number> {
  const map: Record<string, number> = {};
  names.forEach((name, i) => (map[name] = i));
  return map;
}
const MI = indexOf(MEMINFO_METRICS);
const VI = indexOf(VMSTAT_METRICS);
const PI = indexOf(PROCSTAT_METRICS);

/** vm.min_free_kbytes on the simulated nodes and the zone watermarks derived from it. */
const MIN_FREE_KB = 262_144;
const LOW_WMARK_KB = MIN_FREE_KB * 1.25;
const HIGH_WMARK_KB = MIN_FREE_KB * 1.5;

/** The /proc/stat jiffy counters in the order of `PROCSTAT_METRICS` user..guest_nice. */
const CPU_FIELDS = ['user', 'nice', 'sys', 'idle', 'iowait', 'irq', 'softirq', 'steal', 'guest', 'guest_nice'] as const;

/** Long-run average rates (per second of uptime) that set the counters' values at boot + uptime. */
const HISTORY_RATES: Readonly<Record<string, number>> = {
  pgpgin: 12, pgpgout: 60, pgalloc_dma32: 500, pgalloc_normal: 42_000, pgfree: 42_600, pgactivate: 900,
  pgdeactivate: 120, pgfault: 9_000, pgmajfault: 0.4, pgrefill_normal: 160, pgrefill_dma32: 2,
  pgsteal_kswapd_normal: 700, pgsteal_kswapd_dma32: 9, pgscan_kswapd_normal: 1_000, pgscan_kswapd_dma32: 12,
  pgsteal_direct_normal: 40, pgscan_direct_normal: 70, slabs_scanned: 300, kswapd_inodesteal: 4,
  kswapd_low_wmark_hit_quickly: 0.02, kswapd_high_wmark_hit_quickly: 0.01, pageoutrun: 0.05, allocstall: 0.002,
  pgrotated: 0.3, nr_dirtied: 600, nr_written: 590, nr_vmscan_write: 0.01, nr_vmscan_immediate_reclaim: 0.005,
  numa_hit: 41_000, numa_miss: 900, numa_foreign: 900, numa_interleave: 0.3, numa_local: 40_900, numa_other: 1_000,
  workingset_refault: 30, workingset_activate: 12, workingset_nodereclaim: 0.01,
  numa_pte_updates: 30_000, numa_huge_pte_updates: 40, numa_hint_faults: 9_000, numa_hint_faults_local: 8_700,
  numa_pages_migrated: 150, pgmigrate_success: 190, pgmigrate_fail: 0.05, compact_migrate_scanned: 60,
  compact_free_scanned: 300, compact_isolated: 30, compact_stall: 0.004, compact_fail: 0.001, compact_success: 0.003,
  unevictable_pgs_culled: 0.02, unevictable_pgs_mlocked: 0.03, unevictable_pgs_munlocked: 0.03,
  unevictable_pgs_rescued: 0.02, thp_fault_alloc: 30, thp_fault_fallback: 0.6, thp_collapse_alloc: 0.05,
  thp_collapse_alloc_failed: 0.001, thp_split: 2, thp_zero_page_alloc: 0.000_01, pginodesteal: 0.001,
  drop_pagecache: 0.000_02, drop_slab: 0.000_02,
};

/** The state of one node's kernel, carried from job to job. */
export class NodeKernel {
  // Memory (kB).
  private anonKB: number;
  private hugeKB = 0;
  private shmemKB: number;
  private mappedKB: number;
  private fileActiveKB: number;
  private fileInactiveKB: number;
  private buffersKB: number;
  private sReclaimKB: number;
  private sUnreclaimKB: number;
  private kernelStackKB: number;
  private pageTablesKB: number;
  private hiddenKB: number;
  private inactiveAnonKB: number;
  private dirtyKB = 0;
  private writebackKB = 0;
  private committedKB: number;
  private freeKB = 0;
  /** Pages of single-threaded processes that did not fit on their own NUMA node (kB). */
  private spilledKB = 0;
  private vmallocUsedKB: number;
  // Counters and per-sample gauges.
  private readonly vm = new Float64Array(VMSTAT_METRICS.length);
  private readonly cpu = new Float64Array(CPU_FIELDS.length);
  private readonly cpu0 = new Float64Array(CPU_FIELDS.length);
  private hwintr: number;
  private contextSwitches: number;
  private processes: number;
  private softirqCount: number;
  private procsRunning = 1;
  private procsBlocked = 0;
  private reclaimPressure = 0;
  private isolated = 0;
  private readonly vmallocChunkKB: number;
  private readonly directMap4kKB: number;

  constructor(readonly traits: NodeTraits, private readonly rng: Random, now: number) {
    const t = traits;
    this.anonKB = t.daemonAnonKB;
    this.shmemKB = t.baseShmemKB;
    this.mappedKB = t.baseMappedKB;
    // A node starts as an epilog leaves it (see dropCaches): the page cache holds the mapped files.
    this.fileActiveKB = 0.7 * t.baseMappedKB;
    this.fileInactiveKB = 0.3 * t.baseMappedKB;
    this.buffersKB = 8 * MB;
    this.sReclaimKB = t.initialSReclaimableKB;
    this.sUnreclaimKB = t.baseSUnreclaimKB;
    this.kernelStackKB = t.baseThreads * ECLIPSE_NODE.kernelStackKB;
    this.pageTablesKB = 12 * MB;
    this.hiddenKB = t.hiddenKB;
    this.inactiveAnonKB = 0.3 * t.daemonAnonKB + 0.5 * t.baseShmemKB;
    this.committedKB = t.daemonCommittedKB;
    this.vmallocUsedKB = t.vmallocUsedKB;
    this.vmallocChunkKB = 34_358_000_000 + rng.int(700_000);
    this.directMap4kKB = 400_000 + 4 * rng.int(60_000);
    this.freeKB = this.computeFreeKB();
    // Counters start at their value after `uptime` seconds of a typical mix of jobs.
    const uptime = now - t.bootTime;
    for (const [name, rate] of Object.entries(HISTORY_RATES)) {
      this.vm[VI[name]!] = Math.floor(uptime * rate * rng.between(0.6, 1.4));
    }
    const jiffies = uptime * THREADS * HZ;
    const shares = [0.38, 0.0004, 0.018, 0, 0.002, 0.0002, 0.0015, 0, 0, 0];
    shares[3] = 1 - shares.reduce((a, b) => a + b, 0);
    shares.forEach((share, i) => {
      this.cpu[i] = Math.floor(jiffies * share * rng.between(0.9, 1.1));
      this.cpu0[i] = Math.floor((jiffies / THREADS) * share * rng.between(0.85, 1.15));
    });
    this.hwintr = Math.floor(uptime * rng.between(25_000, 45_000));
    this.contextSwitches = Math.floor(uptime * rng.between(15_000, 40_000));
    this.processes = Math.floor(uptime * rng.between(2, 6));
    this.softirqCount = Math.floor(uptime * rng.between(25_000, 50_000));
  }

  private fixedKB(): number {
    return (
      this.shmemKB + this.buffersKB + this.sReclaimKB + this.sUnreclaimKB + this.kernelStackKB +
      this.pageTablesKB + this.traits.percpuKB + this.hiddenKB
    );
  }

  private computeFreeKB(): number {
    return this.traits.memTotalKB - this.anonKB - this.fileActiveKB - this.fileInactiveKB - this.fixedKB();
  }

  private add(name: string, amount: number): void {
    if (amount > 0) this.vm[VI[name]!]! += amount;
  }

  /** Poisson-distributed count with mean `mean` (normal approximation above 30). */
  private poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * this.rng.normal()));
    const limit = Math.exp(-mean);
    let k = 0;
    let p = this.rng.uniform();
    while (p > limit) {
      k++;
      p *= this.rng.uniform();
    }
    return k;
  }

  /**
   * Allocation calls of single-threaded processes that landed on the other NUMA node in this
   * interval. Everything else is spread evenly over the two sockets; such a process fills its
   * own node (half of MemTotal, less its share of the rest and a watermark) and its further
   * pages go to the other node (zone_reclaim_mode 0: no reclaim first). Its pages are written
   * once and not touched again, so NUMA balancing never moves them back.
   */
  private spillNewAllocations(pinnedLoadKB: number): number {
    const pinned = Math.min(pinnedLoadKB, this.anonKB);
    const usedByOthers = this.traits.memTotalKB - this.freeKB - pinned;
    const room = Math.max(0, this.traits.memTotalKB / 2 - usedByOthers / 2 - HIGH_WMARK_KB / 2);
    const spilled = Math.max(0, pinned - room);
    const fresh = Math.max(0, spilled - this.spilledKB);
    this.spilledKB = spilled;
    const hugeShare = this.anonKB > 0 ? this.hugeKB / this.anonKB : 0;
    return fresh * (hugeShare / 2048 + (1 - hugeShare) / 4);
  }

  /**
   * Advances the node by `dt` seconds under `load` (the processes' demand at the end of the
   * interval). Large `dt` (an idle gap between jobs) is allowed: rates are integrated over it.
   */
  step(load: Load, dt: number): void {
    const t = this.traits;
    const rng = this.rng;
    const prev = {
      anon: this.anonKB, huge: this.hugeKB, shmem: this.shmemKB, buffers: this.buffersKB,
      sReclaim: this.sReclaimKB, sUnreclaim: this.sUnreclaimKB, stack: this.kernelStackKB,
      pt: this.pageTablesKB, hidden: this.hiddenKB, free: this.freeKB,
    };

    // 1. What the processes hold now.
    let anon = t.daemonAnonKB * (1 + 0.002 * rng.normal()) + load.anonKB;
    let huge = Math.min(load.anonHugeKB, anon);
    this.shmemKB = t.baseShmemKB + load.shmemKB;
    this.mappedKB = t.baseMappedKB + load.mappedKB + 0.9 * load.shmemKB + 400 * rng.normal();
    const threads = Math.round(t.baseThreads + load.threads);
    this.kernelStackKB = threads * ECLIPSE_NODE.kernelStackKB;
    this.sUnreclaimKB = t.baseSUnreclaimKB + 3 * threads + 0.002 * load.anonKB + 2000 * rng.normal();
    this.sReclaimKB += (load.slabKBps + 20 * load.forksPerS) * dt + 150 * rng.normal();
    this.buffersKB = Math.max(4000, this.buffersKB + (0.02 * load.slabKBps + 0.3) * dt + 40 * rng.normal());
    this.hiddenKB += 0.02 * (t.hiddenKB - this.hiddenKB) * Math.min(dt, 50) + 1500 * rng.normal();
    this.committedKB = t.daemonCommittedKB + load.committedKB + 3000 * rng.normal();
    this.vmallocUsedKB = t.vmallocUsedKB + 64 * rng.int(8);

    // 2. Page cache: new file pages enter the inactive list; re-accessed ones are activated.
    const fileNew = load.fileNewKBps * dt;
    this.fileInactiveKB += fileNew;
    const activated = Math.min(0.3 * this.fileInactiveKB, 0.5 * load.fileTouchKBps * dt + 1e-4 * this.fileInactiveKB * Math.min(dt, 60));
    this.fileInactiveKB -= activated;
    this.fileActiveKB += activated;
    this.add('pgactivate', activated / 4 + this.poisson(2 * dt));
    // Keep the active list no more than about twice the inactive one (inactive_file_is_low).
    let deactivated = 0;
    if (this.fileActiveKB > 2 * this.fileInactiveKB + 64 * MB) {
      deactivated = 0.05 * (this.fileActiveKB - 2 * this.fileInactiveKB) * Math.min(dt, 10);
      this.fileActiveKB -= deactivated;
      this.fileInactiveKB += deactivated;
    }

    // 3. Memory balance and reclaim.
    const nonAnonDemand = 0.5 * (1 / 512) * (anon - huge) + (36 / 512) * load.shmemKB;
    this.pageTablesKB = 12 * MB + nonAnonDemand + huge / 262_144 + 50 * rng.normal();
    this.anonKB = anon;
    let free = this.computeFreeKB();
    const freeBeforeReclaim = free;
    let reclaimed = 0;
    let scanned = 0;
    let slabShrunk = 0;
    const direct = free < MIN_FREE_KB;
    if (free < HIGH_WMARK_KB) {
      let need = HIGH_WMARK_KB - free + 64 * MB;
      const fromInactive = Math.min(need, Math.max(0, this.fileInactiveKB - 96 * MB));
      this.fileInactiveKB -= fromInactive;
      need -= fromInactive;
      const fromActive = Math.min(need, Math.max(0, this.fileActiveKB - 48 * MB));
      this.fileActiveKB -= fromActive;
      deactivated += fromActive;
      need -= fromActive;
      slabShrunk = Math.min(need, 0.5 * this.sReclaimKB);
      this.sReclaimKB -= slabShrunk;
      reclaimed = fromInactive + fromActive + slabShrunk;
      scanned = (fromInactive + fromActive) * rng.between(1.1, 1.8);
      const pages = (fromInactive + fromActive) / 4;
      const dma32 = t.dma32Share;
      if (direct) {
        this.add('pgscan_direct_normal', (scanned / 4) * (1 - dma32));
        this.add('pgscan_direct_dma32', (scanned / 4) * dma32);
        this.add('pgsteal_direct_normal', pages * (1 - dma32));
        this.add('pgsteal_direct_dma32', pages * dma32);
        this.add('allocstall', 1 + this.poisson(pages / 8192));
      }
      const kswapdShare = direct ? 0.4 : 1;
      this.add('pgscan_kswapd_normal', (scanned / 4) * (1 - dma32) * kswapdShare);
      this.add('pgscan_kswapd_dma32', (scanned / 4) * dma32 * kswapdShare);
      this.add('pgsteal_kswapd_normal', pages * (1 - dma32) * kswapdShare);
      this.add('pgsteal_kswapd_dma32', pages * dma32 * kswapdShare);
      this.add('pageoutrun', 1 + this.poisson(pages / 32768));
      this.add('slabs_scanned', 128 * this.poisson(scanned / 4096 + 1));
      this.add('kswapd_inodesteal', slabShrunk / 8);
      this.add('kswapd_low_wmark_hit_quickly', this.poisson(0.3));
      this.add('workingset_nodereclaim', this.poisson(slabShrunk / 65536));
      this.add('nr_vmscan_immediate_reclaim', this.poisson(pages / 4096));
      this.add('nr_vmscan_write', this.poisson(this.dirtyKB / (64 * MB)));
      this.add('pgrotated', this.poisson(pages / 2048));
      free = this.computeFreeKB();
      if (free < MIN_FREE_KB) {
        // Nothing left to reclaim and no swap: the growing allocation stalls.
        const denied = MIN_FREE_KB - free;
        anon -= denied;
        huge = Math.min(huge, Math.max(0, anon - t.daemonAnonKB));
        this.anonKB = anon;
        free = this.computeFreeKB();
      }
    } else if (free < 2 * HIGH_WMARK_KB) {
      this.add('kswapd_high_wmark_hit_quickly', this.poisson(0.2));
    }
    this.hugeKB = huge - (huge % 2048);
    this.freeKB = free;
    this.reclaimPressure = Math.max(0, Math.min(1, (4 * HIGH_WMARK_KB - freeBeforeReclaim) / (3 * HIGH_WMARK_KB)));
    this.isolated = reclaimed > 0 ? this.poisson(16) : rng.uniform() < 0.01 ? rng.int(32) : 0;
    this.add('pgdeactivate', deactivated / 4);
    this.add('pgrefill_normal', (deactivated / 4) * rng.between(1, 1.6));
    this.add('pgrefill_dma32', (deactivated / 4) * t.dma32Share);
    const refaults = (fileNew / 4) * (0.002 + 0.3 * this.reclaimPressure);
    this.add('workingset_refault', refaults);
    this.add('workingset_activate', refaults * 0.4);

    // Anonymous LRU: new anonymous pages start active; reclaim scanning deactivates some.
    const baseInactiveAnon = 0.3 * t.daemonAnonKB + 0.5 * this.shmemKB;
    this.inactiveAnonKB += (baseInactiveAnon - this.inactiveAnonKB) * 0.2 + (reclaimed > 0 ? 0.001 * anon : 0);
    this.inactiveAnonKB = Math.min(this.inactiveAnonKB, 0.5 * (anon + this.shmemKB));

    // 4. Dirty data and writeback (dirty_expire 30 s, flusher every 5 s, background ratio 10%).
    const dirtied = load.dirtyKBps * dt;
    this.dirtyKB += dirtied;
    const dirtyable = free + this.fileActiveKB + this.fileInactiveKB;
    let flushed = this.dirtyKB * (1 - Math.exp(-dt / 9));
    if (this.dirtyKB > 0.1 * dirtyable) flushed += 0.5 * (this.dirtyKB - 0.1 * dirtyable);
    flushed = Math.min(flushed, this.dirtyKB);
    this.dirtyKB -= flushed;
    this.writebackKB = flushed > 64 ? flushed * rng.between(0.05, 0.3) : 0;
    this.add('nr_dirtied', dirtied / 4 + this.poisson(3 * dt));
    this.add('nr_written', flushed / 4 + this.poisson(3 * dt));
    this.add('pgpgin', load.blockInKBps * dt + 4 * this.poisson(0.3 * dt));
    this.add('pgpgout', load.blockOutKBps * dt + 4 * this.poisson(2 * dt));

    // 5. Page faults and allocations.
    const dAnon = this.anonKB - prev.anon;
    const dHuge = this.hugeKB - prev.huge;
    const hugeFaults = Math.max(0, dHuge) / 2048 + (load.anonChurnHugeKBps * dt) / 2048;
    const fallbackShare = Math.min(0.9, t.thpFallbackShare * (1 + 10 * this.reclaimPressure));
    const fallback = hugeFaults * fallbackShare;
    const smallFaults = Math.max(0, dAnon - Math.max(0, dHuge)) / 4 + ((load.anonChurnKBps - load.anonChurnHugeKBps) * dt) / 4 + fallback * 512;
    const forks = load.forksPerS * dt + this.poisson(t.baseForksPerS * dt);
    // Automatic NUMA balancing samples each task's memory every scan period.
    const scanBurst = Math.exp(0.5 * rng.normal());
    const ptePages = (((this.anonKB - this.hugeKB) / 4) / t.numaScanPeriodS) * Math.min(dt, 1) * scanBurst * 0.1;
    const hugePmds = ((this.hugeKB / 2048) / t.numaScanPeriodS) * Math.min(dt, 1) * scanBurst * 0.1;
    const hintFaults = 0.3 * ptePages + 0.8 * hugePmds;
    const localShare = 0.985 - 0.2 * this.reclaimPressure;
    const migrated = hintFaults * (1 - localShare) * 0.5 + hugePmds * (1 - localShare) * 512 * 0.5;
    this.add('numa_pte_updates', ptePages + hugePmds);
    this.add('numa_huge_pte_updates', hugePmds);
    this.add('numa_hint_faults', hintFaults);
    this.add('numa_hint_faults_local', hintFaults * localShare);
    this.add('numa_pages_migrated', migrated);
    this.add('thp_fault_alloc', hugeFaults - fallback);
    this.add('thp_fault_fallback', fallback);
    this.add('thp_split', Math.max(0, -dHuge) / 2048 * 0.3 + this.poisson((load.anonChurnHugeKBps * dt) / 2048 * 0.02));
    const anonSmallKB = this.anonKB - this.hugeKB;
    this.add('thp_collapse_alloc', this.poisson(dt * (anonSmallKB > 1e6 ? 0.08 : 0.01)));
    this.add('thp_collapse_alloc_failed', this.poisson(dt * 0.001 * (1 + 20 * this.reclaimPressure)));
    const minorFaults = (t.baseMinorFaultsPerS + load.minorFaultsPerS) * dt * rng.between(0.9, 1.1) + smallFaults + (hugeFaults - fallback) + forks * 350 + hintFaults;
    this.add('pgfault', minorFaults);
    this.add('pgmajfault', this.poisson(load.majorFaultsPerS * dt + 0.02 * dt));
    // Compaction stalls when huge-page faults meet fragmented free memory.
    const stalls = this.poisson(Math.min(5, hugeFaults * 0.0005 * (1 + 30 * this.reclaimPressure)));
    if (stalls > 0) {
      const success = Math.round(stalls * rng.between(0.5, 1));
      const isolatedPages = stalls * rng.between(200, 2000);
      this.add('compact_stall', stalls);
      this.add('compact_success', success);
      this.add('compact_fail', stalls - success);
      this.add('compact_migrate_scanned', stalls * rng.between(1000, 20000));
      this.add('compact_free_scanned', stalls * rng.between(5000, 80000));
      this.add('compact_isolated', isolatedPages);
      this.add('pgmigrate_success', isolatedPages * 0.45);
      this.add('pgmigrate_fail', this.poisson(stalls * 0.2));
    }
    this.add('pgmigrate_success', migrated);
    // Every new resident page was allocated; churned memory was allocated and freed again.
    const grownKB =
      Math.max(0, this.anonKB - prev.anon) + Math.max(0, this.shmemKB - prev.shmem) + fileNew +
      Math.max(0, this.buffersKB - prev.buffers) + Math.max(0, this.sReclaimKB - prev.sReclaim) +
      Math.max(0, this.sUnreclaimKB - prev.sUnreclaim) + Math.max(0, this.kernelStackKB - prev.stack) +
      Math.max(0, this.pageTablesKB - prev.pt) + Math.max(0, this.hiddenKB - prev.hidden);
    const churnPages = (load.anonChurnKBps * dt) / 4 + t.basePageChurnPerS * dt * rng.between(0.8, 1.2) + forks * 600;
    const allocated = grownKB / 4 + churnPages;
    const freedPages = allocated + (this.freeKB - prev.free) / 4;
    this.add('pgalloc_normal', allocated * (1 - t.dma32Share));
    this.add('pgalloc_dma32', allocated * t.dma32Share);
    this.add('pgalloc_dma', this.poisson(0.0005 * dt));
    this.add('pgfree', freedPages);
    // NUMA placement: allocation calls (a huge page is one call); misses grow as a socket fills.
    const usedShare = 1 - this.freeKB / t.memTotalKB;
    const missShare = Math.min(0.5, t.numaMissShare + 0.25 * Math.max(0, usedShare - 0.45) ** 2 * 4);
    const calls = allocated - (hugeFaults - fallback) * 511;
    const spillCalls = Math.min(calls, this.spillNewAllocations(load.pinnedAnonKB));
    const missCalls = Math.min(calls, calls * missShare + spillCalls);
    const otherCalls = Math.min(calls, calls * 0.002 + spillCalls);
    this.add('numa_hit', calls - missCalls);
    this.add('numa_miss', missCalls);
    this.add('numa_foreign', missCalls);
    this.add('numa_other', otherCalls);
    this.add('numa_local', calls - otherCalls);
    this.add('numa_interleave', this.poisson(0.002 * dt));
    this.add('unevictable_pgs_culled', this.poisson(0.01 * dt));
    const mlocks = this.poisson(0.02 * dt);
    this.add('unevictable_pgs_mlocked', mlocks);
    this.add('unevictable_pgs_munlocked', mlocks);
    this.add('unevictable_pgs_rescued', this.poisson(0.01 * dt));

    // 6. CPU time in jiffies over 72 hardware threads.
    const budget = THREADS * HZ * dt;
    const user = (t.daemonUserCores + load.userCores) * HZ * dt * (1 + 0.002 * rng.normal());
    const nice = this.poisson(0.002 * HZ * dt);
    const reclaimSys = reclaimed / (2 * 1024 * MB);
    const sys = (t.daemonSysCores + load.sysCores + reclaimSys + minorFaults / dt * 1.5e-6) * HZ * dt * (1 + 0.01 * rng.normal());
    const busyThreads = Math.min(THREADS, (user + sys) / (HZ * dt) + 0.5);
    const interrupts = (busyThreads * ECLIPSE_NODE.tickHz + (THREADS - busyThreads) * 12 + t.deviceInterruptsPerS + load.interruptsPerS) * dt;
    const irq = interrupts * 2e-6 * HZ;
    const softirq = (load.softirqCores + interrupts / dt * 1.5e-6) * HZ * dt;
    let iowait = load.iowaitCores * HZ * dt;
    let busy = user + nice + sys + irq + softirq;
    const scale = busy > budget ? budget / busy : 1;
    busy *= scale;
    iowait = Math.min(iowait, budget - busy);
    const idle = budget - busy - iowait;
    const spent = [user * scale, nice * scale, sys * scale, idle, iowait, irq * scale, softirq * scale, 0, 0, 0];
    for (let i = 0; i < spent.length; i++) this.cpu[i]! += Math.max(0, spent[i]!);
    // CPU 0 runs rank 0 (one rank per physical core) and takes a larger share of interrupts.
    const userSpread = Math.min(THREADS, Math.max(ECLIPSE_NODE.cores, load.userCores));
    const u0 = Math.min(HZ * dt, (user * scale) / userSpread);
    const k0 = [u0, (nice * scale) / THREADS, (sys * scale) / THREADS, 0, iowait / THREADS, (2 * irq * scale) / THREADS, (2 * softirq * scale) / THREADS, 0, 0, 0];
    const used0 = k0.reduce((a, b) => a + b, 0);
    if (used0 > HZ * dt) for (let i = 0; i < k0.length; i++) k0[i] = (k0[i]! * HZ * dt) / used0;
    k0[3] = Math.max(0, HZ * dt - k0.reduce((a, b) => a + b, 0));
    for (let i = 0; i < k0.length; i++) this.cpu0[i]! += k0[i]!;
    this.hwintr += interrupts;
    this.softirqCount += (busyThreads * ECLIPSE_NODE.tickHz * 1.05 + t.deviceInterruptsPerS * 0.6 + load.interruptsPerS * 0.8) * dt;
    this.contextSwitches += (t.baseContextSwitchesPerS + load.contextSwitchesPerS + busyThreads * 25) * dt * rng.between(0.95, 1.05);
    this.processes += forks;
    this.procsRunning = Math.max(1, Math.min(THREADS + 8, Math.round(load.running + 1 + t.daemonUserCores + 0.7 * rng.normal())));
    this.procsBlocked = this.poisson(load.blocked + 0.01);
  }

  /** Writes the current /proc/meminfo reading (kB) into `row`, in `MEMINFO_METRICS` order. */
  readMeminfo(row: Float64Array): void {
    const t = this.traits;
    const rng = this.rng;
    const kb = (x: number) => 4 * Math.round(Math.max(0, x) / 4);
    const free = kb(this.freeKB + 4 * Math.round(24 * rng.normal()));
    const fileLru = this.fileActiveKB + this.fileInactiveKB + this.buffersKB;
    const available = this.freeKB - LOW_WMARK_KB + fileLru - Math.min(fileLru / 2, LOW_WMARK_KB) + this.sReclaimKB - Math.min(this.sReclaimKB / 2, LOW_WMARK_KB);
    const inactiveAnon = kb(this.inactiveAnonKB);
    const activeAnon = kb(this.anonKB + this.shmemKB - this.inactiveAnonKB - t.mlockedKB);
    const activeFile = kb(this.fileActiveKB + 0.7 * this.buffersKB);
    const inactiveFile = kb(this.fileInactiveKB + 0.3 * this.buffersKB);
    row[MI.MemTotal!] = t.memTotalKB;
    row[MI.MemFree!] = free;
    row[MI.MemAvailable!] = kb(available);
    row[MI.Buffers!] = kb(this.buffersKB);
    row[MI.Cached!] = kb(this.fileActiveKB + this.fileInactiveKB + this.shmemKB);
    row[MI.SwapCached!] = 0;
    row[MI.Active!] = activeAnon + activeFile;
    row[MI.Inactive!] = inactiveAnon + inactiveFile;
    row[MI['Active(anon)']!] = activeAnon;
    row[MI['Inactive(anon)']!] = inactiveAnon;
    row[MI['Active(file)']!] = activeFile;
    row[MI['Inactive(file)']!] = inactiveFile;
    row[MI.Unevictable!] = kb(t.mlockedKB + 16);
    row[MI.Mlocked!] = kb(t.mlockedKB);
    row[MI.SwapTotal!] = 0;
    row[MI.SwapFree!] = 0;
    row[MI.Dirty!] = kb(this.dirtyKB + 4 * this.poisson(6));
    row[MI.Writeback!] = kb(this.writebackKB);
    row[MI.AnonPages!] = kb(this.anonKB);
    row[MI.Mapped!] = kb(this.mappedKB);
    row[MI.Shmem!] = kb(this.shmemKB);
    row[MI.Slab!] = kb(this.sReclaimKB) + kb(this.sUnreclaimKB);
    row[MI.SReclaimable!] = kb(this.sReclaimKB);
    row[MI.SUnreclaim!] = kb(this.sUnreclaimKB);
    row[MI.KernelStack!] = this.kernelStackKB;
    row[MI.PageTables!] = kb(this.pageTablesKB);
    row[MI.NFS_Unstable!] = 0;
    row[MI.Bounce!] = 0;
    row[MI.WritebackTmp!] = 0;
    row[MI.CommitLimit!] = Math.floor(t.memTotalKB / 2);
    row[MI.Committed_AS!] = kb(this.committedKB);
    row[MI.VmallocTotal!] = 34_359_738_367;
    row[MI.VmallocUsed!] = Math.round(this.vmallocUsedKB);
    row[MI.VmallocChunk!] = this.vmallocChunkKB;
    row[MI.Percpu!] = t.percpuKB;
    row[MI.HardwareCorrupted!] = 0;
    row[MI.AnonHugePages!] = this.hugeKB;
    row[MI.CmaTotal!] = 0;
    row[MI.CmaFree!] = 0;
    row[MI.HugePages_Total!] = 0;
    row[MI.HugePages_Free!] = 0;
    row[MI.HugePages_Rsvd!] = 0;
    row[MI.HugePages_Surp!] = 0;
    row[MI.Hugepagesize!] = ECLIPSE_NODE.hugePageKB;
    row[MI.DirectMap4k!] = this.directMap4kKB;
    row[MI.DirectMap2M!] = 2048 * (4190 + (this.directMap4kKB % 7));
    row[MI.DirectMap1G!] = 1024 * 1024 * 126;
  }

  /** Writes the current /proc/vmstat reading into `row`, in `VMSTAT_METRICS` order. */
  readVmstat(row: Float64Array): void {
    const rng = this.rng;
    for (let i = 0; i < row.length; i++) row[i] = Math.floor(this.vm[i]!);
    const pages = (kB: number) => Math.max(0, Math.round(kB / 4));
    // Pages that moved between the meminfo and the vmstat read.
    const drift = Math.round(30 * rng.normal());
    const free = pages(this.freeKB) + drift;
    const fileLru = this.fileActiveKB + this.fileInactiveKB;
    row[VI.nr_free_pages!] = free;
    row[VI.nr_alloc_batch!] = rng.int(6000);
    row[VI.nr_inactive_anon!] = pages(this.inactiveAnonKB);
    row[VI.nr_active_anon!] = pages(this.anonKB + this.shmemKB - this.inactiveAnonKB - this.traits.mlockedKB) - drift;
    row[VI.nr_inactive_file!] = pages(this.fileInactiveKB + 0.3 * this.buffersKB);
    row[VI.nr_active_file!] = pages(this.fileActiveKB + 0.7 * this.buffersKB);
    row[VI.nr_unevictable!] = pages(this.traits.mlockedKB + 16);
    row[VI.nr_mlock!] = pages(this.traits.mlockedKB);
    row[VI.nr_anon_pages!] = pages(this.anonKB - this.hugeKB) - drift;
    row[VI.nr_mapped!] = pages(this.mappedKB);
    row[VI.nr_file_pages!] = pages(fileLru + this.shmemKB + this.buffersKB);
    row[VI.nr_dirty!] = pages(this.dirtyKB);
    row[VI.nr_writeback!] = pages(this.writebackKB);
    row[VI.nr_slab_reclaimable!] = pages(this.sReclaimKB);
    row[VI.nr_slab_unreclaimable!] = pages(this.sUnreclaimKB);
    row[VI.nr_page_table_pages!] = pages(this.pageTablesKB);
    row[VI.nr_kernel_stack!] = Math.round(this.kernelStackKB / ECLIPSE_NODE.kernelStackKB);
    row[VI.nr_unstable!] = 0;
    row[VI.nr_bounce!] = 0;
    row[VI.nr_writeback_temp!] = 0;
    row[VI.nr_isolated_anon!] = this.isolated > 0 ? rng.int(this.isolated + 1) : 0;
    row[VI.nr_isolated_file!] = this.isolated;
    row[VI.nr_shmem!] = pages(this.shmemKB);
    row[VI.nr_anon_transparent_hugepages!] = Math.round(this.hugeKB / 2048);
    row[VI.nr_free_cma!] = 0;
    const dirtyable = Math.max(0, free + pages(fileLru) - 131_072);
    row[VI.nr_dirty_threshold!] = Math.floor(0.2 * dirtyable);
    row[VI.nr_dirty_background_threshold!] = Math.floor(0.1 * dirtyable);
  }

  /** Writes the current /proc/stat reading (jiffies, counts) into `row`, in `PROCSTAT_METRICS` order. */
  readProcstat(row: Float64Array): void {
    row[PI.cores_up!] = THREADS;
    row[PI.cpu_enabled!] = 1;
    CPU_FIELDS.forEach((field, i) => {
      row[PI[field]!] = Math.floor(this.cpu[i]!);
    });
    row[PI.hwintr_count!] = Math.floor(this.hwintr);
    row[PI.context_switches!] = Math.floor(this.contextSwitches);
    row[PI.processes!] = Math.floor(this.processes);
    row[PI.procs_running!] = this.procsRunning;
    row[PI.procs_blocked!] = this.procsBlocked;
    row[PI.softirq_count!] = Math.floor(this.softirqCount);
    // The sampler stores the per-core fields as arrays over CPUs; a flat export keeps CPU 0.
    row[PI.per_core_cpu_enabled!] = 1;
    const perCore = ['per_core_user', 'per_core_nice', 'per_core_sys', 'per_core_idle', 'per_core_iowait', 'per_core_irq', 'per_core_softirqd', 'per_core_steal', 'per_core_guest', 'per_core_guest_nice'];
    perCore.forEach((name, i) => {
      row[PI[name]!] = Math.floor(this.cpu0[i]!);
    });
  }

  /**
   * The job epilog's `echo 3 > /proc/sys/vm/drop_caches`: clean page cache, buffers and
   * reclaimable slab (dentries, inodes) not in use are freed. What stays: dirty pages, the files
   * mapped by running processes, and the slab objects that are pinned (a quarter here).
   */
  dropCaches(): void {
    const inUseKB = Math.min(this.fileActiveKB + this.fileInactiveKB, this.dirtyKB + this.mappedKB);
    this.fileActiveKB = 0.7 * inUseKB;
    this.fileInactiveKB = inUseKB - this.fileActiveKB;
    this.buffersKB = Math.min(this.buffersKB, 8 * MB);
    this.sReclaimKB *= 0.25;
    this.freeKB = this.computeFreeKB();
  }

  /** Marks the start of a job on this node: the first THP use allocates the huge zero page. */
  startJob(): void {
    this.add('thp_zero_page_alloc', this.rng.uniform() < 0.02 ? 1 : 0);
  }
}
