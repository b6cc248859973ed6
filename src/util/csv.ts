/** CSV output shared by every command that writes a table (RFC 4180 quoting). */
import { streamFileAtomic } from './atomic.js';

export type CsvCell = string | number | boolean | null | undefined;

/** One CSV field: numbers in shortest round-trip form, NaN/null/undefined as an empty field. */
export function formatCsvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isNaN(value) ? '' : String(value);
  if (typeof value === 'boolean') return value ? '1' : '0';
  return /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One CSV line, newline included. */
export function formatCsvRow(cells: readonly CsvCell[]): string {
  return cells.map(formatCsvCell).join(',') + '\n';
}

/** Writes a header and rows to `path` atomically (no partial file on failure). */
export async function writeCsvAtomic(
  path: string,
  header: readonly string[],
  rows: Iterable<readonly CsvCell[]>,
): Promise<void> {
  await streamFileAtomic(path, async (write) => {
    await write(formatCsvRow(header));
    let buffer = '';
    for (const row of rows) {
      buffer += formatCsvRow(row);
      if (buffer.length > 1 << 20) {
        await write(buffer);
        buffer = '';
      }
    }
    if (buffer) await write(buffer);
  });
}
