/**
 * A streaming CSV reader (RFC 4180): the file is read in chunks and parsed record by record, so
 * a month of one node's telemetry never has to sit in a single string.
 *
 * - fields are separated by `,`, records by LF or CRLF; a UTF-8 byte-order mark is skipped;
 * - a field may be quoted with `"`; inside quotes, `""` is one quote and commas and line breaks
 *   are part of the field (the record then spans several physical lines);
 * - a quote inside an unquoted field, text after a closing quote, or a quote never closed is an
 *   error naming the file, line and column;
 * - blank lines are skipped; each record carries the 1-based physical line it starts on.
 * Files whose name ends in `.gz` are gunzipped on the fly.
 */
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import { TelemetryInputError } from './errors.js';

/** Receives one record: its fields and the 1-based line it starts on. May throw to stop. */
export type CsvRecordVisitor = (fields: string[], line: number) => void;

/**
 * A push parser: feed it text chunks with `push`, then call `finish`. Records are delivered to
 * the visitor as soon as they are complete. The first record is remembered as the header so
 * that parse errors can name the column.
 */
export class CsvRecordParser {
  private pending = '';
  private pendingLine = 1;
  private started = false;
  private header: string[] | undefined;

  constructor(
    private readonly file: string,
    private readonly visit: CsvRecordVisitor,
  ) {}

  /** Parses every complete record in `pending + chunk`; keeps the incomplete tail. */
  push(chunk: string): void {
    let text = this.pending + chunk;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    const consumed = this.parse(text, false);
    this.pending = text.slice(consumed);
  }

  /** Parses the last record (one without a final line break); errors on an open quote. */
  finish(): void {
    const text = this.pending;
    this.pending = '';
    if (text.length > 0) this.parse(text, true);
  }

  /** Parses records from `text`; returns how many characters were consumed. */
  private parse(text: string, atEnd: boolean): number {
    let pos = 0;
    const n = text.length;
    let quote = -1; // the next quote at or after pos (n when none), found lazily
    while (pos < n) {
      let newline = text.indexOf('\n', pos);
      if (newline < 0) {
        if (!atEnd) return pos;
        newline = n;
      }
      if (quote < pos) {
        quote = text.indexOf('"', pos);
        if (quote < 0) quote = n;
      }
      if (quote > newline || quote === n) {
        // Fast path: a record on one line without quotes.
        let end = newline;
        if (end > pos && text.charCodeAt(end - 1) === 13) end--;
        if (end > pos) this.deliver(text.slice(pos, end).split(','), this.pendingLine);
        this.pendingLine++;
        pos = newline + 1;
        continue;
      }
      const result = this.parseQuoted(text, pos, atEnd);
      if (result < 0) return pos; // the quoted record continues in the next chunk
      pos = result;
    }
    return pos;
  }

  /**
   * Parses one record that contains quotes, starting at `start`. Returns the index after its
   * line break, or -1 when the record is not complete in `text` yet (and `atEnd` is false).
   */
  private parseQuoted(text: string, start: number, atEnd: boolean): number {
    const fields: string[] = [];
    const recordLine = this.pendingLine;
    let line = recordLine;
    let pos = start;
    const n = text.length;
    for (;;) {
      // At the start of a field.
      if (pos < n && text.charCodeAt(pos) === 34) {
        const fieldLine = line;
        let value = '';
        let from = pos + 1;
        for (;;) {
          const q = text.indexOf('"', from);
          if (q < 0) {
            if (!atEnd) return -1;
            throw this.error('a quoted field is never closed', fieldLine, fields.length);
          }
          value += text.slice(from, q);
          line += countNewlines(text, from, q);
          if (q + 1 < n && text.charCodeAt(q + 1) === 34) {
            value += '"';
            from = q + 2;
            continue;
          }
          if (q + 1 >= n && !atEnd) return -1; // cannot tell `"` from `""` yet
          pos = q + 1;
          break;
        }
        fields.push(value);
        const c = pos < n ? text.charCodeAt(pos) : -1;
        if (c === 44) {
          pos++;
          continue;
        }
        if (c === 13 && pos + 1 < n && text.charCodeAt(pos + 1) === 10) pos++;
        else if (c === 13 && pos + 1 >= n && !atEnd) return -1;
        if (c === -1 || c === 10 || c === 13) {
          this.deliver(fields, recordLine);
          this.pendingLine = line + 1;
          return pos < n ? pos + 1 : n;
        }
        throw this.error('unexpected text after a closing quote', line, fields.length - 1);
      }
      // An unquoted field: up to the next comma or line break.
      let end = pos;
      while (end < n) {
        const c = text.charCodeAt(end);
        if (c === 44 || c === 10) break;
        if (c === 34) throw this.error('a quote inside an unquoted field', line, fields.length);
        end++;
      }
      if (end >= n && !atEnd) return -1;
      let fieldEnd = end;
      if (fieldEnd > pos && text.charCodeAt(fieldEnd - 1) === 13 && (end === n || text.charCodeAt(end) === 10)) fieldEnd--;
      fields.push(text.slice(pos, fieldEnd));
      if (end < n && text.charCodeAt(end) === 44) {
        pos = end + 1;
        continue;
      }
      this.deliver(fields, recordLine);
      this.pendingLine = line + 1;
      return end < n ? end + 1 : n;
    }
  }

  private deliver(fields: string[], line: number): void {
    if (this.header === undefined) this.header = fields;
    this.visit(fields, line);
  }

  private error(problem: string, line: number, fieldIndex: number): TelemetryInputError {
    const name = this.header?.[fieldIndex];
    return new TelemetryInputError(problem, this.file, line, name ?? `#${fieldIndex + 1}`);
  }
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

/**
 * Streams the CSV file at `path` and calls `visit` for every record (header included), in
 * order. Resolves when the file is done; rejects with a {@link TelemetryInputError} on a parse
 * error or when the file cannot be read, or with whatever `visit` throws (reading stops).
 */
export async function forEachCsvRecord(path: string, visit: CsvRecordVisitor): Promise<void> {
  const parser = new CsvRecordParser(path, visit);
  const raw = createReadStream(path, { highWaterMark: 1 << 20 });
  let source: NodeJS.ReadableStream = raw;
  if (path.endsWith('.gz')) {
    const gunzip = createGunzip();
    raw.on('error', (err) => gunzip.destroy(err));
    source = raw.pipe(gunzip);
  }
  const decoder = new StringDecoder('utf8');
  try {
    for await (const chunk of source) parser.push(decoder.write(chunk as Buffer));
    parser.push(decoder.end());
    parser.finish();
  } catch (err) {
    raw.destroy();
    if (err instanceof TelemetryInputError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== undefined) throw new TelemetryInputError(`cannot read the file (${code}: ${(err as Error).message})`, path);
    throw err;
  }
}
