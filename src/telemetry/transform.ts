/**
 * Sampler rows -> the tidy table (spec section 1, steps 1-6). For every job, for every node
 * present in all three samplers:
 * 1. `app_id` is not kept; timestamps become whole unix seconds (floor);
 * 2. metrics are renamed `METRIC::SAMPLER`;
 * 3. columns whose name contains `per_core` are dropped;
 * 4. only the seconds that all three samplers have for that node are kept (the join);
 * 5. by kind (`metric-kinds.ts`, else the fallback of `kind-inference.ts`, unless pinned by
 *    the `kinds` option): missing values are linearly interpolated in time; a counter becomes
 *    its per-interval difference (`counter-differences.ts`: a reset never gives a negative or
 *    huge value); a gauge keeps its value and its first row is dropped so that both kinds line
 *    up; a constant or limit is dropped;
 * 6. one row per (job_id, component_id, timestamp), sorted by job, node and time; a row's
 *    timestamp is the end of its interval.
 *
 * Input problems: a job or node that is not in all three samplers is left out with a warning
 * (as the original did); rows with job_id 0 (LDMS: no job running) are left out; a node with
 * fewer than two common seconds is left out with a warning; a job with no node left is an
 * error ("empty job"), and so is input in which no job is in all three samplers. Duplicate rows are handled by `sampler-index.ts`.
 */
import { table as makeTable, type ColumnTable } from 'arquero';
import { counterDifferences, type CounterMode } from './counter-differences.js';
import { TelemetryInputError } from './errors.js';
import { interpolateGaps } from './interpolate.js';
import { inferMetricKind } from './kind-inference.js';
import { findMetricKindRule, METRIC_KIND_RULES, type MetricKind, type MetricKindRule } from './metric-kinds.js';
import { indexSampler, type SampleRows, type SamplerIndex } from './sampler-index.js';
import { describeSource, rowLocation, type SamplerTable } from './sampler-table.js';
import { SAMPLERS, type SamplerName } from './samplers.js';
import { tidyMetricName } from './tidy-table.js';

/** Options of {@link buildTidyTable}. */
export interface TransformOptions {
  /**
   * Kinds that override the table and the fallback, keyed by `METRIC::SAMPLER` or by the bare
   * metric name (the full name wins).
   */
  readonly kinds?: Readonly<Record<string, MetricKind>>;
  /** The kind table; {@link METRIC_KIND_RULES} by default. */
  readonly rules?: readonly MetricKindRule[];
  /** `difference` (default, as the original) or `rate` (difference per second). */
  readonly counters?: CounterMode;
  /** Keep rows with job_id 0 (LDMS writes 0 when no job runs); default false. */
  readonly keepJobZero?: boolean;
}

/** How a metric's kind was decided. */
export interface KindDecision {
  readonly kind: MetricKind;
  readonly source: 'table' | 'fallback' | 'option';
  readonly why: string;
}

/** What the transform did, for the user to check. */
export interface TransformReport {
  /** (job, node) samples in the table. */
  readonly samples: number;
  readonly rows: number;
  /** Job ids in the table, ascending. */
  readonly jobs: number[];
  /** Kind of every metric column met, by `METRIC::SAMPLER`. */
  readonly kinds: Record<string, KindDecision>;
  /** Columns not in the table and why. */
  readonly dropped: { column: string; reason: string }[];
  /** Counter intervals that went backwards and were interpolated, by column (only non-zero). */
  readonly counterResets: Record<string, number>;
  /** Missing values filled by interpolation, by column (only non-zero). */
  readonly valuesInterpolated: Record<string, number>;
  /** Identical duplicate rows dropped, by sampler. */
  readonly duplicateRowsDropped: Record<SamplerName, number>;
  /** Rows with job_id 0 left out, by sampler. */
  readonly jobZeroRowsDropped: Record<SamplerName, number>;
  /** Everything the user should know about: jobs or nodes left out, gaps, all-missing series. */
  readonly warnings: string[];
}

