/**
 * Sampler timestamps. Two spellings are read:
 * - a unix time in seconds, e.g. `1700000000` or `1700000000.001234` (DSOS exports, and the
 *   `#Time` column of LDMS `store_csv`);
 * - a date-time string `YYYY-MM-DD HH:MM:SS[.ffffff]` (a `T` may replace the space; a trailing
 *   `Z` or `+HH:MM`/`-HH:MM` offset is honoured). Without an offset the time is taken as UTC,
 *   as pandas does when it turns naive date-times into epoch numbers.
 * The tidy table keeps whole seconds: {@link wholeSeconds} floors.
 */
import { UNPARSABLE } from './number-cell.js';

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/;

/** Unix seconds (possibly fractional) of a timestamp cell, or {@link UNPARSABLE}. */
export function parseTimestamp(text: string): number | typeof UNPARSABLE {
  const trimmed = text.trim();
  if (trimmed.length === 0) return UNPARSABLE;
  const numeric = Number(trimmed);
  if (Number.isFinite(numeric)) return numeric;
  const m = DATE_TIME.exec(trimmed);
  if (!m) return UNPARSABLE;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return UNPARSABLE;
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  if (new Date(ms).getUTCDate() !== day && second < 60) return UNPARSABLE; // e.g. 2023-02-30
  let seconds = ms / 1000;
  if (m[7]) seconds += Number(`0${m[7]}`);
  const zone = m[8];
  if (zone && zone !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    seconds -= sign * (Number(digits.slice(0, 2)) * 3600 + Number(digits.slice(2)) * 60);
  }
  return seconds;
}

/** Whole unix seconds: `floor(t)` (the tidy table's time resolution). */
export function wholeSeconds(t: number): number {
  return Math.floor(t);
}
