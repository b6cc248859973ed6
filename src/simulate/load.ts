/**
 * What the processes on one node ask of the kernel during one sampling interval. An
 * application and every injected anomaly each add their share to one `Load`; the node's
 * kernel model (`kernel.ts`) turns the sum into /proc/meminfo, /proc/vmstat and /proc/stat.
 *
 * Levels are resident amounts at the end of the interval; rates are per second.
 */
export interface Load {
  /** CPU time in user mode, in hardware threads' worth (1 = one thread fully busy). */
  userCores: number;
  /** CPU time in kernel mode, in hardware threads' worth. */
  sysCores: number;
  /** Idle time spent waiting for I/O, in hardware threads' worth. */
  iowaitCores: number;
  /** Soft-interrupt time, in hardware threads' worth. */
  softirqCores: number;
  /** Resident anonymous memory (kB), transparent huge pages included. */
  anonKB: number;
  /** The part of `anonKB` backed by 2 MB transparent huge pages (kB). */
  anonHugeKB: number;
  /**
   * The part of `anonKB` held by single-threaded processes (kB). First touch puts all of such a
   * process's pages on the NUMA node it runs on, where the application's ranks spread theirs
   * over both sockets; once that node is full, its new pages land on the other node.
   */
  pinnedAnonKB: number;
  /** Committed virtual memory (kB): what Committed_AS adds up. */
  committedKB: number;
  /** Shared memory (tmpfs, /dev/shm, SysV) resident (kB). */
  shmemKB: number;
  /** File-backed memory mapped into the processes (binaries, libraries) (kB). */
  mappedKB: number;
  /** Anonymous memory allocated and freed again within the interval (kB/s): malloc churn. */
  anonChurnKBps: number;
  /** The part of `anonChurnKBps` served by transparent huge pages (kB/s). */
  anonChurnHugeKBps: number;
  /** Minor page faults not explained by new resident memory (re-faults, forks) per second. */
  minorFaultsPerS: number;
  /** Major page faults (reads from storage) per second. */
  majorFaultsPerS: number;
  /** File data entering the page cache (reads that miss, new writes) (kB/s). */
  fileNewKBps: number;
  /** Cached file data accessed again, which activates it (kB/s). */
  fileTouchKBps: number;
  /** File data written, which dirties page-cache pages (kB/s). */
  dirtyKBps: number;
  /** Block-device reads and writes (pgpgin / pgpgout, kB/s); parallel file systems bypass them. */
  blockInKBps: number;
  blockOutKBps: number;
  /** Growth of reclaimable slab (dentries, inodes) (kB/s). */
  slabKBps: number;
  /** Threads that exist (each has a 16 kB kernel stack). */
  threads: number;
  /** Threads runnable at the sampling instant (procs_running). */
  running: number;
  /** Threads blocked on I/O at the sampling instant (expected value of procs_blocked). */
  blocked: number;
  /** Context switches per second. */
  contextSwitchesPerS: number;
  /** Hardware interrupts per second beyond the timer ticks of busy CPUs. */
  interruptsPerS: number;
  /** Processes and threads created per second (fork/clone). */
  forksPerS: number;
}

/** A load of nothing: the identity of `addLoad`. */
export function emptyLoad(): Load {
  return {
    userCores: 0, sysCores: 0, iowaitCores: 0, softirqCores: 0,
    anonKB: 0, anonHugeKB: 0, pinnedAnonKB: 0, committedKB: 0, shmemKB: 0, mappedKB: 0,
    anonChurnKBps: 0, anonChurnHugeKBps: 0, minorFaultsPerS: 0, majorFaultsPerS: 0,
    fileNewKBps: 0, fileTouchKBps: 0, dirtyKBps: 0, blockInKBps: 0, blockOutKBps: 0, slabKBps: 0,
    threads: 0, running: 0, blocked: 0, contextSwitchesPerS: 0, interruptsPerS: 0, forksPerS: 0,
  };
}

/** Resets every field of `load` to zero in place (one allocation per node, not per second). */
export function clearLoad(load: Load): Load {
  for (const key of Object.keys(load) as (keyof Load)[]) load[key] = 0;
  return load;
}

/** Something that adds its demand at second `t` (seconds since its job started) to a load. */
export interface LoadSource {
  addTo(load: Load, t: number): void;
}
