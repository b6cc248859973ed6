/**
 * The tidy table as plain named Float64Array columns, and the fast reader of its CSV form.
 *
 * {@link TidyColumns} offers the part of arquero's ColumnTable that reading needs
 * (`columnNames`, `numRows`, `column`, `array`, `isFiltered`, `isOrdered`) without loading
 * arquero (~150 ms of module loading), so that `prodigy features` starts fast; `readTidyTable`
 * (tidy-csv.ts) wraps it in an arquero table.
 *
 * {@link readTidyColumns} parses the file's bytes directly (no strings per line or field):
 * runs of plain numeric lines through the WebAssembly reader ({@link NumericLines}), a line
 * with anything unusual in a field through the same
 * cell rules as before ({@link parseNumberCell}), and a file with a quote in its body through
 * the general RFC 4180 reader. The values, and the errors, are the same either way.
 */
import { open } from 'node:fs/promises';
import { Float64ColumnBuilder } from './column-builder.js';
import { CsvRecordParser, forEachCsvRecord } from './csv-reader.js';
import { TelemetryInputError } from './errors.js';
import { parseNumberCell, UNPARSABLE } from './number-cell.js';
import { TIDY_ID_COLUMNS } from './tidy-table.js';
import { NumericLines } from './numeric-lines.js';

/** A table of named Float64Array columns of equal length, in file order. */
export class TidyColumns {
  private readonly index: Map<string, number>;

  /** Throws when the names repeat or the columns differ in length. */
  constructor(
    readonly names: readonly string[],
    readonly columns: readonly Float64Array[],
  ) {
    if (names.length !== columns.length) throw new Error(`tidy columns: ${names.length} names for ${columns.length} columns`);
    this.index = new Map(names.map((name, j) => [name, j]));
    if (this.index.size !== names.length) throw new Error('tidy columns: a column name repeats');
    const rows = columns[0]?.length ?? 0;
    if (columns.some((c) => c.length !== rows)) throw new Error('tidy columns: the columns differ in length');
  }

  /** The column names, in order. */
  columnNames(): string[] {
    return [...this.names];
  }

  /** The number of rows. */
  numRows(): number {
    return this.columns[0]?.length ?? 0;
  }

  /** The values of column `name` (the array itself, not a copy), or undefined. */
  column(name: string): Float64Array | undefined {
    const j = this.index.get(name);
    return j === undefined ? undefined : this.columns[j];
  }

  /** The values of column `name`; throws naming it when absent. */
  array(name: string): Float64Array {
    const values = this.column(name);
    if (!values) throw new Error(`tidy columns: no column "${name}"`);
    return values;
  }

  /** Always false: rows are in file order (arquero's API, for code that reads either). */
  isFiltered(): boolean {
    return false;
  }

  /** Always false (see {@link isFiltered}). */
  isOrdered(): boolean {
    return false;
  }
}

