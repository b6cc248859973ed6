/** tsfresh's `change_quantiles`. */
import { requireParams, type Calculator } from '../../calculator.js';
import { formatParamSet, type ParamSet } from '../../params.js';
import { KernelBuffer, kernels } from '../../../util/wasm-kernels.js';
import { sortedMedian, sortedQuantile } from './numpy-quantile.js';
import { seriesSorted } from './series-moments.js';
import { booleanParam, choiceParam, numberParam } from './parameters.js';

/** The numpy aggregations `change_quantiles` accepts as `f_agg`. */
const AGGREGATORS = ['mean', 'var', 'std', 'median'] as const;
type Aggregator = (typeof AGGREGATORS)[number];

/** One parameter set, read and checked. */
interface CorridorParams {
  readonly ql: number;
  readonly qh: number;
  readonly isabs: boolean;
  readonly aggregator: Aggregator;
}

/** Parameter lists read once per plan (the same array object comes back for every series). */
const parsedLists = new WeakMap<readonly ParamSet[], readonly CorridorParams[]>();

function parseList(list: readonly ParamSet[]): readonly CorridorParams[] {
  let parsed = parsedLists.get(list);
  if (!parsed) {
    parsed = list.map((p) => ({
      ql: numberParam('change_quantiles', p, 'ql'),
      qh: numberParam('change_quantiles', p, 'qh'),
      isabs: booleanParam('change_quantiles', p, 'isabs'),
      aggregator: choiceParam('change_quantiles', p, 'f_agg', AGGREGATORS),
    }));
    parsedLists.set(list, parsed);
  }
  return parsed;
}

const series = new KernelBuffer();
const rawChanges = new KernelBuffer();
const moments = new KernelBuffer();

/** Where the corridor moments land: np.mean(raw), np.mean(|raw|), np.var(raw), np.var(|raw|). */
const RAW_MEAN = 0;
const ABSOLUTE_MEAN = 1;
const RAW_VARIANCE = 2;
const ABSOLUTE_VARIANCE = 3;
const corridorMoments = new Float64Array(4);

/**
 * `change_quantiles(ql, qh, isabs, f_agg)`: fixes the corridor [quantile(x, ql),
 * quantile(x, qh)] and aggregates (`f_agg` = "mean", "var", "std" or "median") the changes
 * x_{i+1} - x_i (their absolute values when `isabs`) whose start and end both lie in the
 * corridor. 0 when ql >= qh, when a quantile lies outside [0, 1] or when no change lies inside.
 *
 * tsfresh finds the corridor with `pd.qcut(x, [ql, qh])`: pandas takes the quantiles with
 * `np.percentile(x, q * 100)` (numpy divides by 100 again, which we repeat for the last ulp)
 * and its bin (lower, upper] with `include_lowest` keeps exactly lower <= x_i <= upper. When
 * the two edges coincide, only values equal to them are inside, all changes are 0, and so is
 * the result — the same 0 tsfresh returns when pandas refuses duplicate edges.
 */
export const changeQuantiles: Calculator = {
  name: 'change_quantiles',
  outputs: (params) => requireParams('change_quantiles', params).map(formatParamSet),
  compute(ctx, params, out, offset) {
    const list = parseList(requireParams('change_quantiles', params));
    const x = ctx.x;
    const n = x.length;
    // parameter sets come grouped by corridor (tsfresh's order): scan once per corridor
    let corridorQl = NaN;
    let corridorQh = NaN;
    let m = 0;
    let xPointer = -1;
    for (let k = 0; k < list.length; k++) {
      const { ql, qh, isabs, aggregator } = list[k]!;
      // quantiles outside [0, 1] make pandas raise a ValueError, which tsfresh turns into 0
      if (ql >= qh || n < 2 || !(ql >= 0 && qh <= 1)) {
        out[offset + k] = 0;
        continue;
      }
      if (ql !== corridorQl || qh !== corridorQh) {
        const sorted = seriesSorted(ctx);
        // pandas passes q * 100 to np.percentile, which divides by 100 again
        const lower = sortedQuantile(sorted, (ql * 100) / 100);
        const upper = sortedQuantile(sorted, (qh * 100) / 100);
        if (xPointer < 0) xPointer = series.copyIn(x);
        m = kernels().fn.corridorChanges(xPointer, n, lower, upper, rawChanges.pointer(n), moments.pointer(4));
        if (m > 0) corridorMoments.set(moments.view(4));
        corridorQl = ql;
        corridorQh = qh;
      }
      if (m === 0) {
        out[offset + k] = 0;
        continue;
      }
      switch (aggregator) {
        case 'mean':
          out[offset + k] = corridorMoments[isabs ? ABSOLUTE_MEAN : RAW_MEAN]!;
          break;
        case 'var':
          out[offset + k] = corridorMoments[isabs ? ABSOLUTE_VARIANCE : RAW_VARIANCE]!;
          break;
        case 'std':
          out[offset + k] = Math.sqrt(corridorMoments[isabs ? ABSOLUTE_VARIANCE : RAW_VARIANCE]!);
          break;
        case 'median':
          // np.median of the corridor's changes (or their magnitudes): a sorted copy of them
          out[offset + k] = sortedMedian(isabs ? rawChanges.view(m).map(Math.abs).sort() : rawChanges.view(m).slice().sort());
          break;
      }
    }
  },
};
