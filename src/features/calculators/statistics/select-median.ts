/**
 * `np.median(x)` without sorting: numpy itself only partitions around the middle
 * (`np.partition`), and the median depends only on the one or two middle order statistics,
 * which a selection finds in O(n) (quickselect with a median-of-three pivot) instead of the
 * O(n log n) of a full sort. The result equals `sortedMedian(np.sort(x))` exactly: the same
 * order statistics, combined as `(a + b) / 2` for an even length. NaN when empty or with NaN.
 */
import { scratchBuffer } from './scratch.js';

const work = scratchBuffer();

/** The k-th smallest of `a[0..n)` (0-based); reorders `a`. `a` must hold no NaN. */
export function selectKth(a: Float64Array, n: number, k: number): number {
  let lo = 0;
  let hi = n - 1;
  while (hi > lo) {
    // median of three as the pivot value
    const mid = (lo + hi) >>> 1;
    let x = a[lo]!;
    let y = a[mid]!;
    let z = a[hi]!;
    if (x > y) [x, y] = [y, x];
    if (y > z) y = x > z ? x : z;
    const pivot = y;
    // Hoare partition: [lo, j] <= pivot <= [i, hi]
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  return a[k]!;
}

/** `np.median(x)` by selection (see the file comment). */
export function selectMedian(x: Float64Array): number {
  const n = x.length;
  if (n === 0) return NaN;
  const a = work(n);
  for (let i = 0; i < n; i++) {
    const v = x[i]!;
    if (v !== v) return NaN;
    a[i] = v;
  }
  const half = n >> 1;
  const upper = selectKth(a, n, half);
  if (n % 2 === 1) return upper;
  // after the selection every value below index `half` is <= upper: the lower middle is their maximum
  let lower = a[0]!;
  for (let i = 1; i < half; i++) if (a[i]! > lower) lower = a[i]!;
  return (lower + upper) / 2;
}
