/**
 * The labels CSV: one row per sample, `job_id, component_id, app_name, anom_name,
 * binary_anom` (`anom_name` is `none` for a healthy sample; `binary_anom` is 0 healthy, 1
 * anomalous). An unnamed first column (a pandas index) is ignored, other extra columns are
 * kept as text.
 */
import { table as makeTable, type ColumnTable } from 'arquero';
import { forEachCsvRecord } from './csv-reader.js';
import { TelemetryInputError } from './errors.js';
import { parseNumberCell, UNPARSABLE } from './number-cell.js';
import { sampleId } from './label-matching.js';

/** The columns a labels file must have. */
export const LABEL_COLUMNS = ['job_id', 'component_id', 'app_name', 'anom_name', 'binary_anom'] as const;

/** The `anom_name` of a healthy sample. */
export const HEALTHY_ANOMALY_NAME = 'none';

/**
 * Reads and validates a labels CSV into an arquero table with columns `job_id`,
 * `component_id`, `binary_anom` (Float64Array), `app_name`, `anom_name` (strings), in the
 * file's row order, plus any extra named columns as text. Throws a {@link TelemetryInputError}
 * naming file, line and column on: a missing column, a non-numeric or missing id, an empty
 * `app_name` or `anom_name`, a `binary_anom` other than 0/1, a `binary_anom` that contradicts
 * `anom_name` (0 needs `none`, 1 needs another name), and a sample labelled twice differently
 * (an identical repeat is dropped).
 */
export async function readLabels(path: string): Promise<ColumnTable> {
  let header: string[] | undefined;
  let skipFirst = false;
  const index: Record<string, number> = {};
  const extra: string[] = [];
  const jobId: number[] = [];
  const componentId: number[] = [];
  const binary: number[] = [];
  const appName: string[] = [];
  const anomName: string[] = [];
  const extraValues: string[][] = [];
  const seen = new Map<string, { line: number; app: string; anom: string; binary: number }>();

  await forEachCsvRecord(path, (fields, line) => {
    if (header === undefined) {
      header = fields.map((f) => f.trim());
      skipFirst = header[0] === '' || /^Unnamed: ?0$/.test(header[0]!);
      for (const name of LABEL_COLUMNS) {
        const at = header.indexOf(name);
        if (at < 0) throw new TelemetryInputError(`the column "${name}" is missing (a labels file has ${LABEL_COLUMNS.join(', ')})`, path, line, name);
        index[name] = at;
      }
      header.forEach((name, j) => {
        if ((j === 0 && skipFirst) || (LABEL_COLUMNS as readonly string[]).includes(name)) return;
        if (name === '') throw new TelemetryInputError('a column has no name', path, line, `#${j + 1}`);
        extra.push(name);
      });
      extra.forEach(() => extraValues.push([]));
      return;
    }
    if (fields.length !== header.length) throw new TelemetryInputError(`expected ${header.length} fields as in the header, found ${fields.length}`, path, line);
    const id = (name: 'job_id' | 'component_id'): number => {
      const text = fields[index[name]!]!;
      const value = parseNumberCell(text);
      if (value === UNPARSABLE || Number.isNaN(value)) throw new TelemetryInputError(text.trim() ? `"${text}" is not a numeric id` : 'the id is missing', path, line, name);
      return value;
    };
    const job = id('job_id');
    const node = id('component_id');
    const app = fields[index.app_name!]!.trim();
    const anom = fields[index.anom_name!]!.trim();
    if (!app) throw new TelemetryInputError('app_name is empty', path, line, 'app_name');
    if (!anom) throw new TelemetryInputError(`anom_name is empty (use "${HEALTHY_ANOMALY_NAME}" for a healthy sample)`, path, line, 'anom_name');
    const binaryText = fields[index.binary_anom!]!;
    const b = parseNumberCell(binaryText);
    if (b !== 0 && b !== 1) throw new TelemetryInputError(`binary_anom must be 0 or 1, got "${binaryText}"`, path, line, 'binary_anom');
    if ((b === 0) !== (anom === HEALTHY_ANOMALY_NAME)) {
      throw new TelemetryInputError(`binary_anom ${b} contradicts anom_name "${anom}" (0 goes with "${HEALTHY_ANOMALY_NAME}", 1 with an anomaly name)`, path, line, 'binary_anom');
    }
    const key = sampleId(job, node);
    const before = seen.get(key);
    if (before) {
      if (before.app === app && before.anom === anom && before.binary === b) return;
      throw new TelemetryInputError(`job ${job}, node ${node} is labelled differently on line ${before.line}`, path, line, before.app !== app ? 'app_name' : 'anom_name');
    }
    seen.set(key, { line, app, anom, binary: b });
    jobId.push(job);
    componentId.push(node);
    appName.push(app);
    anomName.push(anom);
    binary.push(b);
    extra.forEach((name, k) => extraValues[k]!.push(fields[header!.indexOf(name)]!));
  });
  if (header === undefined) throw new TelemetryInputError('the file is empty (no header)', path);
  const columns: Record<string, unknown[] | Float64Array> = {
    job_id: Float64Array.from(jobId),
    component_id: Float64Array.from(componentId),
    app_name: appName,
    anom_name: anomName,
    binary_anom: Float64Array.from(binary),
  };
  extra.forEach((name, k) => (columns[name] = extraValues[k]!));
  return makeTable(columns);
}
