/**
 * Equal-width binning exactly as numpy does it, for the two tsfresh calculators that bin a
 * series: `binned_entropy` (`np.histogram(x, bins)`) and `lempel_ziv_complexity`
 * (`np.searchsorted(np.linspace(min, max, bins + 1)[1:], x, side="left")`).
 *
 * Both depend only on the bin edges numpy's `linspace` produces, `e_k = k * step + start`
 * with `step = (stop - start) / bins` and the last edge set to `stop` exactly, and on how a
 * value equal to an edge is assigned. A value's bin is first guessed from its position in
 * the range and then corrected against the edges themselves, so every assignment is the one
 * numpy makes, ties on an edge included, in O(1) per value.
 */

/**
 * numpy's `np.linspace(start, stop, num)` (endpoint included) written into `out[0..num)`.
 * When the step underflows to zero numpy scales `k / (num - 1)` by the range instead.
 */
export function linspaceInto(out: Float64Array, start: number, stop: number, num: number): Float64Array {
  const div = num - 1;
  const delta = stop - start;
  const step = delta / div;
  if (step === 0) {
    for (let k = 0; k < num; k++) out[k] = (k / div) * delta + start;
  } else {
    for (let k = 0; k < num; k++) out[k] = k * step + start;
  }
  if (num > 1) out[num - 1] = stop;
  return out;
}

/**
 * The first guess of a value's bin among `bins` equal bins of [start, start + bins / scale]
 * (`scale = bins / delta`); exact up to rounding, which the callers then correct.
 */
function guessBin(value: number, start: number, scale: number, bins: number): number {
  const guess = ((value - start) * scale) | 0;
  if (!(guess > 0)) return 0; // also catches NaN from a zero-width range
  return guess > bins - 1 ? bins - 1 : guess;
}

/**
 * `np.histogram(x, bins)` bin counts, written into `counts[0..bins)`: the edges span
 * [min, max] (widened to [v - 0.5, v + 0.5] when all values equal v), bin k holds
 * `e_k <= v < e_(k+1)` and the last bin is closed on the right. `x` must be free of NaN and
 * infinities (numpy rejects those too).
 */
export function histogramCounts(x: Float64Array, bins: number, counts: Int32Array, edges: Float64Array): Int32Array {
  counts.fill(0, 0, bins);
  const n = x.length;
  if (n === 0) return counts;
  let first = x[0]!;
  let last = x[0]!;
  for (let i = 1; i < n; i++) {
    const v = x[i]!;
    if (v < first) first = v;
    else if (v > last) last = v;
  }
  if (first === last) {
    first -= 0.5;
    last += 0.5;
  }
  linspaceInto(edges, first, last, bins + 1);
  const scale = bins / (last - first);
  for (let i = 0; i < n; i++) {
    const v = x[i]!;
    let k = guessBin(v, first, scale, bins);
    while (k > 0 && v < edges[k]!) k--;
    while (k < bins - 1 && v >= edges[k + 1]!) k++;
    counts[k]!++;
  }
  return counts;
}

/**
 * tsfresh's binning for `lempel_ziv_complexity`: with `e = linspace(min, max, bins + 1)`,
 * symbol(v) = the number of edges among `e_1..e_bins` strictly below v (numpy's
 * `searchsorted(e[1:], v, side="left")`), so a value on an edge falls into the lower bin and
 * the minimum is symbol 0. Writes the symbols into `symbols[0..n)`.
 */
export function equalWidthSymbols(
  x: Float64Array,
  min: number,
  max: number,
  bins: number,
  symbols: Int32Array,
  edges: Float64Array,
): Int32Array {
  linspaceInto(edges, min, max, bins + 1);
  const scale = bins / (max - min);
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    let k = guessBin(v, min, scale, bins);
    while (k > 0 && edges[k]! >= v) k--;
    while (k < bins - 1 && edges[k + 1]! < v) k++;
    symbols[i] = k;
  }
  return symbols;
}
