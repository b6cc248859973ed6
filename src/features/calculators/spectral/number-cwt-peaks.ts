/**
 * number_cwt_peaks: the number of peaks that scipy.signal.find_peaks_cwt finds in x when it
 * smooths x with Ricker wavelets of widths 1, 2, ..., n and keeps the peaks that persist over
 * enough widths with a signal-to-noise ratio of at least 1 (see find-peaks-cwt.ts).
 *
 * Parameters: n, the largest wavelet width (an integer >= 1).
 * The CWT rows are shared between parameter sets through the memo keys 'ricker_cwt_row_<a>'.
 */
import { paramCalculator, type SeriesContext } from '../../calculator.js';
import { num } from '../../params.js';
import { findPeaksCwt } from './find-peaks-cwt.js';
import { rickerCwtRow } from './ricker-cwt.js';

/** The Ricker CWT row of width a of the context's series, memoised per width. */
export function seriesRickerCwtRow(ctx: SeriesContext, a: number): Float64Array {
  return ctx.memo(`ricker_cwt_row_${a}`, () => rickerCwtRow(ctx.x, a));
}

export const numberCwtPeaks = paramCalculator('number_cwt_peaks', (x, params, ctx) => {
  const n = num(params.n);
  if (!Number.isInteger(n) || n < 1) throw new Error(`number_cwt_peaks: n must be an integer >= 1, got ${String(params.n)}`);
  if (x.length === 0) return 0;
  const widths = Array.from({ length: n }, (_, i) => i + 1);
  const rows = widths.map((a) => seriesRickerCwtRow(ctx, a));
  return findPeaksCwt(rows, widths).length;
});
