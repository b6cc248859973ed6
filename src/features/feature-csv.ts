/**
 * Writing a feature matrix as CSV: `job_id,component_id[,window_start],<features>`, numbers in
 * shortest round-trip form, NaN as an empty field (the same text util/csv.ts writes).
 *
 * Turning a double into its shortest decimal costs ~0.15 us and an `efficient` extraction has
 * ~1.2 M values, so each row's numbers are formatted by one native `JSON.stringify` call and
 * copied as bytes into a buffer (no string per value), and with an {@link ExtractionWorkers}
 * pool at hand a worker formats part of the rows into shared memory while this thread formats
 * the header and the other rows; the file is then written in one piece.
 */
import { writeFileAtomic } from '../util/atomic.js';
import { formatCsvCell } from '../util/csv.js';
import type { FeatureValues } from './extract-values.js';
import type { ExtractionWorkers } from './worker-pool.js';
import { mark } from './timeline.js';

/** The longest shortest-round-trip double, e.g. `-2.2250738585072014e-308`, has 24 characters. */
const MAX_NUMBER_CHARS = 24;

/** Bytes a row of `width` values can need: each value and its comma. */
export function maxRowBytes(width: number): number {
  return width * (MAX_NUMBER_CHARS + 1);
}

/**
 * Writes values `[base, base + width)` of `values` as CSV fields joined by commas (NaN: an
 * empty field) into `bytes` from `at`, as ASCII; returns the position after the last byte.
 * `bytes` must have {@link maxRowBytes}(width) bytes from `at`.
 */
export function writeValueFields(values: Float64Array, base: number, width: number, bytes: Uint8Array, at: number): number {
  let p = at;
  for (let c = 0; c < width; c++) {
    if (c > 0) bytes[p++] = 44;
    const v = values[base + c]!;
    if (v !== v) continue;
    const integer = v | 0;
    if (integer === v && integer >= 0) {
      // a non-negative int32 (0 for -0, as String(-0) is "0"): digits without a string
      if (integer < 10) {
        bytes[p++] = 48 + integer;
        continue;
      }
      let digits = 0;
      for (let rest = integer; rest > 0; rest = (rest / 10) | 0) digits++;
      for (let rest = integer, q = p + digits - 1; rest > 0; rest = (rest / 10) | 0) bytes[q--] = 48 + (rest % 10);
      p += digits;
      continue;
    }
    const text = String(v);
    for (let k = 0; k < text.length; k++) bytes[p++] = text.charCodeAt(k);
  }
  return p;
}

/**
 * Writes values `[base, base + width)` as {@link writeValueFields} does, through one
 * `JSON.stringify` of the row: JSON writes numbers exactly as `String()` does (shortest
 * round trip, `1e+21`, `-0` as `0`), all in one native call instead of a string per value
 * (~30% faster), and NaN as `null`, which becomes the empty field. A row holding an infinity
 * (also `null` in JSON, but `Infinity` in the CSV) goes value by value.
 */
function writeRowFields(values: Float64Array, base: number, width: number, bytes: Uint8Array, at: number): number {
  const row = new Array<number>(width);
  let infinite = false;
  for (let c = 0; c < width; c++) {
    const v = values[base + c]!;
    row[c] = v;
    if (v === Infinity || v === -Infinity) infinite = true;
  }
  if (infinite || width === 0) return writeValueFields(values, base, width, bytes, at);
  const text = JSON.stringify(row);
  const fields = text.slice(1, -1).replaceAll('null', '');
  return at + Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).write(fields, at, 'latin1');
}

/**
 * Formats rows `[from, to)` of the row-major `width`-column `values` into `bytes`: row r at
 * byte `(r - from) * maxRowBytes(width)`, its length in `lengths[r - from]`.
 */
export function formatValueRowBytes(values: Float64Array, width: number, from: number, to: number, bytes: Uint8Array, lengths: Int32Array): void {
  const slot = maxRowBytes(width);
  for (let r = from; r < to; r++) {
    const at = (r - from) * slot;
    lengths[r - from] = writeRowFields(values, r * width, width, bytes, at) - at;
  }
}

