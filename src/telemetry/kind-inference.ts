/**
 * The fallback rule for a metric the kind table does not know, decided from its data over all
 * samples (one series per (job, node), in time order; NaN values are skipped):
 *
 * 1. no finite value at all, or one value throughout every sample -> `constant` (dropped: it
 *    carries nothing about the job);
 * 2. never decreases within any sample, and is *large*: its typical level (median over samples
 *    of the first value) is at least {@link COUNTER_LEVEL_TO_STEP} times its typical step
 *    (median, over the samples where it grows, of the mean increase per step) -> `counter`. A cumulative
 *    counter has been counting since boot, so its level dwarfs one step's increase; a gauge
 *    that happens to grow during a job (a leak) does not;
 * 3. anything else -> `gauge`.
 *
 * Because the rule reads data, the same unknown metric may be classified differently on very
 * different inputs; pin it with the `kinds` option of the transform when that matters.
 */
import type { MetricKind } from './metric-kinds.js';

/** A counter's level must be at least this many typical steps (about 17 min of 1 s samples). */
export const COUNTER_LEVEL_TO_STEP = 1000;

/** The fallback classification and the reason for it, in words. */
export interface InferredKind {
  readonly kind: MetricKind;
  readonly reason: string;
}

/** Classifies one unknown metric from its per-sample series (see the module comment). */
export function inferMetricKind(series: readonly Float64Array[]): InferredKind {
  let anyFinite = false;
  let anyChange = false;
  let decreases = false;
  const levels: number[] = [];
  const steps: number[] = [];
  for (const x of series) {
    let first = NaN;
    let previous = NaN;
    let last = NaN;
    let count = 0;
    for (let i = 0; i < x.length; i++) {
      const v = x[i]!;
      if (!Number.isFinite(v)) continue;
      count++;
      if (Number.isNaN(first)) first = v;
      if (!Number.isNaN(previous)) {
        if (v !== previous) anyChange = true;
        if (v < previous) decreases = true;
      }
      previous = v;
      last = v;
    }
    if (count === 0) continue;
    anyFinite = true;
    levels.push(Math.abs(first));
    if (count > 1 && last > first) steps.push((last - first) / (count - 1));
  }
  if (!anyFinite) return { kind: 'constant', reason: 'no values in any sample' };
  if (!anyChange) return { kind: 'constant', reason: 'the same value throughout every sample' };
  if (decreases) return { kind: 'gauge', reason: 'it decreases within a sample, so it is not cumulative' };
  const level = median(levels);
  const step = median(steps);
  if (step > 0 && level >= COUNTER_LEVEL_TO_STEP * step) {
    return { kind: 'counter', reason: `never decreases and its level (${level}) is >= ${COUNTER_LEVEL_TO_STEP} x its typical step (${step})` };
  }
  return { kind: 'gauge', reason: `never decreases but its level (${level}) is small against its typical step (${step}), so it is not a counter since boot` };
}

function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
