/**
 * Linear interpolation of missing values (NaN) in a series sampled at times `t`:
 * - an interior gap between valid values x[a] (at t[a]) and x[b] (at t[b]) is filled on the
 *   line through them: x[i] = x[a] + (x[b] - x[a]) * (t[i] - t[a]) / (t[b] - t[a]);
 * - leading missing values take the first valid value, trailing ones the last valid value
 *   (nothing to interpolate towards, and a constant edge invents no trend);
 * - a series with no valid value is left as it is.
 * Works in place; returns how many values were filled.
 */
export function interpolateGaps(t: ArrayLike<number>, x: Float64Array): number {
  const n = x.length;
  let filled = 0;
  let previous = -1; // index of the last valid value seen
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(x[i]!)) continue;
    if (i - previous > 1) {
      if (previous < 0) {
        for (let k = 0; k < i; k++) x[k] = x[i]!;
      } else {
        const t0 = t[previous]!;
        const x0 = x[previous]!;
        const slope = (x[i]! - x0) / (t[i]! - t0);
        for (let k = previous + 1; k < i; k++) x[k] = x0 + slope * (t[k]! - t0);
      }
      filled += i - previous - 1;
    }
    previous = i;
  }
  if (previous >= 0 && previous < n - 1) {
    for (let k = previous + 1; k < n; k++) x[k] = x[previous]!;
    filled += n - 1 - previous;
  }
  return filled;
}
