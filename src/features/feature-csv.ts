/**
 * Writing a feature matrix as CSV: `job_id,component_id[,window_start],<features>`, numbers in
 * shortest round-trip form, NaN as an empty field (the same text util/csv.ts writes).
 *
 * An `efficient` extraction has ~1.2 M values, so the numbers are turned into text by a
 * WebAssembly kernel (number-text.ts: the text `String(x)` gives, ~30 ns each instead of ~150)
 * straight into a byte buffer, and with an {@link ExtractionWorkers} pool at hand a worker
 * formats part of the rows into shared memory while this thread formats the header and the
 * other rows; this thread's part is written while the worker still formats, then the worker's.
 */
import { writeChunksAtomic } from '../util/atomic.js';
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
  const slot = maxRowBytes(width);
  const batch = batchRows(width, options.batchBytes ?? 64 << 20);
  /** The lines of rows [from, to) as chunks: the key fields, then the row's formatted values. */
  const lines = (from: number, to: number, base: number, bytes: Uint8Array, lengths: Int32Array): Uint8Array[] => {
    const chunks: Uint8Array[] = [];
    for (let r = from; r < to; r++) {
      const keys = [formatCsvCell(jobId[r]), formatCsvCell(componentId[r])];
      if (windowStart) keys.push(formatCsvCell(windowStart[r]));
      chunks.push(Buffer.from(`${keys.join(',')}${width > 0 ? ',' : ''}`, 'utf8'));
      const at = (r - base) * slot;
      chunks.push(bytes.subarray(at, at + lengths[r - base]!), NEWLINE);
    }
    return chunks;
  };
  await writeChunksAtomic(path, async (append) => {
    let written: Promise<void> = Promise.resolve();
    for (let from = 0; from < rows || from === 0; from += batch) {
      const to = Math.min(rows, from + batch);
      const count = to - from;
      // This thread formats the header and writes its part while the worker formats rows: it
      // takes HEADER_ROWS rows fewer.
      const headerRows = from === 0 ? HEADER_ROWS : 0;
      const split = pool && pool.alive > 0 && count >= 2 && count * width >= 50_000 ? from + Math.max(0, Math.ceil((count - headerRows) / 2)) : to;
      const bytes = new Uint8Array(new SharedArrayBuffer(Math.max(1, count * slot)));
      const lengths = new Int32Array(new SharedArrayBuffer(Math.max(1, count) * 4));
      const there = split < to ? pool!.formatRows(matrix.values, width, split, to, bytes.subarray((split - from) * slot), lengths.subarray(split - from)) : Promise.resolve(true);
      const header = from === 0 ? [Buffer.from(matrix.columnGroups ? formatGroupedHeader(ids, matrix.columnGroups) : formatHeader([...ids, ...matrix.columns]), 'utf8')] : [];
      formatValueRowBytes(matrix.values, width, from, split, bytes, lengths);
      mark(`format rows ${from}-${split} done here`);
      // this thread's part goes out while the worker formats its own
      append([...header, ...lines(from, split, from, bytes, lengths)]);
      if (!(await there)) formatValueRowBytes(matrix.values, width, split, to, bytes.subarray((split - from) * slot), lengths.subarray(split - from));
      written = append(lines(split, to, from, bytes, lengths));
      // one batch's buffer at a time: the next is formatted once this one is written
      if (to < rows) await written;
    }
    mark('formatted');
    await written;
  });
  mark('written');
}

/**
 * Rows this thread leaves to the worker for formatting the header while the worker formats
 * rows, and for writing its own part while the worker finishes: measured on the bench command
 * with `--timings` (78,100 columns; both costs grow with the width alike), the header took about
 * as long as 6 rows of values, and writing the header and a few rows about 2 rows' time.
 */
const HEADER_ROWS = 8;

const NEWLINE = Uint8Array.of(10);
