/**
 * From a tidy telemetry table to per-sample series: rows grouped by (job_id, component_id),
 * sorted by timestamp within each sample, and each metric column copied into one flat typed
 * array (kind-major), ready for feature extraction in this thread or in workers.
 */

/**
 * The part of a table that extraction reads: an arquero ColumnTable, or any object with the
 * same methods (e.g. telemetry's TidyColumns, which reads a CSV without loading arquero).
 */
export interface TableLike {
  columnNames(): string[];
  numRows(): number;
  /** The column's stored values (used as they are when the table is neither filtered nor ordered). */
  column(name: string): unknown;
  /** The column's values in table row order. */
  array(name: string): ArrayLike<unknown>;
  isFiltered(): boolean;
  isOrdered(): boolean;
}

/** The id columns of a tidy table; every other column is a metric (a tsfresh "kind"). */
export const ID_COLUMNS = ['job_id', 'component_id', 'timestamp'] as const;

/** A key value as it appears in the table. */
export type KeyValue = number | string;

/** The samples of a tidy table, their series laid out for extraction. */
export interface TidySamples {
  /** Metric columns, in the order their series appear in `values`. */
  readonly kinds: readonly string[];
  readonly jobId: readonly KeyValue[];
  readonly componentId: readonly KeyValue[];
  /** Sample s holds points `[offsets[s], offsets[s + 1])`; length samples + 1. */
  readonly offsets: Int32Array;
  /** Timestamps in seconds (sorted within each sample), one per point. */
  readonly timestamps: Float64Array;
  /** The timestamp as written in the table, one per point (for window labels). */
  readonly timestampCells: readonly KeyValue[];
  /** Kind k's value at point p is `values[k * points + p]`. Backed by a SharedArrayBuffer. */
  readonly values: Float64Array;
  readonly points: number;
}

export interface TidySamplesOptions {
  /** What to do with a missing (NaN) metric value: throw (default, as tsfresh) or leave it out of that series. */
  missing?: 'error' | 'drop';
  /** Names the input in error messages (e.g. the file). */
  source?: string;
}

/** Metric columns of `table`: every column but job_id, component_id and timestamp. */
export function metricColumns(table: TableLike): string[] {
  return table.columnNames().filter((name) => !(ID_COLUMNS as readonly string[]).includes(name));
}

/** Seconds since the epoch for a timestamp cell: numbers as they are, dates and date strings (UTC when no zone) parsed. */
export function timestampSeconds(cell: unknown): number {
  if (typeof cell === 'number') return cell;
  if (typeof cell === 'bigint') return Number(cell);
  if (cell instanceof Date) return cell.getTime() / 1000;
  if (typeof cell === 'string') {
    const text = cell.trim();
    if (text !== '' && Number.isFinite(Number(text))) return Number(text);
    const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:?\d{2})?$/.exec(text);
    if (m) {
      const [, y, mo, d, h, mi, s, frac, zone] = m;
      let seconds = Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +s!) / 1000 + (frac ? Number(`0.${frac}`) : 0);
      if (zone && zone !== 'Z') {
        const sign = zone.startsWith('-') ? -1 : 1;
        const digits = zone.slice(1).replace(':', '');
        seconds -= sign * (Number(digits.slice(0, 2)) * 3600 + Number(digits.slice(2)) * 60);
      }
      return seconds;
    }
    const parsed = Date.parse(text);
    if (Number.isFinite(parsed)) return parsed / 1000;
  }
  return Number.NaN;
}

