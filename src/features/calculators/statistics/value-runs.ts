/**
 * The series' distinct values and how often each occurs, read off the sorted copy — what
 * tsfresh gets from `np.unique(x, return_counts=True)` and `pd.Series.value_counts()`.
 */
import type { SeriesContext } from '../../calculator.js';
import { KernelBuffer, kernels } from '../../../util/wasm-kernels.js';
import { seriesSortedPointer } from './series-moments.js';

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

const valueTerms = new KernelBuffer();
const pointTerms = new KernelBuffer();
const runsOut = new KernelBuffer();

/** The value runs of the series, memo key 'value-runs' (counted in WebAssembly, kernels/stats-value-runs.ts). */
export function valueRuns(ctx: SeriesContext): ValueRuns {
  return ctx.memo('value-runs', () => {
    const n = ctx.x.length;
    kernels().fn.valueRuns(seriesSortedPointer(ctx), n, valueTerms.pointer(n), pointTerms.pointer(n), runsOut.pointer(5));
    const [distinct, reoccurringValues, reoccurringPoints, sumOfReoccurringValues, sumOfReoccurringPoints] = runsOut.view(5);
    return {
      distinct: distinct!,
      reoccurringValues: reoccurringValues!,
      reoccurringPoints: reoccurringPoints!,
      sumOfReoccurringValues: sumOfReoccurringValues!,
      sumOfReoccurringPoints: sumOfReoccurringPoints!,
    };
  });
}
