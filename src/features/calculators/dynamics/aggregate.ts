/**
 * The numpy aggregates tsfresh applies by name (`getattr(np, f_agg)(v)` or `v.<f_agg>()`):
 * mean, median, var (ddof 0), std (ddof 0), max, min, sum — NaN on an empty range, as numpy
 * gives (with a warning) for mean/median/var/std.
 */
import { numpyMean, numpyVariance, pairwiseSum } from '../../numeric/pairwise-sum.js';

/** Known aggregate names. */
export const AGGREGATES = ['mean', 'median', 'var', 'std', 'max', 'min', 'sum'] as const;

/**
 * `f_agg` applied to `v[start..end)`. `who` names the calculator in the error for an unknown
 * name.
 */
export function aggregate(fAgg: string, v: ArrayLike<number>, start: number, end: number, who: string): number {
  const n = end - start;
  switch (fAgg) {
    case 'mean':
      return n === 0 ? NaN : numpyMean(v, start, end);
    case 'var':
      return n === 0 ? NaN : numpyVariance(v, start, end);
    case 'std':
      return n === 0 ? NaN : Math.sqrt(numpyVariance(v, start, end));
    case 'sum':
      return pairwiseSum(v, start, n);
    case 'max': {
      if (n === 0) return NaN;
      let m = -Infinity;
      for (let i = start; i < end; i++) {
        const value = v[i]!;
        if (Number.isNaN(value)) return NaN;
        if (value > m) m = value;
      }
      return m;
    }
    case 'min': {
      if (n === 0) return NaN;
      let m = Infinity;
      for (let i = start; i < end; i++) {
        const value = v[i]!;
        if (Number.isNaN(value)) return NaN;
        if (value < m) m = value;
      }
      return m;
    }
    case 'median': {
      if (n === 0) return NaN;
      const sorted = new Float64Array(n);
      for (let i = 0; i < n; i++) sorted[i] = v[start + i]!;
      sorted.sort();
      const h = n >> 1;
      return n % 2 === 1 ? sorted[h]! : (sorted[h - 1]! + sorted[h]!) / 2;
    }
    default:
      throw new RangeError(`${who}: unknown aggregation f_agg="${fAgg}" (expected one of ${AGGREGATES.join(', ')})`);
  }
}