/** The tidy table and the report of how it was made. */
export interface TidyResult {
  readonly table: ColumnTable;
  readonly report: TransformReport;
}

interface JoinedSample {
  readonly jobId: number;
  readonly componentId: number;
  /** Common whole seconds. */
  readonly seconds: Float64Array;
  /** Per sampler (in SAMPLERS order), the row of each common second. */
  readonly rows: Int32Array[];
}

interface OutputMetric {
  readonly name: string;
  readonly samplerIndex: number;
  readonly metricIndex: number;
  readonly kind: 'counter' | 'gauge';
}

/**
 * Builds the tidy table from the raw rows of the three samplers (see the module comment).
 * Throws a {@link TelemetryInputError} on an empty job or conflicting duplicate rows, and an
 * Error when a sampler is missing or given twice.
 */
export function buildTidyTable(samplers: readonly SamplerTable[], options: TransformOptions = {}): TidyResult {
  const bySampler = SAMPLERS.map((name) => {
    const found = samplers.filter((s) => s.sampler === name);
    if (found.length !== 1) throw new Error(found.length ? `sampler ${name} is given ${found.length} times` : `no ${name} data (the tidy table needs meminfo, vmstat and procstat)`);
    return found[0]!;
  });
  const warnings: string[] = [];
  const dropped: { column: string; reason: string }[] = [];
  const skipJob = options.keepJobZero ? undefined : (job: number) => job === 0;
  const indexes = bySampler.map((table) => indexSampler(table, skipJob));

  const joined = joinSamples(indexes, warnings);

  // Kinds, and the columns kept.
  const kinds: Record<string, KindDecision> = {};
  const output: OutputMetric[] = [];
  const rules = options.rules ?? METRIC_KIND_RULES;
  indexes.forEach((index, s) => {
    const table = index.table;
    table.metricNames.forEach((metric, m) => {
      const name = tidyMetricName(metric, table.sampler);
      if (metric.includes('per_core')) {
        dropped.push({ column: name, reason: 'per-core column (only node totals are kept)' });
        return;
      }
      const decision = decideKind(metric, name, table.sampler, rules, options.kinds, () =>
        joined.map((sample) => Float64Array.from(sample.rows[s]!, (row) => table.metrics[m]![row]!)),
      );
      kinds[name] = decision;
      if (decision.kind === 'constant') dropped.push({ column: name, reason: `constant or limit: ${decision.why}` });
      else output.push({ name, samplerIndex: s, metricIndex: m, kind: decision.kind });
    });
  });

  // Fill the columns.
  let rowCount = 0;
  for (const sample of joined) rowCount += sample.seconds.length - 1;
  const jobColumn = new Float64Array(rowCount);
  const nodeColumn = new Float64Array(rowCount);
  const timeColumn = new Float64Array(rowCount);
  const metricColumns = output.map(() => new Float64Array(rowCount));
  const counterResets: Record<string, number> = {};
  const valuesInterpolated: Record<string, number> = {};
  const allMissing: string[] = [];
  const mode = options.counters ?? 'difference';
  let offset = 0;
  for (const sample of joined) {
    const m = sample.seconds.length;
    jobColumn.fill(sample.jobId, offset, offset + m - 1);
    nodeColumn.fill(sample.componentId, offset, offset + m - 1);
    timeColumn.set(sample.seconds.subarray(1), offset);
    output.forEach((metric, c) => {
      const source = indexes[metric.samplerIndex]!.table.metrics[metric.metricIndex]!;
      const rows = sample.rows[metric.samplerIndex]!;
      const x = Float64Array.from(rows, (row) => source[row]!);
      const filled = interpolateGaps(sample.seconds, x);
      if (filled > 0) valuesInterpolated[metric.name] = (valuesInterpolated[metric.name] ?? 0) + filled;
      if (filled === 0 && m > 0 && Number.isNaN(x[0]!)) allMissing.push(`${metric.name} (job ${sample.jobId}, node ${sample.componentId})`);
      if (metric.kind === 'gauge') metricColumns[c]!.set(x.subarray(1), offset);
      else {
        const { values, resets } = counterDifferences(sample.seconds, x, mode);
        if (resets > 0) counterResets[metric.name] = (counterResets[metric.name] ?? 0) + resets;
        metricColumns[c]!.set(values, offset);
      }
    });
    offset += m - 1;
  }
  if (allMissing.length) warnings.push(`no value at all, left as missing (NaN): ${listSome(allMissing)}`);
  const resetColumns = Object.keys(counterResets);
  if (resetColumns.length) {
    warnings.push(`counters went backwards (reset or glitch) and those intervals were interpolated: ${resetColumns.map((c) => `${c} x${counterResets[c]}`).join(', ')}`);
  }

  const columns: Record<string, Float64Array> = { job_id: jobColumn, component_id: nodeColumn, timestamp: timeColumn };
  output.forEach((metric, c) => (columns[metric.name] = metricColumns[c]!));
  const perSampler = <T>(f: (index: SamplerIndex) => T) => Object.fromEntries(indexes.map((index) => [index.table.sampler, f(index)])) as Record<SamplerName, T>;
  return {
    table: makeTable(columns),
    report: {
      samples: joined.length,
      rows: rowCount,
      jobs: [...new Set(joined.map((s) => s.jobId))],
      kinds,
      dropped,
      counterResets,
      valuesInterpolated,
      duplicateRowsDropped: perSampler((index) => index.duplicatesDropped),
      jobZeroRowsDropped: perSampler((index) => index.rowsSkipped),
      warnings,
    },
  };
}