/**
 * The header line, as formatCsvRow writes it; names that need no quoting (no quote, comma or
 * line break, no surrounding space: most feature names) skip its regular expressions.
 */
function formatHeader(names: readonly string[]): string {
  const cells = new Array<string>(names.length);
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    const first = name.charCodeAt(0);
    const last = name.charCodeAt(name.length - 1);
    // ends in printable ASCII: then trim() would not change the name (other ends: formatCsvCell decides)
    const plain =
      first > 32 && first < 127 && last > 32 && last < 127 &&
      name.indexOf('"') < 0 && name.indexOf(',') < 0 && name.indexOf('\n') < 0 && name.indexOf('\r') < 0;
    cells[i] = plain ? name : formatCsvCell(name);
  }
  return cells.join(',') + '\n';
}

/** Rows per batch: a batch's formatting buffer stays under `batchBytes`. */
function batchRows(width: number, batchBytes: number): number {
  return Math.max(1, Math.floor(batchBytes / Math.max(1, maxRowBytes(width))));
}

/**
 * Writes `matrix` (a FeatureMatrix or the plain arrays of one) to `path` atomically; `pool`
 * (optional) formats about half of the rows in a worker. Rows are formatted in batches whose
 * formatting buffer stays under `batchBytes` (default 64 MiB).
 */
export async function writeFeatureCsv(path: string, matrix: FeatureValues, pool?: ExtractionWorkers, options: { batchBytes?: number } = {}): Promise<void> {
  const width = matrix.columns.length;
  const rows = matrix.keys.jobId.length;
  const { jobId, componentId, windowStart } = matrix.keys;
  const names = [...(windowStart ? ['job_id', 'component_id', 'window_start'] : ['job_id', 'component_id']), ...matrix.columns];
  const parts: Uint8Array[] = [];
  const slot = maxRowBytes(width);
  const batch = batchRows(width, options.batchBytes ?? 64 << 20);
  for (let from = 0; from < rows || from === 0; from += batch) {
    const to = Math.min(rows, from + batch);
    const count = to - from;
    // The header costs about as much as HEADER_ROWS rows of values: this thread, which formats
    // it while the worker formats its rows, takes that many rows fewer.
    const headerRows = from === 0 ? HEADER_ROWS : 0;
    const split = pool && pool.alive > 0 && count >= 2 && count * width >= 50_000 ? from + Math.max(0, Math.ceil((count - headerRows) / 2)) : to;
    const bytes = new Uint8Array(new SharedArrayBuffer(Math.max(1, count * slot)));
    const lengths = new Int32Array(new SharedArrayBuffer(Math.max(1, count) * 4));
    const there = split < to ? pool!.formatRows(matrix.values, width, split, to, bytes.subarray((split - from) * slot), lengths.subarray(split - from)) : Promise.resolve(true);
    if (from === 0) parts.push(Buffer.from(formatHeader(names), 'utf8'));
    formatValueRowBytes(matrix.values, width, from, split, bytes, lengths);
    mark(`format rows ${from}-${split} done here`);
    if (!(await there)) formatValueRowBytes(matrix.values, width, split, to, bytes.subarray((split - from) * slot), lengths.subarray(split - from));
    const lines: Uint8Array[] = [];
    for (let r = from; r < to; r++) {
      const keys = [formatCsvCell(jobId[r]), formatCsvCell(componentId[r])];
      if (windowStart) keys.push(formatCsvCell(windowStart[r]));
      lines.push(Buffer.from(`${keys.join(',')}${width > 0 ? ',' : ''}`, 'utf8'));
      const at = (r - from) * slot;
      lines.push(bytes.subarray(at, at + lengths[r - from]!), NEWLINE);
    }
    // with more batches to come, this one is compacted (its formatting buffer is then free again)
    if (to < rows) parts.push(Buffer.concat(lines));
    else parts.push(...lines);
  }
  mark('formatted');
  await writeFileAtomic(path, Buffer.concat(parts));
  mark('written');
}

/** The header's cost in rows of values (measured: ~0.6 us per column name against ~0.15 us per value). */
const HEADER_ROWS = 4;

const NEWLINE = Uint8Array.of(10);
