/**
 * The per-series quantities most statistics calculators share, computed once per series
 * through `SeriesContext.memo` and bit-for-bit as numpy/pandas compute them.
 *
 * Memo keys (shared with other families, same meaning everywhere):
 * - `'mean'`: `np.mean(x)` — numpy's pairwise sum divided by n (NaN for an empty series);
 * - `'std'`: `np.std(x)` — population standard deviation (ddof 0);
 * - `'sorted'`: an ascending Float64Array copy of x (NaN last, as `np.sort`);
 * - `'central-moment-sums'`: m2, m3, m4 = sum((x - mean)^k) as pandas' nanskew/nankurt and
 *   numpy's `_var` compute them (each a pairwise sum over the elementwise powers);
 * - `'variance'`: `np.var(x)` (ddof 0);
 * - `'extremes'`: min, max and the first and last index of each (NaN propagates, as in numpy);
 * - `'series-summary'` (this file's own): the sums and extremes above in one Float64Array,
 *   computed together by one WebAssembly call (kernels/stats-series-summary.ts).
 *
 * NaN input: tsfresh refuses series containing NaN, so there is no tsfresh answer to match;
 * where numpy defines one (NaN propagates through sums, `np.max`, `np.sort` puts NaN last) we
 * follow it, and no calculator here throws on NaN.
 */
import { memoKey, type SeriesContext } from '../../calculator.js';
import { KernelBuffer, kernels } from '../../../util/wasm-kernels.js';

const series = new KernelBuffer();
/** The context whose series `series` holds. */
let seriesOwner: SeriesContext | null = null;

/**
 * The pointer of the series `ctx.x` copied into kernel memory (once per series), for kernels
 * that read it; valid until the next call of this function on another series.
 */
export function seriesPointer(ctx: SeriesContext): number {
  if (seriesOwner !== ctx) {
    series.copyIn(ctx.x);
    seriesOwner = ctx;
  }
  return series.pointer(ctx.x.length);
}
const scratch = new KernelBuffer();
const summaryOut = new KernelBuffer();

/** Indices into the summary (kernels/stats-series-summary.ts writes them in this order). */
const SUM = 0;
const M2 = 1;
const M3 = 2;
const M4 = 3;
const SUM_OF_SQUARES = 4;
const MIN = 5;
const MAX = 6;
const FIRST_MIN = 7;
const LAST_MIN = 8;
const FIRST_MAX = 9;
const LAST_MAX = 10;
const SUMMARY_LENGTH = 11;

/**
 * The series' pairwise sum, centred power sums m2..m4, sum of squares and extremes, computed
 * together in WebAssembly (kernels/stats-series-summary.ts), under memo key 'series-summary'.
 */
function seriesSummary(ctx: SeriesContext): Float64Array {
  return ctx.memo(SUMMARY_KEY, computeSeriesSummary);
}
const SUMMARY_KEY = memoKey('series-summary');
const MEAN_KEY = memoKey('mean');
const CENTRAL_MOMENT_SUMS_KEY = memoKey('central-moment-sums');
const VARIANCE_KEY = memoKey('variance');
const STD_KEY = memoKey('std');
const SORTED_KEY = memoKey('sorted');
const EXTREMES_KEY = memoKey('extremes');

function computeSeriesSummary(ctx: SeriesContext): Float64Array {
  const n = ctx.x.length;
  kernels().fn.seriesSummary(seriesPointer(ctx), n, scratch.pointer(3 * n), summaryOut.pointer(SUMMARY_LENGTH));
  const summary = summaryOut.view(SUMMARY_LENGTH).slice();
  // the shared 'mean' key, as other families and the memo contract expect it
  ctx.memo(MEAN_KEY, () => summary[SUM]! / n);
  return summary;
}

function meanOfSummary(ctx: SeriesContext): number {
  return seriesSummary(ctx)[SUM]! / ctx.x.length;
}

/** `np.mean(x)`: the pairwise sum divided by the length (NaN for an empty series). */
export function seriesMean(ctx: SeriesContext): number {
  return ctx.memo(MEAN_KEY, meanOfSummary);
}

/** Sums of the centred powers, as pandas and numpy form them from `adjusted = x - mean`. */
export interface CentralMomentSums {
  /** sum(adjusted^2): also numpy's `_var` numerator, so `np.var(x) = m2 / n` exactly. */
  readonly m2: number;
  /** sum(adjusted^2 * adjusted) (pandas' `adjusted3`). */
  readonly m3: number;
  /** sum((adjusted^2)^2) (pandas' `adjusted4`). */
  readonly m4: number;
}

