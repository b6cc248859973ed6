/**
 * One sampler's raw rows, column by column, before the transform: the id columns as
 * Float64Arrays and one Float64Array per metric, in the order of the source. This is what the
 * file reader produces and what a generator (the simulator) can hand to the transform
 * directly, without writing files.
 */
import type { ColumnTable } from 'arquero';
import { TelemetryInputError } from './errors.js';
import { parseNumberCell, UNPARSABLE } from './number-cell.js';
import type { SamplerName } from './samplers.js';
import { parseTimestamp } from './timestamp.js';

/** Where each row came from, so that errors can name file and line. */
export interface RowOrigin {
  readonly files: readonly string[];
  /** Index into `files`, per row. */
  readonly file: Int32Array;
  /** 1-based line in that file, per row. */
  readonly line: Int32Array;
}

/** One sampler's raw rows (see the module comment). All arrays have one entry per row. */
export interface SamplerTable {
  readonly sampler: SamplerName;
  readonly jobId: Float64Array;
  readonly componentId: Float64Array;
  /** Unix seconds, possibly fractional; the transform floors to whole seconds. */
  readonly timestamp: Float64Array;
  /** Metric names as in the source (without the `::SAMPLER` suffix). */
  readonly metricNames: readonly string[];
  /** One column per name of `metricNames`; NaN is a missing value. */
  readonly metrics: readonly Float64Array[];
  /** Source file and line of every row; absent for data made in memory. */
  readonly origin?: RowOrigin;
}

/** Columns of a sampler file that are ids or bookkeeping, never metrics. */
export const NON_METRIC_COLUMNS: ReadonlySet<string> = new Set([
  'timestamp',
  '#Time',
  'Time_usec',
  'ProducerName',
  'component_id',
  'job_id',
  'app_id',
]);

/** The number of rows of a sampler table. */
export function samplerRowCount(table: SamplerTable): number {
  return table.jobId.length;
}

/**
 * The file and line of row `row` of `table`, for error messages. For a table made in memory
 * the "file" is `<sampler table>` and the "line" the 1-based row number.
 */
export function rowLocation(table: SamplerTable, row: number): { file: string; line: number } {
  if (table.origin) return { file: table.origin.files[table.origin.file[row]!]!, line: table.origin.line[row]! };
  return { file: `<${table.sampler} table>`, line: row + 1 };
}

/** The name used for `table` in messages: its files, or `<sampler table>`. */
export function describeSource(table: SamplerTable): string {
  return table.origin ? table.origin.files.join(', ') : `<${table.sampler} table>`;
}

/**
 * A sampler table from an arquero table in the DSOS shape (`timestamp, component_id, job_id,
 * [app_id,] ...metrics`): `timestamp` as unix seconds or date-time strings (see
 * `timestamp.ts`), ids and metrics numeric (null/undefined/NaN are missing metric values).
 * Throws a {@link TelemetryInputError} naming `<sampler table>`, the 1-based row and the column
 * on a missing id column or a value that is not a number.
 */
export function samplerTableFromArquero(sampler: SamplerName, table: ColumnTable): SamplerTable {
  const source = `<${sampler} table>`;
  const names = table.columnNames();
  for (const id of ['timestamp', 'component_id', 'job_id']) {
    if (!names.includes(id)) throw new TelemetryInputError(`the id column "${id}" is missing`, source, undefined, id);
  }
  const rows = table.numRows();
  const numeric = (name: string, isTime: boolean, isId: boolean): Float64Array => {
    const values = table.array(name);
    const out = new Float64Array(rows);
    for (let i = 0; i < rows; i++) {
      const v = values[i] as unknown;
      let x: number | typeof UNPARSABLE;
      if (typeof v === 'number') x = v;
      else if (v === null || v === undefined) x = NaN;
      else if (v instanceof Date) x = v.getTime() / 1000;
      else if (typeof v === 'string') x = isTime ? parseTimestamp(v) : parseNumberCell(v);
      else if (typeof v === 'bigint') x = Number(v);
      else x = UNPARSABLE;
      if (x === UNPARSABLE || ((isId || isTime) && !Number.isFinite(x))) {
        throw new TelemetryInputError(`${JSON.stringify(String(v))} is not a ${isTime ? 'timestamp' : 'number'}`, source, i + 1, name);
      }
      out[i] = x;
    }
    return out;
  };
  const metricNames = names.filter((name) => !NON_METRIC_COLUMNS.has(name));
  return {
    sampler,
    jobId: numeric('job_id', false, true),
    componentId: numeric('component_id', false, true),
    timestamp: numeric('timestamp', true, false),
    metricNames,
    metrics: metricNames.map((name) => numeric(name, false, false)),
  };
}
