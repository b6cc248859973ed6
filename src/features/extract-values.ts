/**
 * Feature extraction over a tidy telemetry table as plain arrays: tsfresh's `extract_features`
 * with column_id = (job_id, component_id), column_sort = timestamp and every metric column a
 * kind; optionally on rolling windows (tsfresh's `roll_time_series`, see rolling-windows.ts).
 * extract.ts wraps the result in a FeatureMatrix; this module does not load arquero, so the
 * `prodigy features` command can use it and start fast.
 */
import type { FeatureKeys } from './feature-matrix.js';
import { KindToFcParameters } from './kind-to-fc-parameters.js';
import { runExtraction } from './parallel.js';
import type { ExtractionWorkers } from './worker-pool.js';
import type { Calculator } from './calculator.js';
import { compilePlan, planColumnGroups, resolveCalculator } from './plan.js';
import { groupColumnName, groupColumnNames, type ColumnGroup } from './column-groups.js';
import { rollingWindows, type RollingOptions } from './rolling-windows.js';
import type { ExtractionData } from './series-range.js';
import { isSettingsName, namedSettings } from './settings.js';
import { resolveSettings, type FeatureSettings } from './resolve-settings.js';
import { metricColumns, tidySamples, type KeyValue, type TableLike } from './tidy-samples.js';
import { compactColumnRuns, flaggedColumns, nanColumnFlags, unflaggedRuns } from './value-columns.js';
import { mark } from './timeline.js';

export { resolveSettings, type FeatureSettings } from './resolve-settings.js';

export interface ExtractOptions {
  /** Rolling windows; without them there is one row per (job_id, component_id). */
  windows?: RollingOptions;
  /** Keep feature columns that hold a NaN (default: drop them, as the original did). */
  keepNaN?: boolean;
  /** Progress: series done out of total (series = feature row x metric column). */
  onProgress?: (done: number, total: number) => void;
  /** Worker threads: `'auto'` (default, only for large inputs) or an exact number (0 = this thread only). */
  workers?: 'auto' | number;
  /**
   * Workers already started for these settings (`ExtractionWorkers.start`, e.g. while the input
   * was being read): used instead of starting new ones, and left running for the caller to close.
   */
  pool?: ExtractionWorkers;
  /** With workers, let only the workers compute (keeps this thread's event loop free). */
  workersOnly?: boolean;
  /** Missing metric values: throw (default, as tsfresh) or leave the row out of that sample. */
  missingValues?: 'error' | 'drop';
  /** Calculators without an implementation: throw (default) or leave their columns out. */
  missingCalculators?: 'error' | 'skip';
  /** Names the input in error messages (e.g. the file). */
  source?: string;
  /**
   * Your own calculators by tsfresh-style name, used before the registry (like tsfresh's custom
   * feature calculators). Extraction then stays in this thread: workers only know the registry.
   */
  calculators?: ReadonlyMap<string, Calculator>;
}

/** Seconds spent in each stage. */
export interface ExtractionTimings {
  prepare: number;
  compute: number;
  dropNaN: number;
}

/** Feature values without the FeatureMatrix wrapper: `values[r * columns.length + c]`. */
export interface FeatureValues {
  readonly keys: FeatureKeys;
  readonly columns: readonly string[];
  readonly values: Float64Array;
  /**
   * `columns` as the plan made them, kind by kind (optional; column-groups.ts): the CSV writer
   * then writes the header from these, without a string operation per name.
   */
  readonly columnGroups?: readonly ColumnGroup[];
}

/** FeatureValues whose `columns` are named from `columnGroups` on first use. */
function groupedValues(keys: FeatureKeys, values: Float64Array, columnGroups: readonly ColumnGroup[]): FeatureValues {
  let columns: string[] | undefined;
  return {
    keys,
    values,
    columnGroups,
    get columns() {
      return (columns ??= groupColumnNames(columnGroups));
    },
  };
}

/** An extraction's result as plain arrays (extract.ts's ExtractionResult holds a FeatureMatrix instead). */
export interface ValueExtractionResult {
  features: FeatureValues;
  /** Feature columns dropped because they hold a NaN (empty with keepNaN). */
  dropped: string[];
  /** Calculators left out because they are not implemented (only with missingCalculators 'skip'). */
  skippedCalculators: readonly string[];
  /** Series computed (rows x metric columns) and features per row before dropping. */
  series: number;
  featuresPerRow: number;
  workersUsed: number;
  /** Why workers failed, if any did (their work was redone in this thread). */
  workerFailures: string[];
  timings: ExtractionTimings;
}

/**
 * Extracts features from `table` (an arquero table or any {@link TableLike}; columns job_id,
 * component_id, timestamp, then metric columns `METRIC::SAMPLER`): one row per (job_id,
 * component_id), ordered by job then component, or one per window with `windows`; columns named
 * as tsfresh names them. Rows of a sample are sorted by timestamp first; samples may differ in
 * length. As extract.ts's `extractFeatures`, with the values as plain arrays.
 */