function decideKind(
  metric: string,
  name: string,
  sampler: SamplerName,
  rules: readonly MetricKindRule[],
  overrides: Readonly<Record<string, MetricKind>> | undefined,
  series: () => Float64Array[],
): KindDecision {
  const pinned = overrides?.[name] ?? overrides?.[metric];
  if (pinned) return { kind: pinned, source: 'option', why: 'set by the kinds option' };
  const rule = findMetricKindRule(metric, sampler, rules);
  if (rule) return { kind: rule.kind, source: 'table', why: rule.why };
  const inferred = inferMetricKind(series());
  return { kind: inferred.kind, source: 'fallback', why: inferred.reason };
}

/** Steps 4 and the job/node matching: the common seconds of every (job, node) in all samplers. */
function joinSamples(indexes: SamplerIndex[], warnings: string[]): JoinedSample[] {
  const names = indexes.map((index) => index.table.sampler);
  const jobSets = indexes.map((index) => new Set(index.groups.keys()));
  const allJobs = [...new Set(jobSets.flatMap((set) => [...set]))].sort((a, b) => a - b);
  const commonJobs = allJobs.filter((job) => jobSets.every((set) => set.has(job)));
  indexes.forEach((index, s) => {
    const extra = [...jobSets[s]!].filter((job) => !commonJobs.includes(job));
    if (extra.length) {
      const missingFrom = (job: number) => names.filter((_, t) => !jobSets[t]!.has(job));
      warnings.push(
        `${describeSource(index.table)}: job${extra.length > 1 ? 's' : ''} ${listSome(extra.map((job) => `${job} (not in ${missingFrom(job).join(', ')})`))} left out; only jobs present in all three samplers are kept`,
      );
    }
  });

  if (commonJobs.length === 0) {
    throw new TelemetryInputError(
      `no job is present in all three samplers (${indexes.map((index) => `${index.table.sampler}: ${listSome([...jobSets[indexes.indexOf(index)]!].sort((a, b) => a - b)) || 'no rows'}`).join('; ')})`,
      indexes.map((index) => describeSource(index.table)).join(', '),
      undefined,
      'job_id',
    );
  }
  const joined: JoinedSample[] = [];
  const gaps: { where: string; count: number; largest: number }[] = [];
  for (const job of commonJobs) {
    const nodeMaps = indexes.map((index) => index.groups.get(job)!);
    const allNodes = [...new Set(nodeMaps.flatMap((map) => [...map.keys()]))].sort((a, b) => a - b);
    let kept = 0;
    const short: string[] = [];
    for (const node of allNodes) {
      const groups = nodeMaps.map((map) => map.get(node));
      if (groups.some((g) => g === undefined)) {
        const missing = names.filter((_, s) => groups[s] === undefined);
        warnings.push(`job ${job}, node ${node}: not in ${missing.join(', ')}; left out (only nodes present in all three samplers are kept)`);
        continue;
      }
      const sample = intersectSeconds(job, node, groups as SampleRows[]);
      if (sample.seconds.length < 2) {
        short.push(`node ${node} (${sample.seconds.length} common second${sample.seconds.length === 1 ? '' : 's'})`);
        continue;
      }
      const gap = largestGap(sample.seconds);
      if (gap.count > 0) gaps.push({ where: `job ${job} node ${node}`, ...gap });
      joined.push(sample);
      kept++;
    }
    if (kept === 0) {
      const first = nodeMaps[0]!.values().next().value!;
      const where = rowLocation(indexes[0]!.table, first.rows[0]!);
      throw new TelemetryInputError(
        `job ${job} is empty: no node has two or more seconds common to ${names.join(', ')} (${short.join(', ') || 'no node in all three'}); nothing would be left after differencing`,
        where.file,
        where.line,
        'timestamp',
      );
    }
    if (short.length) warnings.push(`job ${job}: left out ${short.join(', ')}: fewer than two seconds common to all three samplers`);
  }
  if (gaps.length) {
    const count = gaps.reduce((n, g) => n + g.count, 0);
    const largest = gaps.reduce((worst, g) => (g.largest > worst.largest ? g : worst));
    warnings.push(
      `${gaps.length} sample(s) have ${count} gap(s) in the common timestamps, the largest ${largest.largest} s (${largest.where}): ` +
        "a counter difference then spans the gap (counters: 'rate' gives per-second values)",
    );
  }
  return joined;
}

