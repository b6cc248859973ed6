/** tsfresh's `index_mass_quantile`. */
import { requireParams, type Calculator } from '../../calculator.js';
import { formatParamSet } from '../../params.js';
import { KernelBuffer, kernels } from '../../../util/wasm-kernels.js';
import { numberParam } from './parameters.js';

const series = new KernelBuffer();
const quantiles = new KernelBuffer();
const absolute = new KernelBuffer();
const massShare = new KernelBuffer();
const firstReached = new KernelBuffer();

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
    const k = list.length;
    const qs = quantiles.view(k);
    for (let j = 0; j < k; j++) qs[j] = numberParam('index_mass_quantile', list[j]!, 'q');
    // the shares and the searches run in WebAssembly (kernels/stats-value-runs.ts)
    const hasMass = kernels().fn.indexMassQuantiles(series.copyIn(x), n, quantiles.pointer(k), k, absolute.pointer(n), massShare.pointer(n), firstReached.pointer(k));
    const first = firstReached.view(k);
    for (let j = 0; j < k; j++) out[offset + j] = hasMass === 0 ? NaN : ((first[j]! < n ? first[j]! : 0) + 1) / n;
  },
};
