/**
 * Writing a feature matrix as CSV: `job_id,component_id[,window_start],<features>`, numbers in
 * shortest round-trip form, NaN as an empty field (the same text util/csv.ts writes). Turning
 * a double into its shortest decimal costs ~0.2 us, and an `efficient` extraction has ~1.2 M
 * values, so with an {@link ExtractionWorkers} pool at hand a worker formats the second half
 * of the rows while this thread formats the first.
 */
import { streamFileAtomic } from '../util/atomic.js';
import { formatCsvCell, formatCsvRow } from '../util/csv.js';
import type { FeatureValues } from './extract-values.js';
import type { ExtractionWorkers } from './parallel.js';

/** Values `[base, base + width)` of `values` as CSV fields joined by commas (NaN: empty). */
export function formatValueFields(values: Float64Array, base: number, width: number): string {
  const fields = new Array<string>(width);
  for (let c = 0; c < width; c++) {
    const v = values[base + c]!;
    fields[c] = v !== v ? '' : String(v);
  }
  return fields.join(',');
}

/** Rows `[from, to)` of a row-major `width`-column matrix, each as its joined value fields. */
export function formatValueRows(values: Float64Array, width: number, from: number, to: number): string[] {
  const lines: string[] = [];
  for (let r = from; r < to; r++) lines.push(formatValueFields(values, r * width, width));
  return lines;
}

/**
 * Writes `matrix` (a FeatureMatrix or the plain arrays of one) to `path` atomically; `pool`
 * (optional) formats half of the rows in a worker.
 */
export async function writeFeatureCsv(path: string, matrix: FeatureValues, pool?: ExtractionWorkers): Promise<void> {
  const width = matrix.columns.length;
  const rows = matrix.keys.jobId.length;
  const half = pool && pool.alive > 0 && rows >= 2 && rows * width >= 50_000 ? Math.ceil(rows / 2) : rows;
  const there = half < rows ? pool!.formatRows(matrix.values, width, half, rows) : Promise.resolve(null);
  const lines = formatValueRows(matrix.values, width, 0, half);
  const rest = (await there) ?? formatValueRows(matrix.values, width, half, rows);
  lines.push(...rest);
  const { jobId, componentId, windowStart } = matrix.keys;
  await streamFileAtomic(path, async (write) => {
    await write(formatCsvRow([...(windowStart ? ['job_id', 'component_id', 'window_start'] : ['job_id', 'component_id']), ...matrix.columns]));
    for (let r = 0; r < rows; r++) {
      const keys = [formatCsvCell(jobId[r]), formatCsvCell(componentId[r])];
      if (windowStart) keys.push(formatCsvCell(windowStart[r]));
      await write(`${keys.join(',')}${width > 0 ? ',' : ''}${lines[r]}\n`);
    }
  });
}
