/**
 * Reading LDMS sampler CSV files into a {@link SamplerTable}, streaming. Two shapes are
 * recognised from the header:
 * - `dsos`: the DSOS export the original consumed, `timestamp, component_id, job_id, app_id,
 *   ...metrics` (`timestamp` as unix seconds or `YYYY-MM-DD HH:MM:SS[.ffffff]`);
 * - `ldms-store-csv`: LDMS `store_csv` output, `#Time, Time_usec, ProducerName, component_id,
 *   job_id, app_id, ...metrics` (`#Time` is unix seconds with a fraction).
 * `app_id`, `ProducerName` and `Time_usec` are optional and dropped; an unnamed first column
 * (a pandas index: empty or `Unnamed: 0`) is ignored; every other column is a metric and must
 * be numeric (an empty field or `nan` is a missing value).
 */
import { Float64ColumnBuilder, Int32ColumnBuilder } from './column-builder.js';
import { forEachCsvRecord } from './csv-reader.js';
import { TelemetryInputError } from './errors.js';
import { parseNumberCell, UNPARSABLE } from './number-cell.js';
import { NON_METRIC_COLUMNS, type SamplerTable } from './sampler-table.js';
import type { SamplerName } from './samplers.js';
import { parseTimestamp } from './timestamp.js';

/** The two sampler-file layouts (see the module comment). */
export type SamplerFileShape = 'dsos' | 'ldms-store-csv';

/** A sampler read from one or more files, with the layout of each file. */
export interface SamplerFileRead {
  readonly table: SamplerTable;
  readonly shapes: Readonly<Record<string, SamplerFileShape>>;
}

interface HeaderLayout {
  shape: SamplerFileShape;
  fieldCount: number;
  timeIndex: number;
  jobIndex: number;
  nodeIndex: number;
  metricNames: string[];
  metricIndex: number[];
}

function isIndexColumn(name: string, position: number): boolean {
  return position === 0 && (name === '' || /^Unnamed: ?0$/.test(name));
}

function layoutOf(header: string[], file: string, line: number): HeaderLayout {
  const seen = new Set<string>();
  header.forEach((name, j) => {
    if (isIndexColumn(name, j)) return;
    if (name === '') throw new TelemetryInputError('a column has no name', file, line, `#${j + 1}`);
    if (seen.has(name)) throw new TelemetryInputError('the column name appears twice in the header', file, line, name);
    seen.add(name);
  });
  const shape: SamplerFileShape = seen.has('#Time') ? 'ldms-store-csv' : 'dsos';
  const timeName = shape === 'dsos' ? 'timestamp' : '#Time';
  const expected = shape === 'dsos' ? 'timestamp, component_id, job_id, app_id, ...metrics' : '#Time, Time_usec, ProducerName, component_id, job_id, app_id, ...metrics';
  for (const id of [timeName, 'component_id', 'job_id']) {
    if (!seen.has(id)) throw new TelemetryInputError(`the id column "${id}" is missing (expected ${expected})`, file, line, id);
  }
  const metricNames: string[] = [];
  const metricIndex: number[] = [];
  header.forEach((name, j) => {
    if (isIndexColumn(name, j) || NON_METRIC_COLUMNS.has(name)) return;
    metricNames.push(name);
    metricIndex.push(j);
  });
  return {
    shape,
    fieldCount: header.length,
    timeIndex: header.indexOf(timeName),
    jobIndex: header.indexOf('job_id'),
    nodeIndex: header.indexOf('component_id'),
    metricNames,
    metricIndex,
  };
}

/**
 * Reads the files of one sampler (in the given order) into one table. Several files are
 * concatenated (e.g. `store_csv` roll-overs); they must have the same metric columns. Throws a
 * {@link TelemetryInputError} naming file, line and column on: a missing id column, a repeated
 * or empty column name, a row with the wrong number of fields, an id or timestamp that cannot
 * be read, a metric value that is not a number, different metric columns across files, or a
 * file without a header.
 */
