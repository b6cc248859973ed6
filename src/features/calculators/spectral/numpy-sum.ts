/**
 * numpy's floating-point sum (`np.sum`, `np.add.reduce`, and so `np.mean`) on a contiguous
 * run: pairwise summation with an 8-way unrolled base case of at most 128 values. Using the
 * same association as numpy keeps results bit-identical where tsfresh's edge cases hinge on
 * exact values (a constant segment minus its mean is exactly zero, for instance).
 */

const BLOCK = 128;

/** Sum of `count` values of `a` starting at `start`, associated exactly as numpy does. */
export function numpySum(a: Float64Array, start = 0, count = a.length - start): number {
  if (count < 8) {
    let res = 0;
    for (let i = 0; i < count; i++) res += a[start + i]!;
    return res;
  }
  if (count <= BLOCK) {
    let r0 = a[start]!, r1 = a[start + 1]!, r2 = a[start + 2]!, r3 = a[start + 3]!;
    let r4 = a[start + 4]!, r5 = a[start + 5]!, r6 = a[start + 6]!, r7 = a[start + 7]!;
    const end = count - (count % 8);
    let i = 8;
    for (; i < end; i += 8) {
      const j = start + i;
      r0 += a[j]!;
      r1 += a[j + 1]!;
      r2 += a[j + 2]!;
      r3 += a[j + 3]!;
      r4 += a[j + 4]!;
      r5 += a[j + 5]!;
      r6 += a[j + 6]!;
      r7 += a[j + 7]!;
    }
    let res = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < count; i++) res += a[start + i]!;
    return res;
  }
  let half = Math.floor(count / 2);
  half -= half % 8;
  return numpySum(a, start, half) + numpySum(a, start + half, count - half);
}

/** `np.mean` of a contiguous run: numpySum / count. */
export function numpyMean(a: Float64Array, start = 0, count = a.length - start): number {
  return numpySum(a, start, count) / count;
}
