/**
 * tsfresh `approximate_entropy(x, m, r)` (Pincus 1991).
 *
 * With tolerance t = r * std(x) (population std) and, for template length L, the n - L + 1
 * templates `u_i = x[i..i+L)`,
 *
 *     C_i(L) = #{j : max_k |u_i[k] - u_j[k]| <= t} / (n - L + 1)     (self-match included)
 *     phi(L) = sum_i ln C_i(L) / (n - L + 1)
 *     approximate_entropy = |phi(m) - phi(m + 1)|
 *
 * Parameters: `m` (template length, int >= 1; tsfresh uses 2) and `r` (tolerance as a
 * fraction of the std; tsfresh uses 0.1, 0.3, 0.5, 0.7, 0.9). As in tsfresh, a series with
 * n <= m + 1 gives 0, a constant series gives 0 (t = 0, every template matches), a negative
 * r is an error. The result is a difference of two nearly equal sums of logs; both sums are
 * taken in numpy's pairwise order so that the small difference matches tsfresh's as closely
 * as floating point allows.
 */
import { requireParams, type Calculator, type SeriesContext } from '../../calculator.js';
import { formatParamSet, num } from '../../params.js';
import { seriesArgsort } from './argsort.js';
import { pairwiseSum } from '../../numeric/pairwise-sum.js';
import { allFinite, seriesStd } from './numpy-reductions.js';
import { countTemplateMatches } from './template-matching.js';

let logs = new Float64Array(0);

/** `phi(L) = sum_i ln((counts[i] + 1) / T) / T` over T templates, summed like numpy. */
function phi(counts: Int32Array, templates: number): number {
  if (logs.length < templates) logs = new Float64Array(templates);
  for (let i = 0; i < templates; i++) logs[i] = Math.log((counts[i]! + 1) / templates);
  return pairwiseSum(logs, 0, templates) / templates;
}

/**
 * Approximate entropy of the series in `ctx` for template length `m` and each tolerance
 * factor in `rs` (one pass over the template pairs for all of them).
 */
export function approximateEntropies(ctx: SeriesContext, m: number, rs: readonly number[]): number[] {
  if (!Number.isInteger(m) || m < 1) throw new RangeError(`approximate_entropy: m must be a positive integer, got ${m}`);
  const x = ctx.x;
  const std = seriesStd(ctx);
  const tolerances = rs.map((r) => r * std);
  tolerances.forEach((tolerance, k) => {
    if (tolerance < 0) throw new RangeError(`approximate_entropy: parameter r must be positive, got ${rs[k]}`);
  });
  if (x.length <= m + 1) return rs.map(() => 0);
  if (!allFinite(x)) return rs.map(() => Number.NaN);
  return countTemplateMatches(x, m, tolerances, seriesArgsort(ctx)).map((matches) =>
    Math.abs(phi(matches.countsM, matches.templatesM) - phi(matches.countsM1, matches.templatesM1)),
  );
}

/** Approximate entropy of the series in `ctx` for template length `m` and tolerance factor `r`. */
export function approximateEntropy(ctx: SeriesContext, m: number, r: number): number {
  return approximateEntropies(ctx, m, [r])[0]!;
}

export const approximateEntropyCalculator: Calculator = {
  name: 'approximate_entropy',
  outputs: (params) => requireParams('approximate_entropy', params).map(formatParamSet),
  compute(ctx, params, out, offset) {
    const list = requireParams('approximate_entropy', params);
    // Parameter sets with the same m share one pass over the template pairs.
    const byM = new Map<number, number[]>();
    list.forEach((set, i) => {
      const m = num(set['m']);
      const group = byM.get(m) ?? [];
      group.push(i);
      byM.set(m, group);
    });
    for (const [m, indices] of byM) {
      const values = approximateEntropies(ctx, m, indices.map((i) => num(list[i]!['r'])));
      indices.forEach((i, k) => (out[offset + i] = values[k]!));
    }
  },
};
