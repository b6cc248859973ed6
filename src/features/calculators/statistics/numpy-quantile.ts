/**
 * numpy's order statistics on an ascending array, reproduced to the bit because other
 * calculators compare data points against them (`change_quantiles` keeps the values between
 * two quantiles, and a quantile often equals a data point exactly).
 */

/**
 * `np.quantile(x, q)` with the default `linear` method, given `sorted` = np.sort(x):
 * the virtual index is `(n - 1) * q`, split into `i = floor` and `t = fraction`, and the value
 * interpolated between `a = sorted[i]` and `b = sorted[i + 1]` as numpy's `_lerp` does it:
 * `a + (b - a) * t`, or `b - (b - a) * (1 - t)` when `t >= 0.5` (so the ends are exact).
 * NaN for an empty array or when the array holds a NaN (numpy propagates it).
 */
export function sortedQuantile(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  if (n === 0 || Number.isNaN(sorted[n - 1]!)) return NaN;
  const virtualIndex = (n - 1) * q;
  if (virtualIndex >= n - 1) return sorted[n - 1]!;
  if (virtualIndex < 0) return sorted[0]!;
  const below = Math.floor(virtualIndex);
  const t = virtualIndex - below;
  const a = sorted[below]!;
  const b = sorted[below + 1]!;
  const difference = b - a;
  return t >= 0.5 ? b - difference * (1 - t) : a + difference * t;
}

/**
 * `np.median(x)` given `sorted` = np.sort(x): the middle value, or for an even length the mean
 * of the two middle values computed as numpy does, `(a + b) / 2`. NaN when empty or with NaN.
 */
export function sortedMedian(sorted: Float64Array): number {
  const n = sorted.length;
  if (n === 0 || Number.isNaN(sorted[n - 1]!)) return NaN;
  const half = n >> 1;
  return n % 2 === 1 ? sorted[half]! : (sorted[half - 1]! + sorted[half]!) / 2;
}
