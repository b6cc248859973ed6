/**
 * The series' distinct values and how often each occurs, read off the sorted copy — what
 * tsfresh gets from `np.unique(x, return_counts=True)` and `pd.Series.value_counts()`.
 */
import type { SeriesContext } from '../../calculator.js';
import { pairwiseSum } from '../../numeric/pairwise-sum.js';
import { scratchBuffer } from './scratch.js';
import { seriesSorted } from './series-moments.js';

/** Counts and sums over the distinct values (runs of equal values in the sorted series). */
export interface ValueRuns {
  /** The number of distinct values (all NaNs count as one, as `np.unique` does). */
  readonly distinct: number;
  /** The number of distinct values that occur more than once. */
  readonly reoccurringValues: number;
  /** The number of data points whose value occurs more than once (NaNs excluded, as pandas). */
  readonly reoccurringPoints: number;
  /** sum(unique * (count > 1)): each reoccurring value once (`np.sum`, pairwise over uniques). */
  readonly sumOfReoccurringValues: number;
  /** sum(unique * count) over reoccurring values: every reoccurring data point. */
  readonly sumOfReoccurringPoints: number;
}

const valueTerms = scratchBuffer();
const pointTerms = scratchBuffer();

/** The value runs of the series, memo key 'value-runs'. */
export function valueRuns(ctx: SeriesContext): ValueRuns {
  return ctx.memo('value-runs', () => {
    const sorted = seriesSorted(ctx);
    const n = sorted.length;
    const values = valueTerms(n);
    const points = pointTerms(n);
    let distinct = 0;
    let reoccurringValues = 0;
    let reoccurringPoints = 0;
    for (let start = 0; start < n; ) {
      const v = sorted[start]!;
      let end = start + 1;
      if (v !== v) end = n; // NaNs sort last and form one group
      else while (end < n && sorted[end] === v) end++;
      const count = end - start;
      const reoccurs = count > 1;
      values[distinct] = reoccurs ? v : v * 0;
      points[distinct] = reoccurs ? v * count : v * 0;
      distinct++;
      if (reoccurs) {
        reoccurringValues++;
        if (v === v) reoccurringPoints += count;
      }
      start = end;
    }
    return {
      distinct,
      reoccurringValues,
      reoccurringPoints,
      sumOfReoccurringValues: pairwiseSum(values, 0, distinct),
      sumOfReoccurringPoints: pairwiseSum(points, 0, distinct),
    };
  });
}