/** sum((x - mean)^2), pairwise (numpy's `_var` numerator), with mean = np.mean(x). */
export function sumSquaredDeviations(ctx: SeriesContext): number {
  return seriesSummary(ctx)[M2]!;
}

/** m2, m3 and m4 of the series (see `CentralMomentSums`). */
export function centralMomentSums(ctx: SeriesContext): CentralMomentSums {
  return ctx.memo(CENTRAL_MOMENT_SUMS_KEY, computeCentralMomentSums);
}

function computeCentralMomentSums(ctx: SeriesContext): CentralMomentSums {
  const summary = seriesSummary(ctx);
  return { m2: summary[M2]!, m3: summary[M3]!, m4: summary[M4]! };
}

/** `np.var(x)` (population, ddof 0): m2 / n; NaN for an empty series. */
export function seriesVariance(ctx: SeriesContext): number {
  return ctx.memo(VARIANCE_KEY, computeVariance);
}

function computeVariance(ctx: SeriesContext): number {
  return sumSquaredDeviations(ctx) / ctx.x.length;
}

/** `np.std(x)` (population, ddof 0): sqrt(m2 / n), bit-identical to numpy's. */
export function seriesStd(ctx: SeriesContext): number {
  return ctx.memo(STD_KEY, computeStd);
}

function computeStd(ctx: SeriesContext): number {
  return Math.sqrt(seriesVariance(ctx));
}

const sortedSeries = new KernelBuffer();
const sortWork = new KernelBuffer();
/** The context whose sorted series `sortedSeries` holds (a kernel region outlives no series). */
let sortedOwner: SeriesContext | null = null;

/**
 * An ascending copy of the series, NaN last (as `np.sort`; `Float64Array.prototype.sort()`'s
 * order, -0 before +0), sorted in WebAssembly (kernels/stats-sort.ts). Do not modify it.
 */
export function seriesSorted(ctx: SeriesContext): Float64Array {
  return ctx.memo(SORTED_KEY, computeSorted);
}

function computeSorted(ctx: SeriesContext): Float64Array {
  const x = ctx.x;
  const n = x.length;
  const wasm = kernels();
  const at = sortedSeries.copyIn(x);
  wasm.fn.sortSeries(at, n, at, sortWork.pointer(wasm.fn.sortWorkSize(n)));
  sortedOwner = ctx;
  return sortedSeries.view(n).slice();
}

/**
 * The pointer of the sorted series (`seriesSorted`) in kernel memory, for kernels that read
 * it; valid until the next call of this function or of `seriesSorted` on another series.
 */
export function seriesSortedPointer(ctx: SeriesContext): number {
  const sorted = seriesSorted(ctx);
  // the memo may have been made elsewhere (another family), or for an earlier series
  if (sortedOwner !== ctx) {
    sortedSeries.copyIn(sorted);
    sortedOwner = ctx;
  }
  return sortedSeries.pointer(sorted.length);
}

/** Minimum, maximum and where they first and last occur; NaN wins as in `np.max`/`np.argmax`. */
export interface Extremes {
  readonly min: number;
  readonly max: number;
  /** `np.argmin(x)`: the first index of the minimum (of the first NaN if any). */
  readonly firstMin: number;
  /** The last index of the minimum (of the last NaN if any). */
  readonly lastMin: number;
  readonly firstMax: number;
  readonly lastMax: number;
}

/** The series' extremes; for an empty series min/max are NaN and the indices -1. */
export function seriesExtremes(ctx: SeriesContext): Extremes {
  return ctx.memo(EXTREMES_KEY, computeExtremes);
}

function computeExtremes(ctx: SeriesContext): Extremes {
  const s = seriesSummary(ctx);
  return { min: s[MIN]!, max: s[MAX]!, firstMin: s[FIRST_MIN]!, lastMin: s[LAST_MIN]!, firstMax: s[FIRST_MAX]!, lastMax: s[LAST_MAX]! };
}

/** sum(x_i^2) as `np.sum(x ** 2)` computes it (pairwise). */
export function seriesSumOfSquares(ctx: SeriesContext): number {
  return seriesSummary(ctx)[SUM_OF_SQUARES]!;
}