export async function readSamplerFiles(sampler: SamplerName, paths: readonly string[]): Promise<SamplerFileRead> {
  if (paths.length === 0) throw new Error(`no files given for sampler ${sampler}`);
  const jobId = new Float64ColumnBuilder(1 << 14);
  const componentId = new Float64ColumnBuilder(1 << 14);
  const timestamp = new Float64ColumnBuilder(1 << 14);
  const fileOf = new Int32ColumnBuilder(1 << 14);
  const lineOf = new Int32ColumnBuilder(1 << 14);
  let metricNames: string[] | undefined;
  let firstFile = '';
  let metrics: Float64ColumnBuilder[] = [];
  const shapes: Record<string, SamplerFileShape> = {};

  for (let f = 0; f < paths.length; f++) {
    const file = paths[f]!;
    let layout: HeaderLayout | undefined;
    let header: string[] = [];
    await forEachCsvRecord(file, (fields, line) => {
      if (layout === undefined) {
        header = fields.map((name) => name.trim());
        layout = layoutOf(header, file, line);
        shapes[file] = layout.shape;
        if (metricNames === undefined) {
          metricNames = layout.metricNames;
          firstFile = file;
          metrics = metricNames.map(() => new Float64ColumnBuilder(1 << 14));
        } else if (layout.metricNames.join('\u0000') !== metricNames.join('\u0000')) {
          const missing = metricNames.filter((m) => !layout!.metricNames.includes(m));
          const extra = layout.metricNames.filter((m) => !metricNames!.includes(m));
          const column = missing[0] ?? extra[0];
          throw new TelemetryInputError(
            `the metric columns differ from ${firstFile} (${missing.length ? `missing ${missing.join(', ')}` : ''}${missing.length && extra.length ? '; ' : ''}${extra.length ? `extra ${extra.join(', ')}` : ''}${!missing.length && !extra.length ? 'different order' : ''})`,
            file,
            line,
            column,
          );
        }
        return;
      }
      if (fields.length !== layout.fieldCount) {
        throw new TelemetryInputError(`expected ${layout.fieldCount} fields as in the header, found ${fields.length}`, file, line);
      }
      const time = parseTimestamp(fields[layout.timeIndex]!);
      if (time === UNPARSABLE) {
        throw new TelemetryInputError(`"${fields[layout.timeIndex]}" is not a timestamp (unix seconds or YYYY-MM-DD HH:MM:SS[.ffffff])`, file, line, header[layout.timeIndex]);
      }
      timestamp.push(time);
      jobId.push(readId(fields, layout.jobIndex, header, file, line));
      componentId.push(readId(fields, layout.nodeIndex, header, file, line));
      const index = layout.metricIndex;
      for (let k = 0; k < index.length; k++) {
        const text = fields[index[k]!]!;
        const value = parseNumberCell(text);
        if (value === UNPARSABLE) throw new TelemetryInputError(`"${text}" is not a number`, file, line, header[index[k]!]);
        metrics[k]!.push(value);
      }
      fileOf.push(f);
      lineOf.push(line);
    });
    if (layout === undefined) throw new TelemetryInputError('the file is empty (no header)', file);
  }
  return {
    table: {
      sampler,
      jobId: jobId.finish(),
      componentId: componentId.finish(),
      timestamp: timestamp.finish(),
      metricNames: metricNames ?? [],
      metrics: metrics.map((m) => m.finish()),
      origin: { files: [...paths], file: fileOf.finish(), line: lineOf.finish() },
    },
    shapes,
  };
}

function readId(fields: string[], index: number, header: string[], file: string, line: number): number {
  const text = fields[index]!;
  const value = parseNumberCell(text);
  if (value === UNPARSABLE || Number.isNaN(value)) {
    throw new TelemetryInputError(text.trim() === '' ? 'the id is missing' : `"${text}" is not a numeric id`, file, line, header[index]);
  }
  return value;
}
