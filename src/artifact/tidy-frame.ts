/**
 * A pandas frame of the published artifact -> the tidy telemetry table: `job_id`,
 * `component_id`, `timestamp` first, then every other column as a metric (`METRIC::SAMPLER`),
 * all Float64Array, rows in file order.
 *
 * Ids may be stored as numbers or as text (the original read its ids as text: a fixed-layout
 * object block of Python strings, or a table-layout bytes column); text ids must spell numbers.
 * `timestamp` may be numbers (unix seconds), datetime64[ns] (converted to unix seconds) or
 * date-time text. A missing metric value stays NaN and is counted in the report; a missing id
 * or timestamp is an error.
 */
import { table as makeTable, type ColumnTable } from 'arquero';
import { parseTimestamp } from '../telemetry/timestamp.js';
import { UNPARSABLE } from '../telemetry/number-cell.js';
import { TIDY_ID_COLUMNS } from '../telemetry/tidy-table.js';
import { ArtifactInputError } from './errors.js';
import type { PandasColumn, PandasFrame, PandasLayout } from './pandas-frame.js';
import { sampleId } from '../telemetry/label-matching.js';

/** What reading one pandas file gave. */
export interface PandasHdfReport {
  readonly file: string;
  readonly key: string;
  readonly layout: PandasLayout;
  readonly rows: number;
  /** Distinct (job_id, component_id) pairs. */
  readonly samples: number;
  /** The metric columns, in frame order. */
  readonly metrics: readonly string[];
  /** pandas' dtype of every column as stored (e.g. `object` for ids kept as Python strings). */
  readonly dtypes: Readonly<Record<string, string>>;
  /** Missing (NaN) values per metric column, only the columns that have some. */
  readonly missing: Readonly<Record<string, number>>;
}

/** The tidy table of a pandas file and its report. */
export interface PandasHdfRead {
  readonly table: ColumnTable;
  readonly report: PandasHdfReport;
}

/**
 * Converts `frame` to the tidy table (see the module comment). Throws an
 * {@link ArtifactInputError} naming file, key, column and row when an id column is missing, an
 * id or timestamp is missing or not a number, or a metric column holds text.
 */
export function tidyFromFrame(frame: PandasFrame): PandasHdfRead {
  const { file, key } = frame;
  const byName = new Map(frame.columns.map((c) => [c.name, c]));
  for (const id of TIDY_ID_COLUMNS) {
    if (!byName.has(id)) {
      throw new ArtifactInputError(
        `the column "${id}" is missing (the frame has ${frame.columns.map((c) => c.name).slice(0, 8).join(', ')}${frame.columns.length > 8 ? ', ...' : ''}; ` +
          `the data files have ${TIDY_ID_COLUMNS.join(', ')} and METRIC::SAMPLER columns; if "${id}" is the frame's index, write it after df.reset_index())`,
        file,
        { key, column: id },
      );
    }
  }
  const data: Record<string, Float64Array> = {};
  data.job_id = idColumn(byName.get('job_id')!, frame);
  data.component_id = idColumn(byName.get('component_id')!, frame);
  data.timestamp = timestampColumn(byName.get('timestamp')!, frame);
  const ids = new Set<string>(TIDY_ID_COLUMNS);
  const metrics: string[] = [];
  const missing: Record<string, number> = {};
  for (const column of frame.columns) {
    if (ids.has(column.name)) continue;
    const values = metricColumn(column, frame);
    let nan = 0;
    for (let i = 0; i < values.length; i++) if (Number.isNaN(values[i]!)) nan++;
    if (nan > 0) missing[column.name] = nan;
    metrics.push(column.name);
    data[column.name] = values;
  }
  const samples = new Set<string>();
  for (let i = 0; i < frame.rows; i++) samples.add(sampleId(data.job_id[i], data.component_id[i]));
  const report: PandasHdfReport = {
    file,
    key,
    layout: frame.layout,
    rows: frame.rows,
    samples: samples.size,
    metrics,
    dtypes: Object.fromEntries(frame.columns.map((c) => [c.name, c.dtype])),
    missing,
  };
  return { table: makeTable(data), report };
}

function idColumn(column: PandasColumn, frame: PandasFrame): Float64Array {
  const out = new Float64Array(frame.rows);
  for (let r = 0; r < frame.rows; r++) {
    const v = column.values[r];
    const where = { key: frame.key, column: column.name, row: r };
    let n: number;
    if (typeof v === 'number') n = v;
    else if (typeof v === 'bigint') n = Number(v);
    else if (typeof v === 'boolean') n = NaN;
    else if (typeof v === 'string') {
      const text = v.trim();
      n = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text) ? Number(text) : NaN;
      if (Number.isNaN(n)) throw new ArtifactInputError(`the id "${v}" is not a number (job and node ids must be numbers, stored as numbers or as text)`, frame.file, where);
    } else n = NaN;
    if (Number.isNaN(n)) throw new ArtifactInputError(v === null || (typeof v === 'number' && Number.isNaN(v)) ? 'the id is missing' : `the id ${String(v)} is not a number`, frame.file, where);
    out[r] = n;
  }
  return out;
}

function timestampColumn(column: PandasColumn, frame: PandasFrame): Float64Array {
  const out = new Float64Array(frame.rows);
  for (let r = 0; r < frame.rows; r++) {
    const v = column.values[r];
    const where = { key: frame.key, column: column.name, row: r };
    let t: number;
    if (typeof v === 'number') t = v;
    else if (typeof v === 'bigint') t = Number(v);
    else if (typeof v === 'string') {
      const parsed = parseTimestamp(v);
      if (parsed === UNPARSABLE) throw new ArtifactInputError(`"${v}" is not a timestamp (unix seconds or YYYY-MM-DD HH:MM:SS[.ffffff])`, frame.file, where);
      t = parsed;
    } else t = NaN;
    if (Number.isNaN(t)) throw new ArtifactInputError('the timestamp is missing', frame.file, where);
    out[r] = t;
  }
  return out;
}

function metricColumn(column: PandasColumn, frame: PandasFrame): Float64Array {
  if (column.values instanceof Float64Array) return column.values;
  const out = new Float64Array(frame.rows);
  for (let r = 0; r < frame.rows; r++) {
    const v = column.values[r];
    if (typeof v === 'number') out[r] = v;
    else if (typeof v === 'bigint' || typeof v === 'boolean') out[r] = Number(v);
    else if (v === null || v === undefined) out[r] = NaN;
    else {
      throw new ArtifactInputError(
        `the metric column holds ${typeof v === 'string' ? `text ("${v}")` : 'a Python object'} (stored as ${column.dtype}); metric columns must be numeric`,
        frame.file,
        { key: frame.key, column: column.name, row: r },
      );
    }
  }
  return out;
}
