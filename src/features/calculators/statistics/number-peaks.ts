/** tsfresh's `number_peaks`. */
import { requireParams, type Calculator } from '../../calculator.js';
import { formatParamSet, type ParamSet } from '../../params.js';
import { integerParam } from './parameters.js';

let candidates = new Int32Array(64);

/** The supports of a parameter list and their order, smallest first. */
interface Supports {
  readonly supports: readonly number[];
  readonly order: readonly number[];
}

/** Parameter lists read once per plan (the same array object comes back for every series). */
const parsedLists = new WeakMap<readonly ParamSet[], Supports>();

function parseList(list: readonly ParamSet[]): Supports {
  let parsed = parsedLists.get(list);
  if (!parsed) {
    const supports = list.map((p) => integerParam('number_peaks', p, 'n', 0));
    const order = supports.map((_, k) => k).sort((a, b) => supports[a]! - supports[b]!);
    parsed = { supports, order };
    parsedLists.set(list, parsed);
  }
  return parsed;
}

/**
 * `number_peaks(n)`: the number of peaks of support n — indices i with n <= i < len - n whose
 * value is strictly larger than the n values to its left and the n values to its right.
 * 0 when the series has fewer than 2n + 1 values (or n is 0, where tsfresh's `x[0:-0]` is empty).
 *
 * All parameter sets share one sieve: the peaks of support k are the peaks of support k - 1
 * with k <= i < len - k and x_i > x_{i-k}, x_i > x_{i+k}. Starting from the peaks of support 1,
 * one branch-free pass per k keeps the indices that pass, and the count after pass n answers
 * n. The candidates thin out quickly, so all supports cost little more than the first pass;
 * a NaN fails every comparison, as in the definition.
 */
export const numberPeaks: Calculator = {
  name: 'number_peaks',
  outputs: (params) => requireParams('number_peaks', params).map(formatParamSet),
  compute(ctx, params, out, offset) {
    const { supports, order } = parseList(requireParams('number_peaks', params));
    const x = ctx.x;
    const len = x.length;
    if (candidates.length < len) candidates = new Int32Array(len);
    const kept = candidates;
    let count = -1; // candidates: the peaks of support `reached` (none sieved yet)
    let reached = 0;
    for (const k of order) {
      const support = supports[k]!;
      if (support <= 0) {
        out[offset + k] = 0;
        continue;
      }
      if (count < 0) {
        count = 0;
        for (let i = 1; i < len - 1; i++) {
          const v = x[i]!;
          kept[count] = i;
          count += +(v > x[i - 1]!) & +(v > x[i + 1]!);
        }
        reached = 1;
      }
      while (reached < support && count > 0) {
        const distance = ++reached;
        const end = len - distance;
        let survivors = 0;
        for (let c = 0; c < count; c++) {
          const i = kept[c]!;
          kept[survivors] = i;
          if (i >= distance && i < end) {
            const v = x[i]!;
            survivors += +(v > x[i - distance]!) & +(v > x[i + distance]!);
          }
        }
        count = survivors;
      }
      out[offset + k] = count;
    }
  },
};
