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
 * - `'sum-of-squares'`: sum(x_i^2), pairwise as `np.sum(x ** 2)`.
 *
 * NaN input: tsfresh refuses series containing NaN, so there is no tsfresh answer to match;
 * where numpy defines one (NaN propagates through sums, `np.max`, `np.sort` puts NaN last) we
 * follow it, and no calculator here throws on NaN.
 */
import type { SeriesContext } from '../../calculator.js';
import { pairwiseSum } from '../../numeric/pairwise-sum.js';
import { scratchBuffer } from './scratch.js';

/** `np.mean(x)`: the pairwise sum divided by the length (NaN for an empty series). */
export function seriesMean(ctx: SeriesContext): number {
  return ctx.memo('mean', () => pairwiseSum(ctx.x) / ctx.x.length);
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

const squares = scratchBuffer();
const cubes = scratchBuffer();
const fourths = scratchBuffer();

/**
 * sum((x - mean)^2), pairwise (numpy's `_var` numerator), under memo key
 * 'sum-squared-deviations': all that the variance and the std need, so they do not pay for m3
 * and m4. centralMomentSums reuses it, so m2 is the same number either way.
 */
export function sumSquaredDeviations(ctx: SeriesContext): number {
  return ctx.memo('sum-squared-deviations', () => {
    const x = ctx.x;
    const n = x.length;
    const mean = seriesMean(ctx);
    const a2 = squares(n);
    for (let i = 0; i < n; i++) {
      const adjusted = x[i]! - mean;
      a2[i] = adjusted * adjusted;
    }
    return pairwiseSum(a2, 0, n);
  });
}

/** m2, m3 and m4 of the series (see `CentralMomentSums`). */
export function centralMomentSums(ctx: SeriesContext): CentralMomentSums {
  return ctx.memo('central-moment-sums', () => {
    const x = ctx.x;
    const n = x.length;
    const mean = seriesMean(ctx);
    const a3 = cubes(n);
    const a4 = fourths(n);
    for (let i = 0; i < n; i++) {
      const adjusted = x[i]! - mean;
      const squared = adjusted * adjusted;
      a3[i] = squared * adjusted;
      a4[i] = squared * squared;
    }
    return { m2: sumSquaredDeviations(ctx), m3: pairwiseSum(a3, 0, n), m4: pairwiseSum(a4, 0, n) };
  });
}

/** `np.var(x)` (population, ddof 0): m2 / n; NaN for an empty series. */
export function seriesVariance(ctx: SeriesContext): number {
  return ctx.memo('variance', () => sumSquaredDeviations(ctx) / ctx.x.length);
}

/** `np.std(x)` (population, ddof 0): sqrt(m2 / n), bit-identical to numpy's. */
export function seriesStd(ctx: SeriesContext): number {
  return ctx.memo('std', () => Math.sqrt(seriesVariance(ctx)));
}

/** An ascending copy of the series, NaN last (as `np.sort`). Do not modify it. */
export function seriesSorted(ctx: SeriesContext): Float64Array {
  return ctx.memo('sorted', () => Float64Array.from(ctx.x).sort());
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
  return ctx.memo('extremes', () => {
    const x = ctx.x;
    const n = x.length;
    if (n === 0) return { min: NaN, max: NaN, firstMin: -1, lastMin: -1, firstMax: -1, lastMax: -1 };
    let min = x[0]!;
    let max = min;
    let firstMin = 0;
    let lastMin = 0;
    let firstMax = 0;
    let lastMax = 0;
    let firstNaN = -1;
    let lastNaN = -1;
    for (let i = 0; i < n; i++) {
      const v = x[i]!;
      if (v !== v) {
        if (firstNaN < 0) firstNaN = i;
        lastNaN = i;
      } else if (v < min || min !== min) {
        min = v;
        firstMin = lastMin = i;
      } else if (v === min) lastMin = i;
      if (v === v) {
        if (v > max || max !== max) {
          max = v;
          firstMax = lastMax = i;
        } else if (v === max) lastMax = i;
      }
    }
    if (firstNaN >= 0) return { min: NaN, max: NaN, firstMin: firstNaN, lastMin: lastNaN, firstMax: firstNaN, lastMax: lastNaN };
    return { min, max, firstMin, lastMin, firstMax, lastMax };
  });
}

const squaredValues = scratchBuffer();

/** sum(x_i^2) as `np.sum(x ** 2)` computes it (pairwise), under memo key 'sum-of-squares'. */
export function seriesSumOfSquares(ctx: SeriesContext): number {
  return ctx.memo('sum-of-squares', () => {
    const x = ctx.x;
    const n = x.length;
    const sq = squaredValues(n);
    for (let i = 0; i < n; i++) sq[i] = x[i]! * x[i]!;
    return pairwiseSum(sq, 0, n);
  });
}
