/**
 * Equal-width binning exactly as numpy does it, for the two tsfresh calculators that bin a
 * series: `binned_entropy` (`np.histogram(x, bins)`) and `lempel_ziv_complexity`
 * (`np.searchsorted(np.linspace(min, max, bins + 1)[1:], x, side="left")`).
 *
 * Both depend only on the bin edges numpy's `linspace` produces, `e_k = k * step + start`
 * with `step = (stop - start) / bins` and the last edge set to `stop` exactly, and on how a
 * value equal to an edge is assigned. A value's bin is first guessed from its position in
 * the range and then corrected against the edges themselves, so every assignment is the one
 * numpy makes, ties on an edge included, in O(1) per value. The loops run in WebAssembly
 * (kernels/stats-equal-width-bins.ts); `lempel_ziv_complexity` calls its kernel directly.
 */
import { KernelBuffer, kernels } from '../../util/wasm-kernels.js';

const series = new KernelBuffer();
const edgeValues = new KernelBuffer();
const binCounts = new KernelBuffer();

/**
 * numpy's `np.linspace(start, stop, num)` (endpoint included) written into `out[0..num)`:
 * e_k = k * step + start with step = (stop - start) / (num - 1), the last edge `stop` exactly;
 * when the step underflows to zero numpy scales `k / (num - 1)` by the range instead.
 */
export function linspaceInto(out: Float64Array, start: number, stop: number, num: number): Float64Array {
  kernels().fn.linspace(edgeValues.pointer(num), start, stop, num);
  out.set(edgeValues.view(num));
  return out;
}

/**
 * `np.histogram(x, bins)` bin counts, written into `counts[0..bins)` (and its edges into
 * `edges[0..bins]`, untouched when `x` is empty): the edges span [min, max] (widened to
 * [v - 0.5, v + 0.5] when all values equal v), bin k holds `e_k <= v < e_(k+1)` and the last
 * bin is closed on the right. Returns false, writing nothing, when `x` holds a NaN or an
 * infinity (numpy rejects those).
 */
export function histogramInto(x: Float64Array, bins: number, counts: Int32Array, edges: Float64Array): boolean {
  const k = kernels();
  const countsPointer = binCounts.pointer(2 * bins); // 4 * bins i32s of work
  const edgesPointer = edgeValues.pointer(bins + 1);
  if (k.fn.histogramCounts(series.copyIn(x), x.length, bins, countsPointer, edgesPointer) < 0) return false;
  counts.set(new Int32Array(k.f64.buffer, countsPointer, bins));
  if (x.length > 0) edges.set(edgeValues.view(bins + 1));
  return true;
}

/** {@link histogramInto} returning `counts`; a RangeError for a NaN or an infinity in `x`. */
export function histogramCounts(x: Float64Array, bins: number, counts: Int32Array, edges: Float64Array): Int32Array {
  if (!histogramInto(x, bins, counts, edges)) throw new RangeError('histogramCounts: the values must be finite (numpy rejects NaN and infinite ranges)');
  return counts;
}
