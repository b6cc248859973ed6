/**
 * Matching telemetry samples to labels. A sample is a (job_id, component_id) pair; every sample
 * of the telemetry should have exactly one label and every label a sample. The mismatches are
 * reported by id, both ways.
 */
import type { ColumnTable } from 'arquero';

/** One sample's ids. */
export interface SampleKey {
  readonly job_id: number;
  readonly component_id: number;
}

/** The result of {@link matchLabels}. */
export interface LabelMatch {
  /** Samples with both telemetry and a label. */
  readonly matched: number;
  /** Samples of the telemetry that have no label. */
  readonly unlabeled: SampleKey[];
  /** Labels whose sample is not in the telemetry. */
  readonly withoutTelemetry: SampleKey[];
}

/**
 * One string per sample, for sets and maps: job and node joined by a NUL character (which no id
 * contains), so `(1, 23)` and `(12, 3)` stay apart.
 */
export function sampleId(job: unknown, component: unknown): string {
  return `${String(job)}\u0000${String(component)}`;
}

/** The distinct (job_id, component_id) pairs of a table, in order of first appearance. */
export function sampleKeys(table: ColumnTable): SampleKey[] {
  const jobs = table.array('job_id') as ArrayLike<number>;
  const nodes = table.array('component_id') as ArrayLike<number>;
  const seen = new Set<string>();
  const keys: SampleKey[] = [];
  for (let i = 0; i < jobs.length; i++) {
    const key = sampleId(jobs[i], nodes[i]);
    if (seen.has(key)) continue;
    seen.add(key);
    keys.push({ job_id: jobs[i]!, component_id: nodes[i]! });
  }
  return keys;
}

/** Matches the samples of `telemetry` (a tidy table) to the rows of `labels` by ids. */
export function matchLabels(telemetry: ColumnTable, labels: ColumnTable): LabelMatch {
  const samples = sampleKeys(telemetry);
  const labelled = sampleKeys(labels);
  const id = (k: SampleKey) => sampleId(k.job_id, k.component_id);
  const labelSet = new Set(labelled.map(id));
  const sampleSet = new Set(samples.map(id));
  const unlabeled = samples.filter((k) => !labelSet.has(id(k)));
  const withoutTelemetry = labelled.filter((k) => !sampleSet.has(id(k)));
  return { matched: samples.length - unlabeled.length, unlabeled, withoutTelemetry };
}

/** `job 1 node 2, job 1 node 3 and 4 more` — mismatches for a message. */
export function formatSampleKeys(keys: readonly SampleKey[], limit = 10): string {
  const shown = keys.slice(0, limit).map((k) => `job ${k.job_id} node ${k.component_id}`).join(', ');
  return keys.length > limit ? `${shown} and ${keys.length - limit} more` : shown;
}
