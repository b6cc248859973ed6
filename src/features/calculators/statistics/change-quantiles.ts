/** tsfresh's `change_quantiles`. */
import { requireParams, type Calculator } from '../../calculator.js';
import { formatParamSet, type ParamSet } from '../../params.js';
import { pairwiseSum } from '../../numeric/pairwise-sum.js';
import { sortedMedian, sortedQuantile } from './numpy-quantile.js';
import { scratchBuffer } from './scratch.js';
import { seriesSorted } from './series-moments.js';
import { booleanParam, choiceParam, numberParam } from './parameters.js';

const deviations = scratchBuffer();

/** The numpy aggregations `change_quantiles` accepts as `f_agg`. */
const AGGREGATORS = ['mean', 'var', 'std', 'median'] as const;
type Aggregator = (typeof AGGREGATORS)[number];

/**
 * np.mean / np.var / np.std / np.median of `values[0..m)` (m > 0), as numpy computes them;
 * `mean` is np.mean of the same values when already known (NaN: not yet).
 */
function aggregate(values: Float64Array, m: number, aggregator: Aggregator, mean: number): number {
  switch (aggregator) {
    case 'mean':
      return mean;
    case 'var':
    case 'std': {
      const squares = deviations(m);
      for (let i = 0; i < m; i++) {
        const d = values[i]! - mean;
        squares[i] = d * d;
      }
      const variance = pairwiseSum(squares, 0, m) / m;
      return aggregator === 'var' ? variance : Math.sqrt(variance);
    }
    case 'median':
      return sortedMedian(values.slice(0, m).sort());
  }
}

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

const rawChanges = scratchBuffer();
const absoluteChanges = scratchBuffer();

/**
 * Collects the changes x_{i+1} - x_i whose start and end both lie in [lower, upper] into
 * `raw` (and their magnitudes into `absolute`); returns how many there are. Branch-free, as
 * which points fall inside is data-dependent and unpredictable.
 */
function collectCorridorChanges(x: Float64Array, lower: number, upper: number, raw: Float64Array, absolute: Float64Array): number {
  const n = x.length;
  let m = 0;
  let previous = x[0]!;
  let previousInside = +(previous >= lower) & +(previous <= upper);
  for (let i = 1; i < n; i++) {
    const current = x[i]!;
    const inside = +(current >= lower) & +(current <= upper);
    const change = current - previous;
    raw[m] = change;
    absolute[m] = Math.abs(change);
    m += inside & previousInside;
    previous = current;
    previousInside = inside;
  }
  return m;
}

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
    const raw = rawChanges(n);
    const absolute = absoluteChanges(n);
    // parameter sets come grouped by corridor (tsfresh's order): scan once per corridor
    let corridorQl = NaN;
    let corridorQh = NaN;
    let m = 0;
    // np.mean of the corridor's raw and absolute changes, once per corridor (mean, var and std share it)
    let rawMean = NaN;
    let absoluteMean = NaN;
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
        m = collectCorridorChanges(x, lower, upper, raw, absolute);
        corridorQl = ql;
        corridorQh = qh;
        rawMean = NaN;
        absoluteMean = NaN;
      }
      if (m === 0) {
        out[offset + k] = 0;
        continue;
      }
      let mean: number;
      if (isabs) mean = absoluteMean === absoluteMean ? absoluteMean : (absoluteMean = pairwiseSum(absolute, 0, m) / m);
      else mean = rawMean === rawMean ? rawMean : (rawMean = pairwiseSum(raw, 0, m) / m);
      out[offset + k] = aggregate(isabs ? absolute : raw, m, aggregator, mean);
    }
  },
};