function keyCell(value: unknown): KeyValue {
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

function compareKeys(a: KeyValue, b: KeyValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The values of column `name` in table row order. A table read from CSV or built from typed
 * arrays, neither filtered nor ordered, holds its columns as they are: those are used directly
 * (arquero's `array()` copies through a per-row callback, ~0.5 ms per column of 10,000 rows).
 */
function columnValues(table: TableLike, name: string): ArrayLike<unknown> {
  const column = table.column(name) as unknown;
  if (!table.isFiltered() && !table.isOrdered() && ArrayBuffer.isView(column) && !(column instanceof DataView)) {
    const values = column as unknown as ArrayLike<unknown>;
    if (values.length === table.numRows()) return values;
  }
  return table.array(name);
}

function numericValues(table: TableLike, name: string, source: string): Float64Array {
  const raw = columnValues(table, name);
  if (raw instanceof Float64Array) return raw;
  const out = new Float64Array(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const v = raw[i];
    if (typeof v === 'number') out[i] = v;
    else if (v === null || v === undefined || v === '') out[i] = Number.NaN;
    else if (typeof v === 'bigint' || typeof v === 'boolean') out[i] = Number(v);
    else {
      const n = Number(String(v).trim());
      if (!Number.isFinite(n) && !/^[-+]?(nan|inf(inity)?)$/i.test(String(v).trim())) {
        throw new Error(`${source}: column "${name}", row ${i + 1}: "${String(v)}" is not a number`);
      }
      out[i] = n;
    }
  }
  return out;
}

/**
 * Groups `table` into samples by (job_id, component_id), ordered by job then component
 * (numbers numerically), rows sorted by timestamp within each sample (ties keep table order),
 * and copies the series of `kinds` (default: every metric column) into one shared array.
 * Throws naming the column on a missing id column, a missing or unreadable timestamp, and
 * (unless `missing: 'drop'`) a missing metric value.
 */
export function tidySamples(table: TableLike, kinds: readonly string[] = metricColumns(table), options: TidySamplesOptions = {}): TidySamples {
  const source = options.source ?? 'tidy table';
  const names = new Set(table.columnNames());
  for (const id of ID_COLUMNS) if (!names.has(id)) throw new Error(`${source}: the column "${id}" is missing (a tidy table has job_id, component_id, timestamp, then metric columns)`);
  for (const kind of kinds) if (!names.has(kind)) throw new Error(`${source}: the metric column "${kind}" is missing`);
  if (kinds.length === 0) throw new Error(`${source}: there are no metric columns to extract features from`);
  const n = table.numRows();
  const jobs = columnValues(table, 'job_id');
  const components = columnValues(table, 'component_id');
  const stampCells = columnValues(table, 'timestamp');
  const stamps = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    stamps[i] = timestampSeconds(stampCells[i]);
    if (Number.isNaN(stamps[i]!)) throw new Error(`${source}: column "timestamp", row ${i + 1}: "${String(stampCells[i])}" is not a timestamp`);
  }
  // group rows by (job, component)
  const groupOf = new Map<string, number>();
  const groupJob: KeyValue[] = [];
  const groupComponent: KeyValue[] = [];
  const rowGroup = new Int32Array(n);
  // rows of one sample usually follow each other: the previous row's group is tried first
  let lastJob: unknown;
  let lastComponent: unknown;
  let lastGroup = -1;
  for (let i = 0; i < n; i++) {
    const job = jobs[i];
    const component = components[i];
    if (job === null || job === undefined || (typeof job === 'number' && Number.isNaN(job))) throw new Error(`${source}: column "job_id", row ${i + 1}: missing value`);
    if (component === null || component === undefined || (typeof component === 'number' && Number.isNaN(component))) throw new Error(`${source}: column "component_id", row ${i + 1}: missing value`);
    // the same values (===) make the same key below
    if (lastGroup >= 0 && job === lastJob && component === lastComponent) {
      rowGroup[i] = lastGroup;
      continue;
    }
    const key = `${typeof job}:${String(job)}\u0000${typeof component}:${String(component)}`;
    let g = groupOf.get(key);
    if (g === undefined) {
      g = groupJob.length;
      groupOf.set(key, g);
      groupJob.push(keyCell(job));
      groupComponent.push(keyCell(component));
    }
    rowGroup[i] = g;
    lastJob = job;
    lastComponent = component;
    lastGroup = g;
  }
  const order = Array.from(groupJob.keys()).sort((a, b) => compareKeys(groupJob[a]!, groupJob[b]!) || compareKeys(groupComponent[a]!, groupComponent[b]!));
  const rank = new Int32Array(order.length);
  order.forEach((g, r) => (rank[g] = r));
  // rows in (sample, timestamp, table order) order; a table already in that order (as the
  // tidy CSVs are written) skips the sort
  const before = (a: number, b: number): number => rank[rowGroup[a]!]! - rank[rowGroup[b]!]! || stamps[a]! - stamps[b]! || a - b;
  let rows = new Int32Array(n);
  for (let i = 0; i < n; i++) rows[i] = i;
  let inOrder = true;
  for (let i = 1; i < n && inOrder; i++) inOrder = before(i - 1, i) < 0;
  if (!inOrder) rows = Int32Array.from(Array.from(rows).sort(before));
  const metricArrays = kinds.map((kind) => numericValues(table, kind, source));
  const missing = options.missing ?? 'error';
  const missingValue = (k: number, r: number): Error => {
    const g = rowGroup[r]!;
    return new Error(
      `${source}: column "${kinds[k]}", row ${r + 1} (job_id ${groupJob[g]}, component_id ${groupComponent[g]}): missing value; ` +
        'tsfresh refuses NaN values; fill them first or drop those rows',
    );
  };
  // kept: the sorted rows kept (with 'drop', a row missing any metric value is left out; with
  // 'error', every row, and a missing value throws while the values are copied below)
  let kept = rows;
  if (missing === 'drop') {
    const keep = new Uint8Array(n).fill(1);
    for (let k = 0; k < kinds.length; k++) {
      const column = metricArrays[k]!;
      for (let p = 0; p < n; p++) if (Number.isNaN(column[rows[p]!]!)) keep[p] = 0;
    }
    kept = rows.filter((_, p) => keep[p] === 1);
  }
  const points = kept.length;
  const offsets = new Int32Array(order.length + 1);
  for (const r of kept) offsets[rank[rowGroup[r]!]! + 1]!++;
  for (let s = 0; s < order.length; s++) offsets[s + 1] += offsets[s]!;
  const timestamps = new Float64Array(new SharedArrayBuffer(points * 8));
  const timestampCells: KeyValue[] = new Array(points);
  const values = new Float64Array(new SharedArrayBuffer(Math.max(1, kinds.length * points) * 8));
  for (let p = 0; p < points; p++) {
    const r = kept[p]!;
    timestamps[p] = stamps[r]!;
    timestampCells[p] = keyCell(stampCells[r]);
  }
  // rows already in sample and timestamp order, none left out (the usual tidy CSV): each column
  // is copied, and checked for a NaN, by native code (a one-off loop would mostly run unoptimised)
  const identity = inOrder && points === n;
  for (let k = 0; k < kinds.length; k++) {
    const column = metricArrays[k]!;
    const base = k * points;
    if (identity) {
      if (column.includes(Number.NaN)) throw missingValue(k, column.findIndex(Number.isNaN));
      values.set(column, base);
      continue;
    }
    for (let p = 0; p < points; p++) {
      const v = column[kept[p]!]!;
      if (v !== v) throw missingValue(k, kept[p]!);
      values[base + p] = v;
    }
  }
  const nonEmpty = order.map((_, s) => offsets[s + 1]! > offsets[s]!);
  if (nonEmpty.includes(false)) throw new Error(`${source}: a sample has no rows left after dropping missing values`);
  return {
    kinds,
    jobId: order.map((g) => groupJob[g]!),
    componentId: order.map((g) => groupComponent[g]!),
    offsets,
    timestamps,
    timestampCells,
    values,
    points,
  };
}