/** Checks a tidy header: the id columns present, no empty or repeated name. */
export function checkTidyHeader(header: readonly string[], path: string, line: number): void {
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

/** Turns values into columns, checking each cell as the tidy format requires. */
class ColumnSink {
  readonly columns: Float64ColumnBuilder[];
  private readonly isId: boolean[];

  /** `rows`: how many rows to make room for at once (more grow the columns). */
  constructor(
    readonly header: string[],
    readonly path: string,
    rows = 4096,
  ) {
    this.columns = header.map(() => new Float64ColumnBuilder(rows));
    this.isId = header.map((name) => (TIDY_ID_COLUMNS as readonly string[]).includes(name));
  }

  /** Adds the cell text of column j (the slow path: any text). */
  cell(j: number, text: string, line: number): void {
    const value = parseNumberCell(text);
    if (value === UNPARSABLE) throw new TelemetryInputError(`"${text}" is not a number`, this.path, line, this.header[j]);
    this.value(j, value, line);
  }

  /** Adds the number of column j. */
  value(j: number, value: number, line: number): void {
    if (value !== value && this.isId[j]) throw new TelemetryInputError('an id value is missing', this.path, line, this.header[j]);
    this.columns[j]!.push(value);
  }

  fieldCount(found: number, line: number): TelemetryInputError {
    return new TelemetryInputError(`expected ${this.header.length} fields as in the header, found ${found}`, this.path, line);
  }

  finish(): TidyColumns {
    return new TidyColumns(this.header, this.columns.map((c) => c.finish()));
  }
}

/** Thrown inside the byte reader when the file needs the general CSV reader (a quote in the body). */
class NeedsGeneralReader extends Error {}

/**
 * Reads a tidy-table CSV (header `job_id,component_id,timestamp,METRIC::SAMPLER,...`; an empty
 * field is NaN) into {@link TidyColumns}. Throws a {@link TelemetryInputError} naming file, line
 * and column when an id column is missing, a header name repeats, a row has the wrong number of
 * fields, a value is not a number, or an id value is missing. `.gz` files are gunzipped.
 * `chunkBytes`: how much of the file is read at a time (default 1 MiB; lines may span chunks).
 */
export async function readTidyColumns(path: string, options: { chunkBytes?: number } = {}): Promise<TidyColumns> {
  if (!path.endsWith('.gz')) {
    try {
      return await readBytes(path, Math.max(1, options.chunkBytes ?? CHUNK_BYTES));
    } catch (err) {
      if (!(err instanceof NeedsGeneralReader)) throw err;
    }
  }
  return readGeneral(path);
}

/** The general path: every record through the RFC 4180 reader, every cell through parseNumberCell. */
async function readGeneral(path: string): Promise<TidyColumns> {
  let sink: ColumnSink | undefined;
  await forEachCsvRecord(path, (fields, line) => {
    if (sink === undefined) {
      const header = fields.map((f) => f.trim());
      checkTidyHeader(header, path, line);
      sink = new ColumnSink(header, path);
      return;
    }
    if (fields.length !== sink.header.length) throw sink.fieldCount(fields.length, line);
    for (let j = 0; j < fields.length; j++) sink.cell(j, fields[j]!, line);
  });
  if (sink === undefined) throw new TelemetryInputError('the file is empty (no header)', path);
  return sink.finish();
}

/**
 * The bytes read at a time: 1 MiB, reused for every chunk, stays in cache between the read,
 * the copy into kernel memory and the parse, and touches a quarter of the fresh pages 4 MiB
 * did (on /tmp/fb/in.csv, 18 MB: ~5 ms faster than 4 MiB, ~2 ms faster than 512 KiB or 2 MiB).
 */
const CHUNK_BYTES = 1 << 20;

/** The byte path: the file in chunks, lines split at LF (a CR before it dropped), fields at commas. */
async function readBytes(path: string, chunkBytes: number): Promise<TidyColumns> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new TelemetryInputError(`cannot read the file (${code}: ${(err as Error).message})`, path);
  }
  try {
    let buffer = Buffer.allocUnsafe(chunkBytes);
    let filled = 0;
    let atEnd = false;
    let sink: ColumnSink | undefined;
    let line = 0; // physical lines consumed
    const { size } = await handle.stat();
    while (!atEnd) {
      if (filled === buffer.length) {
        const grown = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(grown, 0, 0, filled);
        buffer = grown;
      }
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, null);
      filled += bytesRead;
      atEnd = bytesRead === 0;
      let pos = 0;
      if (sink === undefined) {
        const newline = buffer.indexOf(10, 0);
        if (newline < 0 || newline >= filled) {
          if (!atEnd) continue;
          if (filled === 0) throw new TelemetryInputError('the file is empty (no header)', path);
        }
        const headerEnd = newline >= 0 && newline < filled ? newline : filled;
        const text = buffer.toString('utf8', 0, headerEnd);
        if (text.includes('"')) throw new NeedsGeneralReader();
        let header: string[] | undefined;
        const parser = new CsvRecordParser(path, (fields) => (header ??= fields.map((f) => f.trim())));
        parser.push(text);
        parser.finish();
        line = 1;
        if (header === undefined) throw new NeedsGeneralReader(); // blank first line: let the general reader decide
        checkTidyHeader(header, path, 1);
        pos = Math.min(filled, headerEnd + 1);
        sink = new ColumnSink(header, path, expectedRows(buffer, pos, filled, size, header.length));
      }
      const consumed = parseLines(buffer, pos, filled, atEnd, sink, line);
      line = consumed.line;
      buffer.copy(buffer, 0, consumed.pos, filled);
      filled -= consumed.pos;
    }
    return sink!.finish();
  } finally {
    await handle.close();
  }
}

