/**
 * A stable ascending argsort of a series without comparator callbacks (a bottom-up merge
 * sort on index arrays), and its per-series memo.
 */
import type { SeriesContext } from '../../calculator.js';

let buffer = new Int32Array(0);

/**
 * The indices that sort `x` ascending; equal values keep their original order (like numpy's
 * `np.argsort(x, kind="stable")`). NaN values are not supported (their order is unspecified).
 */
export function stableArgsort(x: Float64Array): Int32Array {
  const n = x.length;
  let src = new Int32Array(n);
  for (let i = 0; i < n; i++) src[i] = i;
  if (n < 2) return src;
  // Short runs by insertion sort, then merge runs of doubling width.
  const RUN = 16;
  for (let lo = 0; lo < n; lo += RUN) {
    const hi = Math.min(lo + RUN, n);
    for (let i = lo + 1; i < hi; i++) {
      const idx = src[i]!;
      const v = x[idx]!;
      let j = i - 1;
      while (j >= lo && x[src[j]!]! > v) {
        src[j + 1] = src[j]!;
        j--;
      }
      src[j + 1] = idx;
    }
  }
  if (n <= RUN) return src;
  if (buffer.length < n) buffer = new Int32Array(n);
  let dst = buffer.subarray(0, n);
  const result = src;
  for (let width = RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) dst[k++] = x[src[j]!]! < x[src[i]!]! ? src[j++]! : src[i++]!;
      while (i < mid) dst[k++] = src[i++]!;
      while (j < hi) dst[k++] = src[j++]!;
    }
    const swap = src;
    src = dst;
    dst = swap;
  }
  if (src !== result) result.set(src);
  return result;
}

/** The series' stable ascending argsort, shared through the memo key `'argsort'`. */
export function seriesArgsort(ctx: SeriesContext): Int32Array {
  return ctx.memo('argsort', () => stableArgsort(ctx.x));
}
