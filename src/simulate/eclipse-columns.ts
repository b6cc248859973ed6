/**
 * The metric columns of the three LDMS samplers on Eclipse, in the order the original
 * implementation lists them (`spec/eclipse-samplers.md`). Every sampler row starts with the
 * id columns `timestamp, component_id, job_id, app_id`, then these metrics.
 */

/** The id columns that open every DSOS-shape sampler row. */
export const SAMPLER_ID_COLUMNS = ['timestamp', 'component_id', 'job_id', 'app_id'] as const;

/** The three samplers the simulator writes, one CSV each. */
export const SAMPLER_NAMES = ['meminfo', 'vmstat', 'procstat'] as const;

/** A sampler name: `meminfo` (/proc/meminfo), `vmstat` (/proc/vmstat), `procstat` (/proc/stat). */
export type SamplerName = (typeof SAMPLER_NAMES)[number];

/** The 47 Eclipse `meminfo` metrics. */
export const MEMINFO_METRICS = [
  'MemTotal', 'MemFree', 'MemAvailable', 'Buffers', 'Cached', 'SwapCached', 'Active', 'Inactive',
  'Active(anon)', 'Inactive(anon)', 'Active(file)', 'Inactive(file)', 'Unevictable', 'Mlocked',
  'SwapTotal', 'SwapFree', 'Dirty', 'Writeback', 'AnonPages', 'Mapped', 'Shmem', 'Slab',
  'SReclaimable', 'SUnreclaim', 'KernelStack', 'PageTables', 'NFS_Unstable', 'Bounce',
  'WritebackTmp', 'CommitLimit', 'Committed_AS', 'VmallocTotal', 'VmallocUsed', 'VmallocChunk',
  'Percpu', 'HardwareCorrupted', 'AnonHugePages', 'CmaTotal', 'CmaFree', 'HugePages_Total',
  'HugePages_Free', 'HugePages_Rsvd', 'HugePages_Surp', 'Hugepagesize', 'DirectMap4k',
  'DirectMap2M', 'DirectMap1G',
] as const;

/** The 120 Eclipse `vmstat` metrics. */
export const VMSTAT_METRICS = [
  'nr_free_pages', 'nr_alloc_batch', 'nr_inactive_anon', 'nr_active_anon', 'nr_inactive_file',
  'nr_active_file', 'nr_unevictable', 'nr_mlock', 'nr_anon_pages', 'nr_mapped', 'nr_file_pages',
  'nr_dirty', 'nr_writeback', 'nr_slab_reclaimable', 'nr_slab_unreclaimable',
  'nr_page_table_pages', 'nr_kernel_stack', 'nr_unstable', 'nr_bounce', 'nr_vmscan_write',
  'nr_vmscan_immediate_reclaim', 'nr_writeback_temp', 'nr_isolated_anon', 'nr_isolated_file',
  'nr_shmem', 'nr_dirtied', 'nr_written', 'numa_hit', 'numa_miss', 'numa_foreign',
  'numa_interleave', 'numa_local', 'numa_other', 'workingset_refault', 'workingset_activate',
  'workingset_nodereclaim', 'nr_anon_transparent_hugepages', 'nr_free_cma', 'nr_dirty_threshold',
  'nr_dirty_background_threshold', 'pgpgin', 'pgpgout', 'pswpin', 'pswpout', 'pgalloc_dma',
  'pgalloc_dma32', 'pgalloc_normal', 'pgalloc_movable', 'pgfree', 'pgactivate', 'pgdeactivate',
  'pgfault', 'pgmajfault', 'pglazyfreed', 'pgrefill_dma', 'pgrefill_dma32', 'pgrefill_normal',
  'pgrefill_movable', 'pgsteal_kswapd_dma', 'pgsteal_kswapd_dma32', 'pgsteal_kswapd_normal',
  'pgsteal_kswapd_movable', 'pgsteal_direct_dma', 'pgsteal_direct_dma32', 'pgsteal_direct_normal',
  'pgsteal_direct_movable', 'pgscan_kswapd_dma', 'pgscan_kswapd_dma32', 'pgscan_kswapd_normal',
  'pgscan_kswapd_movable', 'pgscan_direct_dma', 'pgscan_direct_dma32', 'pgscan_direct_normal',
  'pgscan_direct_movable', 'pgscan_direct_throttle', 'zone_reclaim_failed', 'pginodesteal',
  'slabs_scanned', 'kswapd_inodesteal', 'kswapd_low_wmark_hit_quickly',
  'kswapd_high_wmark_hit_quickly', 'pageoutrun', 'allocstall', 'pgrotated', 'drop_pagecache',
  'drop_slab', 'numa_pte_updates', 'numa_huge_pte_updates', 'numa_hint_faults',
  'numa_hint_faults_local', 'numa_pages_migrated', 'pgmigrate_success', 'pgmigrate_fail',
  'compact_migrate_scanned', 'compact_free_scanned', 'compact_isolated', 'compact_stall',
  'compact_fail', 'compact_success', 'htlb_buddy_alloc_success', 'htlb_buddy_alloc_fail',
  'unevictable_pgs_culled', 'unevictable_pgs_scanned', 'unevictable_pgs_rescued',
  'unevictable_pgs_mlocked', 'unevictable_pgs_munlocked', 'unevictable_pgs_cleared',
  'unevictable_pgs_stranded', 'thp_fault_alloc', 'thp_fault_fallback', 'thp_collapse_alloc',
  'thp_collapse_alloc_failed', 'thp_split', 'thp_zero_page_alloc', 'thp_zero_page_alloc_failed',
  'balloon_inflate', 'balloon_deflate', 'balloon_migrate', 'swap_ra', 'swap_ra_hit',
] as const;

/** The 29 Eclipse `procstat` metrics. */
export const PROCSTAT_METRICS = [
  'cores_up', 'cpu_enabled', 'user', 'nice', 'sys', 'idle', 'iowait', 'irq', 'softirq', 'steal',
  'guest', 'guest_nice', 'hwintr_count', 'context_switches', 'processes', 'procs_running',
  'procs_blocked', 'softirq_count', 'per_core_cpu_enabled', 'per_core_user', 'per_core_nice',
  'per_core_sys', 'per_core_idle', 'per_core_iowait', 'per_core_irq', 'per_core_softirqd',
  'per_core_steal', 'per_core_guest', 'per_core_guest_nice',
] as const;

/** The metric columns of each sampler, by sampler name. */
export const ECLIPSE_METRICS: Readonly<Record<SamplerName, readonly string[]>> = {
  meminfo: MEMINFO_METRICS,
  vmstat: VMSTAT_METRICS,
  procstat: PROCSTAT_METRICS,
};
