/**
 * The tidy table on disk: a CSV with the header `job_id,component_id,timestamp,METRIC::SAMPLER,...`
 * and one row per (job, node, second). Every column is numeric; an empty field is a missing
 * value (NaN).
 */
import { table as makeTable, type ColumnTable } from 'arquero';
import { writeCsvAtomic, type CsvCell } from '../util/csv.js';
import { Float64ColumnBuilder } from './column-builder.js';
import { forEachCsvRecord } from './csv-reader.js';
import { TelemetryInputError } from './errors.js';
import { parseNumberCell, UNPARSABLE } from './number-cell.js';
import { TIDY_ID_COLUMNS } from './tidy-table.js';

/**
 * Reads a tidy-table CSV (as {@link writeTidyTable} writes it) into an arquero table whose
 * columns are all Float64Array, in file order. Streams the file. Throws a
 * {@link TelemetryInputError} naming file, line and column when an id column is missing, a
 * header name repeats, a row has the wrong number of fields, a value is not a number, or an
 * id value is missing. Row order is kept as in the file.
 */
export async function readTidyTable(path: string): Promise<ColumnTable> {
  let header: string[] | undefined;
  let columns: Float64ColumnBuilder[] = [];
  let isId: boolean[] = [];
  await forEachCsvRecord(path, (fields, line) => {
    if (header === undefined) {
      header = fields.map((f) => f.trim());
      checkHeader(header, path, line);
      columns = header.map(() => new Float64ColumnBuilder(4096));
      isId = header.map((name) => (TIDY_ID_COLUMNS as readonly string[]).includes(name));
      return;
    }
    if (fields.length !== header.length) {
      throw new TelemetryInputError(`expected ${header.length} fields as in the header, found ${fields.length}`, path, line);
    }
    for (let j = 0; j < fields.length; j++) {
      const value = parseNumberCell(fields[j]!);
      if (value === UNPARSABLE) throw new TelemetryInputError(`"${fields[j]}" is not a number`, path, line, header[j]);
      if (isId[j] && Number.isNaN(value)) throw new TelemetryInputError('an id value is missing', path, line, header[j]);
      columns[j]!.push(value);
    }
  });
  if (header === undefined) throw new TelemetryInputError('the file is empty (no header)', path);
  const data: Record<string, Float64Array> = {};
  header.forEach((name, j) => (data[name] = columns[j]!.finish()));
  return makeTable(data);
}

function checkHeader(header: string[], path: string, line: number): void {
  for (const id of TIDY_ID_COLUMNS) {
    if (!header.includes(id)) {
      throw new TelemetryInputError(`the id column "${id}" is missing (a tidy table starts with ${TIDY_ID_COLUMNS.join(', ')})`, path, line, id);
    }
  }
  const seen = new Set<string>();
  for (const name of header) {
    if (name === '') throw new TelemetryInputError('a column has no name', path, line, `#${seen.size + 1}`);
    if (seen.has(name)) throw new TelemetryInputError('the column name appears twice in the header', path, line, name);
    seen.add(name);
  }
}

/**
 * Writes `table` as CSV to `path` atomically (a temporary file renamed into place: a failure
 * leaves nothing behind). Columns in table order; numbers in shortest round-trip form; NaN,
 * null and undefined as empty fields. Respects the table's filter and order.
 */
export async function writeTidyTable(table: ColumnTable, path: string): Promise<void> {
  const names = table.columnNames();
  const arrays = names.map((name) => table.array(name) as ArrayLike<CsvCell>);
  const rowCount = table.numRows();
  function* rows(): Generator<CsvCell[]> {
    const row: CsvCell[] = new Array(names.length);
    for (let i = 0; i < rowCount; i++) {
      for (let j = 0; j < arrays.length; j++) row[j] = arrays[j]![i];
      yield row;
    }
  }
  await writeCsvAtomic(path, names, rows());
}