export async function extractFeatureValues(table: TableLike, settings: FeatureSettings, options: ExtractOptions = {}): Promise<ValueExtractionResult> {
  const t0 = performance.now();
  const source = options.source ?? 'tidy table';
  const missing = options.missingCalculators ?? 'error';
  if (typeof settings === 'string' && !isSettingsName(settings)) namedSettings(settings);
  const k2fc = resolveSettings(settings, metricColumns(table));
  const custom = options.calculators;
  const plan = compilePlan(k2fc, { missing, resolve: custom ? (name) => custom.get(name) ?? resolveCalculator(name) : undefined });
  mark('plan compiled');
  const samples = tidySamples(table, plan.kinds.map((k) => k.kind), { missing: options.missingValues ?? 'error', source });
  const nSamples = samples.jobId.length;
  mark('samples ready');
  const lengths = Int32Array.from({ length: nSamples }, (_, s) => samples.offsets[s + 1]! - samples.offsets[s]!);

  let rowSample: Int32Array;
  let rowStart: Int32Array;
  let rowEnd: Int32Array;
  let windowStart: KeyValue[] | null = null;
  let windowEnd: KeyValue[] | null = null;
  if (options.windows) {
    const windows = rollingWindows(lengths, options.windows);
    rowSample = windows.sample;
    rowStart = shared(windows.start.length);
    rowEnd = shared(windows.start.length);
    windowStart = [];
    windowEnd = [];
    for (let w = 0; w < windows.sample.length; w++) {
      const base = samples.offsets[windows.sample[w]!]!;
      rowStart[w] = base + windows.start[w]!;
      rowEnd[w] = base + windows.end[w]!;
      windowStart.push(samples.timestampCells[base + windows.start[w]!]!);
      windowEnd.push(samples.timestampCells[base + windows.labelRow[w]!]!);
    }
  } else {
    rowSample = Int32Array.from({ length: nSamples }, (_, s) => s);
    rowStart = shared(nSamples);
    rowEnd = shared(nSamples);
    for (let s = 0; s < nSamples; s++) {
      rowStart[s] = samples.offsets[s]!;
      rowEnd[s] = samples.offsets[s + 1]!;
    }
  }
  const rows = rowSample.length;
  const out = new Float64Array(new SharedArrayBuffer(Math.max(1, rows * plan.width) * 8)).subarray(0, rows * plan.width);
  const data: ExtractionData = { values: samples.values, timestamps: samples.timestamps, points: samples.points, rowStart, rowEnd, out };
  const describeRow = (row: number): string => {
    const s = rowSample[row]!;
    const window = windowStart ? `, window starting ${windowStart[row]}` : '';
    return `job_id ${samples.jobId[s]}, component_id ${samples.componentId[s]}${window}`;
  };
  if (options.pool && !custom && !options.pool.compatibleWith(k2fc)) {
    throw new Error('extractFeatures: the worker pool was started for other settings (or other metric columns) than this extraction');
  }
  const t1 = performance.now();
  const report = await runExtraction(plan, data, {
    workers: custom ? 0 : options.workers,
    pool: custom ? undefined : options.pool,
    workersOnly: options.workersOnly,
    onProgress: options.onProgress,
    describeRow,
    settings: k2fc,
    missing,
  });
  const t2 = performance.now();
  const keys = {
    jobId: Array.from(rowSample, (s) => samples.jobId[s]!),
    componentId: Array.from(rowSample, (s) => samples.componentId[s]!),
    windowStart,
    windowEnd,
  };
  const allGroups = planColumnGroups(plan.kinds);
  let features = groupedValues(keys, out, allGroups);
  let dropped: string[] = [];
  if (!options.keepNaN) {
    const flags = nanColumnFlags(out, plan.width);
    const withNaN = flaggedColumns(flags);
    if (withNaN.length > 0) {
      dropped = withNaN.map((c) => groupColumnName(allGroups, c));
      const kept = plan.kinds.map((k) => ({ kind: k.kind, tails: k.tails, runs: unflaggedRuns(flags.subarray(k.offset, k.offset + k.width)) }));
      features = groupedValues(keys, compactColumnRuns(out, rows, plan.width, unflaggedRuns(flags)), kept);
    }
  }
  const t3 = performance.now();
  mark('NaN columns dropped');
  return {
    features,
    dropped,
    skippedCalculators: plan.skipped,
    series: rows * plan.kinds.length,
    featuresPerRow: plan.width,
    workersUsed: report.workersUsed,
    workerFailures: report.workerFailures,
    timings: { prepare: (t1 - t0) / 1000, compute: (t2 - t1) / 1000, dropNaN: (t3 - t2) / 1000 },
  };
}

function shared(length: number): Int32Array {
  return new Int32Array(new SharedArrayBuffer(Math.max(1, length) * 4)).subarray(0, length);
}

