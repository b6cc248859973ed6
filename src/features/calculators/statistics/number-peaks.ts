/** tsfresh's `number_peaks`. */
import { requireParams, type Calculator } from '../../calculator.js';
import { formatParamSet, type ParamSet } from '../../params.js';
import { KernelBuffer, kernels } from '../../../util/wasm-kernels.js';
import { seriesPointer } from './series-moments.js';
import { integerParam } from './parameters.js';

const candidates = new KernelBuffer();
const supportValues = new KernelBuffer();
const peakCountsOut = new KernelBuffer();

/** The supports of a parameter list and their order, smallest first. */
interface Supports {
  readonly supports: readonly number[];
  readonly order: readonly number[];
  /** The positive supports, ascending (what the kernel sieves for). */
  readonly positive: Float64Array;
}

/** Parameter lists read once per plan (the same array object comes back for every series). */
const parsedLists = new WeakMap<readonly ParamSet[], Supports>();

function parseList(list: readonly ParamSet[]): Supports {
  let parsed = parsedLists.get(list);
  if (!parsed) {
    const supports = list.map((p) => integerParam('number_peaks', p, 'n', 0));
    const order = supports.map((_, k) => k).sort((a, b) => supports[a]! - supports[b]!);
    const positive = Float64Array.from(order.map((k) => supports[k]!).filter((s) => s > 0));
    parsed = { supports, order, positive };
    parsedLists.set(list, parsed);
  }
  return parsed;
}

/**
 * `number_peaks(n)`: the number of peaks of support n — indices i with n <= i < len - n whose
 * value is strictly larger than the n values to its left and the n values to its right.
 * 0 when the series has fewer than 2n + 1 values (or n is 0, where tsfresh's `x[0:-0]` is empty).
 *
 * All parameter sets share one sieve, run in WebAssembly (kernels/stats-threshold-counts.ts):
 * the peaks of support k are the peaks of support k - 1 with k <= i < len - k and
 * x_i > x_{i-k}, x_i > x_{i+k}. Starting from the peaks of support 1, one branch-free pass per
 * k keeps the indices that pass, and the count after pass n answers n. The candidates thin out
 * quickly, so all supports cost little more than the first pass; a NaN fails every
 * comparison, as in the definition.
 */
export const numberPeaks: Calculator = {
  name: 'number_peaks',
  outputs: (params) => requireParams('number_peaks', params).map(formatParamSet),
  compute(ctx, params, out, offset) {
    const { supports, order, positive } = parseList(requireParams('number_peaks', params));
    const n = ctx.x.length;
    const k = positive.length;
    const countsAt = peakCountsOut.pointer(k);
    const candidatesAt = candidates.pointer(Math.ceil(n / 2));
    const supportsAt = supportValues.pointer(k);
    kernels().f64.set(positive, supportsAt / 8);
    kernels().fn.peakCounts(seriesPointer(ctx), n, supportsAt, k, candidatesAt, countsAt);
    const counts = peakCountsOut.view(k);
    let next = 0;
    for (const j of order) out[offset + j] = supports[j]! > 0 ? counts[next++]! : 0;
  },
};