/** The seconds all groups share (each group's seconds are ascending and unique). */
function intersectSeconds(jobId: number, componentId: number, groups: SampleRows[]): JoinedSample {
  const pointers = groups.map(() => 0);
  const seconds: number[] = [];
  const rows: number[][] = groups.map(() => []);
  outer: for (;;) {
    let target = -Infinity;
    for (let g = 0; g < groups.length; g++) {
      if (pointers[g]! >= groups[g]!.seconds.length) break outer;
      target = Math.max(target, groups[g]!.seconds[pointers[g]!]!);
    }
    let all = true;
    for (let g = 0; g < groups.length; g++) {
      const times = groups[g]!.seconds;
      while (pointers[g]! < times.length && times[pointers[g]!]! < target) pointers[g]!++;
      if (pointers[g]! >= times.length) break outer;
      if (times[pointers[g]!]! !== target) all = false;
    }
    if (!all) continue;
    seconds.push(target);
    for (let g = 0; g < groups.length; g++) rows[g]!.push(groups[g]!.rows[pointers[g]!++]!);
  }
  return { jobId, componentId, seconds: Float64Array.from(seconds), rows: rows.map((r) => Int32Array.from(r)) };
}

/** Intervals longer than the most common interval: how many, and the longest. */
function largestGap(seconds: Float64Array): { count: number; largest: number } {
  const counts = new Map<number, number>();
  for (let i = 1; i < seconds.length; i++) {
    const dt = seconds[i]! - seconds[i - 1]!;
    counts.set(dt, (counts.get(dt) ?? 0) + 1);
  }
  let typical = 0;
  let best = -1;
  for (const [dt, c] of counts) if (c > best || (c === best && dt < typical)) [typical, best] = [dt, c];
  let count = 0;
  let largest = 0;
  for (const [dt, c] of counts) {
    if (dt > typical) {
      count += c;
      largest = Math.max(largest, dt);
    }
  }
  return { count, largest };
}

function listSome(items: readonly (string | number)[], limit = 10): string {
  const shown = items.slice(0, limit).join(', ');
  return items.length > limit ? `${shown} and ${items.length - limit} more` : shown;
}
