/**
 * Metric kinds, as data. Every metric column of a sampler is one of:
 * - `counter`: cumulative since boot (it only grows); the tidy table keeps its per-interval
 *   difference;
 * - `gauge`: the value at the sampling instant; the tidy table keeps the value;
 * - `constant`: a limit or a configuration constant (MemTotal, CommitLimit, cores_up, ...); it
 *   carries no information about the job and is dropped.
 *
 * {@link METRIC_KIND_RULES} is an ordered table; the first rule whose sampler and name match
 * decides. It covers every Eclipse column (spec/eclipse-samplers.md) and the usual names of
 * newer kernels. A metric no rule matches is classified from its data by the fallback rule in
 * `kind-inference.ts`.
 */
import type { SamplerName } from './samplers.js';

/** What a metric's values mean over time (see the module comment). */
export type MetricKind = 'counter' | 'gauge' | 'constant';

/** One row of the kind table. */
export interface MetricKindRule {
  /** The sampler the rule applies to. */
  readonly sampler: SamplerName;
  /** An exact metric name, or a pattern tested against the name. */
  readonly match: string | RegExp;
  readonly kind: MetricKind;
  /** Why this kind: the kernel's meaning of the field. */
  readonly why: string;
}

const JIFFIES = 'CPU time in jiffies (USER_HZ ticks), summed over CPUs since boot';

/** The kind table, first match wins. */
export const METRIC_KIND_RULES: readonly MetricKindRule[] = [
  // ---- meminfo: amounts at the sampling instant (kB or pages), never cumulative.
  { sampler: 'meminfo', match: 'MemTotal', kind: 'constant', why: 'installed memory less kernel reservations; fixed while the node is up' },
  { sampler: 'meminfo', match: 'SwapTotal', kind: 'constant', why: 'configured swap size' },
  { sampler: 'meminfo', match: 'CommitLimit', kind: 'constant', why: 'overcommit limit, from RAM, swap and vm.overcommit_ratio' },
  { sampler: 'meminfo', match: 'VmallocTotal', kind: 'constant', why: 'size of the vmalloc address space' },
  { sampler: 'meminfo', match: 'Hugepagesize', kind: 'constant', why: 'default huge page size' },
  { sampler: 'meminfo', match: 'HugePages_Total', kind: 'constant', why: 'configured huge page pool size' },
  { sampler: 'meminfo', match: 'CmaTotal', kind: 'constant', why: 'size of the contiguous memory allocator area' },
  { sampler: 'meminfo', match: /Total$/, kind: 'constant', why: 'a *Total field of /proc/meminfo is a configured size' },
  { sampler: 'meminfo', match: /.*/, kind: 'gauge', why: '/proc/meminfo reports amounts at the sampling instant' },

  // ---- vmstat: nr_* are page counts at the instant, the rest are event counters.
  { sampler: 'vmstat', match: 'nr_dirty_threshold', kind: 'constant', why: 'a writeback limit derived from free memory, not an observation' },
  { sampler: 'vmstat', match: 'nr_dirty_background_threshold', kind: 'constant', why: 'a writeback limit derived from free memory, not an observation' },
  { sampler: 'vmstat', match: 'nr_dirtied', kind: 'counter', why: 'pages dirtied since boot' },
  { sampler: 'vmstat', match: 'nr_written', kind: 'counter', why: 'pages written back since boot' },
  { sampler: 'vmstat', match: 'nr_vmscan_write', kind: 'counter', why: 'pages written by reclaim since boot' },
  { sampler: 'vmstat', match: 'nr_vmscan_immediate_reclaim', kind: 'counter', why: 'pages reclaimed at writeback end since boot' },
  { sampler: 'vmstat', match: /^nr_foll_pin_(acquired|released)$/, kind: 'counter', why: 'FOLL_PIN events since boot' },
  { sampler: 'vmstat', match: /^nr_tlb_/, kind: 'counter', why: 'TLB flush events since boot' },
  { sampler: 'vmstat', match: /^nr_/, kind: 'gauge', why: 'a page count at the sampling instant' },
  { sampler: 'vmstat', match: 'workingset_nodes', kind: 'gauge', why: 'shadow-entry nodes at the sampling instant' },
  {
    sampler: 'vmstat',
    match: /^(pg|pswp|numa_|workingset_|thp_|compact_|htlb_|unevictable_pgs_|balloon_|swap_ra|slabs_scanned|kswapd_|pageoutrun|allocstall|drop_|zone_reclaim_|oom_kill|direct_map_|ksm_|cow_ksm|zswp)/,
    kind: 'counter',
    why: 'a /proc/vmstat event count since boot',
  },

  // ---- procstat: /proc/stat CPU times and event totals are cumulative.
  { sampler: 'procstat', match: 'cores_up', kind: 'constant', why: 'number of online CPUs' },
  { sampler: 'procstat', match: 'cpu_enabled', kind: 'constant', why: 'sampler flag: CPU lines present' },
  { sampler: 'procstat', match: /^per_core_cpu_enabled/, kind: 'constant', why: 'sampler flag per CPU' },
  { sampler: 'procstat', match: /^(per_core_)?(user|nice|sys|idle|iowait|irq|softirqd?|steal|guest|guest_nice)\d*$/, kind: 'counter', why: JIFFIES },
  { sampler: 'procstat', match: 'hwintr_count', kind: 'counter', why: 'hardware interrupts serviced since boot (intr line)' },
  { sampler: 'procstat', match: 'context_switches', kind: 'counter', why: 'context switches since boot (ctxt line)' },
  { sampler: 'procstat', match: 'processes', kind: 'counter', why: 'forks since boot' },
  { sampler: 'procstat', match: 'softirq_count', kind: 'counter', why: 'softirqs serviced since boot (softirq line)' },
  { sampler: 'procstat', match: 'procs_running', kind: 'gauge', why: 'runnable tasks at the sampling instant' },
  { sampler: 'procstat', match: 'procs_blocked', kind: 'gauge', why: 'tasks blocked on I/O at the sampling instant' },
];

/** The first rule of `rules` that matches `metric` of `sampler`, or undefined. */
export function findMetricKindRule(
  metric: string,
  sampler: SamplerName,
  rules: readonly MetricKindRule[] = METRIC_KIND_RULES,
): MetricKindRule | undefined {
  for (const rule of rules) {
    if (rule.sampler !== sampler) continue;
    if (typeof rule.match === 'string' ? rule.match === metric : rule.match.test(metric)) return rule;
  }
  return undefined;
}
