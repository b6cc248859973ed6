/**
 * The tidy telemetry table, the hand-off between ingest and feature extraction: one row per
 * (job_id, component_id, timestamp), sorted by job, node and time; the three id columns first,
 * then one Float64 column per metric named `METRIC::SAMPLER` (e.g. `MemFree::meminfo`).
 * `timestamp` is unix seconds (whole seconds). Counter columns hold per-interval differences,
 * gauge columns the sampled value (see `transform.ts`).
 */
import type { ColumnTable } from 'arquero';

/** The id columns of a tidy table, in order. */
export const TIDY_ID_COLUMNS = ['job_id', 'component_id', 'timestamp'] as const;

/** An arquero table in the tidy shape (see the module comment). */
export type TidyTable = ColumnTable;

/** The metric columns of a tidy table: every column but the ids, in table order. */
export function metricColumns(table: ColumnTable): string[] {
  const ids = new Set<string>(TIDY_ID_COLUMNS);
  return table.columnNames().filter((name) => !ids.has(name));
}

/** The `METRIC::SAMPLER` name of a metric column. */
export function tidyMetricName(metric: string, sampler: string): string {
  return `${metric}::${sampler}`;
}