/**
 * The rows to make room for in a file of `size` bytes whose data start at `start`: as many
 * lines as its first data line's length gives, a quarter more for longer lines later, no more
 * than can fit (a row takes at least `width` bytes), and at least 16. Only a guess: the columns
 * grow when it is short (doubling), and are cut to length at the end either way.
 */
function expectedRows(bytes: Buffer, start: number, filled: number, size: number, width: number): number {
  const newline = bytes.indexOf(10, start);
  const lineBytes = newline >= start && newline < filled ? newline + 1 - start : Math.max(1, filled - start);
  const rest = Math.max(0, size - start);
  return Math.max(16, Math.min(Math.ceil((1.25 * rest) / lineBytes), Math.ceil(rest / width) + 1));
}

/**
 * Parses the complete lines of `bytes[pos, filled)` (and the last, unterminated one when
 * `atEnd`); returns the position after the last consumed line and the line count so far.
 * Runs of plain numeric lines go through the WebAssembly reader ({@link NumericLines}); a line
 * it stops at (an empty field, text, a wrong field count) is read here, field by field.
 */
function parseLines(bytes: Buffer, pos: number, filled: number, atEnd: boolean, sink: ColumnSink, line: number): { pos: number; line: number } {
  numericLines.load(bytes, pos, filled);
  while (pos < filled) {
    const run = numericLines.read(pos, filled, atEnd, sink.columns);
    pos = run.pos;
    line += run.lines;
    if (run.full) continue;
    if (pos >= filled) break;
    const next = parseLine(bytes, pos, filled, atEnd, sink, line + 1);
    if (next < 0) break; // an unterminated last line: the next chunk completes it
    pos = next;
    line++;
  }
  return { pos: Math.min(pos, filled), line };
}

/**
 * Reads the line that starts at `bytes[pos]` (line number `line`) field by field into `sink`;
 * returns the position after it, or -1 when its end is not in `bytes[pos, filled)` yet.
 */
function parseLine(bytes: Buffer, pos: number, filled: number, atEnd: boolean, sink: ColumnSink, line: number): number {
  const width = sink.header.length;
  let newline = bytes.indexOf(10, pos);
  if (newline < 0 || newline >= filled) {
    if (!atEnd) return -1;
    newline = filled;
  }
  let end = newline;
  if (end > pos && bytes[end - 1] === 13) end--;
  if (end === pos) return newline + 1; // a blank line
  let field = 0;
  let start = pos;
  for (;;) {
    if (field >= width) throw sink.fieldCount(countFields(bytes, pos, end), line);
    let stop = start;
    while (stop < end) {
      const c = bytes[stop]!;
      if (c === 44) break;
      if (c === 34) throw new NeedsGeneralReader();
      stop++;
    }
    sink.cell(field, bytes.toString('utf8', start, stop), line);
    field++;
    if (stop >= end) break;
    start = stop + 1;
  }
  if (field !== width) throw sink.fieldCount(field, line);
  return newline + 1;
}

const numericLines = new NumericLines();

function countFields(bytes: Buffer, from: number, to: number): number {
  let count = 1;
  for (let p = from; p < to; p++) if (bytes[p] === 44) count++;
  return count;
}
