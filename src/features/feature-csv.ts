/**
 * Writing a feature matrix as CSV: `job_id,component_id[,window_start],<features>`, numbers in
 * shortest round-trip form, NaN as an empty field (the same text util/csv.ts writes).
 *
 * An `efficient` extraction has ~1.2 M values, so the numbers are turned into text by a
 * WebAssembly kernel (number-text.ts: the text `String(x)` gives, ~60 ns each instead of ~150)
 * straight into a byte buffer, and with an {@link ExtractionWorkers} pool at hand a worker
 * formats part of the rows into shared memory while this thread formats the header and the
 * other rows; the file is then written in one piece.
 */
import { writeFileAtomic } from '../util/atomic.js';
import { formatCsvCell } from '../util/csv.js';
import { formatGroupedHeader, formatHeader } from './feature-header.js';
import { groupsWidth } from './column-groups.js';
import type { FeatureValues } from './extract-values.js';
import type { ExtractionWorkers } from './worker-pool.js';
import { mark } from './timeline.js';
import { RowTextFormatter } from './number-text.js';

/**
 * The longest shortest-round-trip double as `String(x)` writes it has 25 characters: 17
 * digits after `-0.00000`, e.g. `-0.0000012345678901234567` (`-2.2250738585072014e-308` has 24).
 */
const MAX_NUMBER_CHARS = 25;

/** Bytes a row of `width` values can need: each value and its comma. */
export function maxRowBytes(width: number): number {
  return width * (MAX_NUMBER_CHARS + 1);
}

/** This thread's formatter (it owns a region of the kernels' memory). */
const rowText = new RowTextFormatter();

/**
 * Formats rows `[from, to)` of the row-major `width`-column `values` into `bytes`: row r at
 * byte `(r - from) * maxRowBytes(width)`, its length in `lengths[r - from]`.
 */
export function formatValueRowBytes(values: Float64Array, width: number, from: number, to: number, bytes: Uint8Array, lengths: Int32Array): void {
  const slot = maxRowBytes(width);
  for (let r = from; r < to; r++) {
    const at = (r - from) * slot;
    lengths[r - from] = rowText.write(values, r * width, width, bytes, at) - at;
  }
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
  const width = matrix.columnGroups ? groupsWidth(matrix.columnGroups) : matrix.columns.length;
  const rows = matrix.keys.jobId.length;
  const { jobId, componentId, windowStart } = matrix.keys;
  const ids = windowStart ? ['job_id', 'component_id', 'window_start'] : ['job_id', 'component_id'];
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
    if (from === 0) parts.push(Buffer.from(matrix.columnGroups ? formatGroupedHeader(ids, matrix.columnGroups) : formatHeader([...ids, ...matrix.columns]), 'utf8'));
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
  await writeFileAtomic(path, parts);
  mark('written');
}

/**
 * The header's cost in rows of values, from the column groups (feature-header.ts): measured on
 * the bench command with `--timings`, the header and 5 rows took this thread ~80 ms while the
 * worker took ~110 ms for 11 rows, so the header is worth ~3 rows (names one by one: ~7).
 */
const HEADER_ROWS = 3;

const NEWLINE = Uint8Array.of(10);
