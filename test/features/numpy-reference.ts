/**
 * Plain TypeScript references the kernel tests compare against, Object.is per value: each
 * written the straightforward way, in the order of operations of the Python original.
 */

/**
 * numpy's pairwise sum of `a[start, start + n)` (numpy/core/src/umath/loops_utils.h): left to
 * right under 8 values, eight accumulators up to 128, else halves split at a multiple of 8.
 */
export function numpyPairwiseSum(a: ArrayLike<number>, start = 0, n = a.length - start): number {
  if (n < 8) {
    let res = 0;
    for (let i = 0; i < n; i++) res += a[start + i]!;
    return res;
  }
  if (n <= 128) {
    const r = [0, 1, 2, 3, 4, 5, 6, 7].map((k) => a[start + k]!);
    let i = 8;
    for (; i < n - (n % 8); i += 8) for (let k = 0; k < 8; k++) r[k] += a[start + i + k]!;
    let res = r[0]! + r[1]! + (r[2]! + r[3]!) + (r[4]! + r[5]! + (r[6]! + r[7]!));
    for (; i < n; i++) res += a[start + i]!;
    return res;
  }
  let half = Math.floor(n / 2);
  half -= half % 8;
  return numpyPairwiseSum(a, start, half) + numpyPairwiseSum(a, start + half, n - half);
}

/** One Friedrich bin: Kahan-compensated sums of x_t and of Δx_t, and how many points. */
export interface FriedrichBinSums {
  x: number;
  cx: number;
  d: number;
  cd: number;
  n: number;
}

/**
 * The Friedrich bins of points t < count (bin = how many of edges[1..r-1] lie below x_t),
 * each with the compensated sums of x_t and x_{t+1} - x_t in series order (pandas' groupby
 * mean); the empty bins dropped.
 */
export function friedrichBinSums(x: Float64Array, count: number, edges: ArrayLike<number>, r: number): FriedrichBinSums[] {
  const sums = Array.from({ length: r }, () => ({ x: 0, cx: 0, d: 0, cd: 0, n: 0 }));
  for (let t = 0; t < count; t++) {
    let bin = 0;
    while (bin < r - 1 && edges[bin + 1]! < x[t]!) bin++;
    const s = sums[bin]!;
    s.n++;
    let y = x[t]! - s.cx;
    let next = s.x + y;
    s.cx = next - s.x - y;
    s.x = next;
    y = x[t + 1]! - x[t]! - s.cd;
    next = s.d + y;
    s.cd = next - s.d - y;
    s.d = next;
  }
  return sums.filter((s) => s.n > 0);
}
