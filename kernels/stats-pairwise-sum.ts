/**
 * numpy's pairwise summation of a contiguous float64 array (`np.add.reduce`, numpy's
 * loops_utils.h `pairwise_sum`), the order src/features/numeric/pairwise-sum.ts documents:
 * fewer than 8 values left to right from 0; up to 128 values in eight interleaved
 * accumulators r0..r7 combined as ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)), then the remainder left
 * to right; longer blocks split in two at a multiple of 8. The eight accumulators run as four
 * f64x2 lanes (r0 r1 | r2 r3 | r4 r5 | r6 r7), each lane the same sequence of additions.
 */

/** Sum of the `n` float64s at `a`, in numpy's pairwise order. */
export function pairwiseSum(a: usize, n: i32): f64 {
  if (n < 8) {
    let res: f64 = 0;
    for (let i = 0; i < n; i++) res += load<f64>(a + (<usize>i << 3));
    return res;
  }
  if (n <= 128) {
    let r01 = v128.load(a);
    let r23 = v128.load(a, 16);
    let r45 = v128.load(a, 32);
    let r67 = v128.load(a, 48);
    const blocked = n - (n & 7);
    let i = 8;
    for (; i < blocked; i += 8) {
      const p = a + (<usize>i << 3);
      r01 = f64x2.add(r01, v128.load(p));
      r23 = f64x2.add(r23, v128.load(p, 16));
      r45 = f64x2.add(r45, v128.load(p, 32));
      r67 = f64x2.add(r67, v128.load(p, 48));
    }
    let res =
      f64x2.extract_lane(r01, 0) + f64x2.extract_lane(r01, 1) + (f64x2.extract_lane(r23, 0) + f64x2.extract_lane(r23, 1)) +
      (f64x2.extract_lane(r45, 0) + f64x2.extract_lane(r45, 1) + (f64x2.extract_lane(r67, 0) + f64x2.extract_lane(r67, 1)));
    for (; i < n; i++) res += load<f64>(a + (<usize>i << 3));
    return res;
  }
  let half = n >> 1;
  half -= half & 7;
  return pairwiseSum(a, half) + pairwiseSum(a + (<usize>half << 3), n - half);
}

/** The pairwise sum of the `n` float64s at `a` (the JS entry point of {@link pairwiseSum}). */
export function statsPairwiseSum(a: usize, n: i32): f64 {
  return pairwiseSum(a, n);
}

/**
 * numpy's `((a - mean) ** 2).sum()` for the `n` float64s at `a`: the squared deviations are
 * written to `squares` (n float64s), then summed pairwise (the numerator of `np.var`).
 */
export function sumSquaredDeviationsAt(a: usize, n: i32, mean: f64, squares: usize): f64 {
  for (let i = 0; i < n; i++) {
    const d = load<f64>(a + (<usize>i << 3)) - mean;
    store<f64>(squares + (<usize>i << 3), d * d);
  }
  return pairwiseSum(squares, n);
}

/** {@link sumSquaredDeviationsAt} for the JS side (`np.var`'s numerator of `a[0..n)` about `mean`). */
export function statsSumSquaredDeviations(a: usize, n: i32, mean: f64, squares: usize): f64 {
  return sumSquaredDeviationsAt(a, n, mean, squares);
}
