/** tsfresh's `index_mass_quantile`. */
import { requireParams, type Calculator } from '../../calculator.js';
import { formatParamSet } from '../../params.js';
import { pairwiseSum } from '../../numeric/pairwise-sum.js';
import { scratchBuffer } from './scratch.js';
import { numberParam } from './parameters.js';

const absolute = scratchBuffer();
const massShare = scratchBuffer();

/**
 * `index_mass_quantile(q)`: the relative index (i + 1) / n of the first i at which the
 * cumulative share of the absolute mass, sum_{j<=i} |x_j| / sum_j |x_j|, reaches q. NaN when
 * the total mass is 0 (all zeros, or empty). As in tsfresh the cumulative sum runs left to
 * right and the total is numpy's pairwise sum, so a share that ties q is decided identically;
 * when no share reaches q (a NaN in the series) the answer is 1 / n, numpy's argmax of all-False.
 */
export const indexMassQuantile: Calculator = {
  name: 'index_mass_quantile',
  outputs: (params) => requireParams('index_mass_quantile', params).map(formatParamSet),
  compute(ctx, params, out, offset) {
    const list = requireParams('index_mass_quantile', params);
    const x = ctx.x;
    const n = x.length;
    const abs = absolute(n);
    for (let i = 0; i < n; i++) abs[i] = Math.abs(x[i]!);
    const total = pairwiseSum(abs, 0, n);
    if (total === 0 || n === 0) {
      for (let k = 0; k < list.length; k++) out[offset + k] = NaN;
      return;
    }
    const share = massShare(n);
    let cumulative = 0;
    for (let i = 0; i < n; i++) {
      cumulative += abs[i]!;
      share[i] = cumulative / total;
    }
    for (let k = 0; k < list.length; k++) {
      const q = numberParam('index_mass_quantile', list[k]!, 'q');
      let first = 0;
      while (first < n && !(share[first]! >= q)) first++;
      out[offset + k] = ((first < n ? first : 0) + 1) / n;
    }
  },
};
