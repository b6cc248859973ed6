/**
 * An Eclipse compute node: the hardware every node shares and the traits that make one node
 * differ from another (firmware reservations, resident daemons, the slab left by earlier jobs,
 * how fragmented memory is, how long it has been up).
 */
import { Random } from '../util/random.js';

/** Eclipse hardware: 2 sockets x 18 Broadwell E5-2695 v4 cores, 2 hardware threads each, 128 GB. */
export const ECLIPSE_NODE = {
  sockets: 2,
  cores: 36,
  hardwareThreads: 72,
  /** Kernel clock ticks per second seen by /proc/stat (USER_HZ). */
  userHz: 100,
  /** Scheduler tick rate (CONFIG_HZ), which drives the local-timer interrupts of busy CPUs. */
  tickHz: 1000,
  /** Physical memory in kB (128 GiB). */
  physicalKB: 128 * 1024 * 1024,
  pageKB: 4,
  hugePageKB: 2048,
  /** Kernel stack size per thread (THREAD_SIZE) in kB. */
  kernelStackKB: 16,
} as const;

/** The persistent traits of one node: fixed for its lifetime, different between nodes. */
export interface NodeTraits {
  readonly componentId: number;
  /** MemTotal (kB): physical memory less firmware and kernel reservations. */
  readonly memTotalKB: number;
  /** Memory used outside the meminfo categories (driver and InfiniBand buffers) (kB). */
  readonly hiddenKB: number;
  /** Resident anonymous memory and committed memory of the system daemons (kB). */
  readonly daemonAnonKB: number;
  readonly daemonCommittedKB: number;
  /** CPU used by daemons (slurmd, ldmsd, health checks), in hardware threads. */
  readonly daemonUserCores: number;
  readonly daemonSysCores: number;
  /** Kernel and daemon threads that always exist. */
  readonly baseThreads: number;
  readonly baseShmemKB: number;
  readonly baseMappedKB: number;
  readonly baseSUnreclaimKB: number;
  readonly percpuKB: number;
  readonly vmallocUsedKB: number;
  readonly mlockedKB: number;
  /** Interrupts per second from devices (NIC, HCA) and idle CPUs. */
  readonly deviceInterruptsPerS: number;
  readonly baseContextSwitchesPerS: number;
  readonly baseForksPerS: number;
  readonly baseMinorFaultsPerS: number;
  /** Pages allocated and freed per second by the kernel itself (skbs, pipes, slab churn). */
  readonly basePageChurnPerS: number;
  /** Share of page allocations served from the DMA32 zone. */
  readonly dma32Share: number;
  /** Share of allocations that land on the other NUMA node while both have free memory. */
  readonly numaMissShare: number;
  /** Share of transparent-huge-page faults that fall back to 4 kB pages (fragmentation). */
  readonly thpFallbackShare: number;
  /** Seconds between automatic NUMA-balancing scans of a task's memory. */
  readonly numaScanPeriodS: number;
  /** Unix time (s) the node booted. */
  readonly bootTime: number;
  /** Reclaimable slab (kB) left by the jobs before the first simulated one (a quarter outlives each epilog). */
  readonly initialSReclaimableKB: number;
}

/** Two firmware variants of the same board: MemTotal differs by a few MB between them. */
const MEM_TOTAL_VARIANTS_KB = [131_916_744, 131_914_696, 131_922_844];

/**
 * Draws the traits of node `componentId` (deterministic in `rng`). The nodes share one hardware
 * model and one OS image with the same daemons and sysctls, so their traits differ by a few
 * percent to a few tens of percent (daemons' state, driver buffers, fragmentation), not by
 * factors; the slab left by earlier jobs differs more. The page cache is not a trait: the job
 * epilog drops it.
 */
export function drawNodeTraits(componentId: number, firstJobStart: number, rng: Random): NodeTraits {
  const logUniform = (lo: number, hi: number) => Math.exp(rng.between(Math.log(lo), Math.log(hi)));
  return {
    componentId,
    memTotalKB: MEM_TOTAL_VARIANTS_KB[rng.int(MEM_TOTAL_VARIANTS_KB.length)]!,
    hiddenKB: rng.between(2.2e6, 2.6e6),
    daemonAnonKB: rng.between(0.7e6, 0.9e6),
    daemonCommittedKB: rng.between(4.0e6, 4.8e6),
    daemonUserCores: rng.between(0.05, 0.08),
    daemonSysCores: rng.between(0.05, 0.08),
    baseThreads: Math.round(rng.between(1250, 1400)),
    baseShmemKB: rng.between(50e3, 150e3),
    baseMappedKB: rng.between(150e3, 200e3),
    baseSUnreclaimKB: rng.between(1.1e6, 1.3e6),
    percpuKB: 18_432 + 1024 * rng.int(24),
    vmallocUsedKB: rng.between(850e3, 950e3),
    mlockedKB: rng.int(4) * 4 * rng.between(0, 600),
    deviceInterruptsPerS: rng.between(2500, 3500),
    baseContextSwitchesPerS: rng.between(4000, 6000),
    baseForksPerS: logUniform(0.5, 2),
    baseMinorFaultsPerS: logUniform(300, 700),
    basePageChurnPerS: logUniform(5000, 9000),
    dma32Share: rng.between(0.005, 0.01),
    numaMissShare: logUniform(0.001, 0.004),
    thpFallbackShare: logUniform(0.005, 0.04),
    numaScanPeriodS: rng.between(18, 24),
    bootTime: firstJobStart - rng.between(2, 60) * 86_400,
    initialSReclaimableKB: logUniform(0.3e6, 4e6),
  };
}
