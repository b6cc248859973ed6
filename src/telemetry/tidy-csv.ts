/**
 * The tidy table on disk: a CSV with the header `job_id,component_id,timestamp,METRIC::SAMPLER,...`
 * and one row per (job, node, second). Every column is numeric; an empty field is a missing
 * value (NaN).
 */
import { table as makeTable, type ColumnTable } from 'arquero';
import { writeCsvAtomic, type CsvCell } from '../util/csv.js';
import type { TelemetryInputError } from './errors.js';
import { readTidyColumns } from './tidy-columns.js';

/**
 * Reads a tidy-table CSV (as {@link writeTidyTable} writes it) into an arquero table whose
 * columns are all Float64Array, in file order (see {@link readTidyColumns}, which does the
 * reading without arquero). Throws a {@link TelemetryInputError} naming file, line and column
 * when an id column is missing, a header name repeats, a row has the wrong number of fields, a
 * value is not a number, or an id value is missing. Row order is kept as in the file.
 */
export async function readTidyTable(path: string): Promise<ColumnTable> {
  const read = await readTidyColumns(path);
  const data: Record<string, Float64Array> = {};
  read.names.forEach((name, j) => (data[name] = read.columns[j]!));
  return makeTable(data);
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
