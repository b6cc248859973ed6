/**
 * Series checks and the memoised numpy std the complexity calculators share. The numpy
 * reductions themselves (pairwise `np.sum`, `np.mean`, `np.std`) live in
 * numeric/pairwise-sum.ts: matching numpy to the last bit matters where a tolerance such as
 * `0.2 * np.std(x)` is compared with `<=` against distances between values (sample and
 * approximate entropy): one ulp in the std can move a tie at exactly `r`.
 */
import type { SeriesContext } from '../../calculator.js';
import { numpyStd } from '../../numeric/pairwise-sum.js';

/** The series' population std (ddof 0), shared through the memo key `'std'`. */
export function seriesStd(ctx: SeriesContext): number {
  return ctx.memo('std', () => numpyStd(ctx.x));
}

/** True when any value of `x` is NaN. */
export function hasNaN(x: Float64Array): boolean {
  for (let i = 0; i < x.length; i++) if (x[i] !== x[i]) return true;
  return false;
}

/** True when every value of `x` is finite (no NaN, no infinity). */
export function allFinite(x: Float64Array): boolean {
  for (let i = 0; i < x.length; i++) if (!Number.isFinite(x[i]!)) return false;
  return true;
}
