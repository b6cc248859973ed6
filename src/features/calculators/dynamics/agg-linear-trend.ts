/**
 * tsfresh `agg_linear_trend(x, attr, chunk_len, f_agg)`: the series is cut into consecutive
 * chunks of `chunk_len` values (the last one possibly shorter), each chunk is reduced with the
 * numpy aggregate `f_agg` ("max", "min", "mean", "var", "std", "sum", "median"), and `attr` of
 * `scipy.stats.linregress` of those aggregates against 0..m−1 is returned
 * (numeric/linear-regression.ts). NaN when chunk_len ≥ n (tsfresh's rule, even though a fit
 * would exist). With two chunks the fit is exact: rvalue ±1, stderr 0.
 *
 * Speed: a parameter list (tsfresh's grid asks 4 attributes of 12 (f_agg, chunk_len) pairs) is
 * compiled once into its distinct fits; each fit reduces the chunks and forms linregress's sums
 * in WebAssembly (kernels/dynamics-linear-trend.ts), two calls on the series copied in once.
 */
import type { SeriesContext } from '../../calculator.js';
import { num, type ParamSet } from '../../params.js';
import { trendRegressionInKernel, type LinearRegression } from '../../numeric/linear-regression.js';
import { KernelBuffer, kernels } from '../../../util/wasm-kernels.js';
import { AGGREGATES, aggregate } from './aggregate.js';
import { combinerCalculator } from './combiner.js';
import { REGRESSION_ATTRIBUTES } from './linear-trend.js';

/** The kernel's code of each reduction it runs (kernels/dynamics-linear-trend.ts); median stays here. */
const KERNEL_KIND: Readonly<Record<string, number>> = { max: 0, min: 1, mean: 2, var: 3, std: 4, sum: 5 };

const seriesBuffer = new KernelBuffer();
const aggregatesBuffer = new KernelBuffer();
const scratchBuffer = new KernelBuffer();

/**
 * linregress of the chunk aggregates of the series already copied to kernel pointer `x`
 * (n values): `f_agg` of every chunk x[c·len .. min(n, (c+1)·len)), c = 0..⌈n/len⌉−1, with
 * numpy's rounding (pairwise sums for mean/var/std/sum; max/min propagate NaN), in
 * WebAssembly except the median's sort. Requires chunkLen < n.
 */
function chunkTrendInKernel(xs: Float64Array, x: number, fAgg: string, chunkLen: number): LinearRegression {
  const n = xs.length;
  const m = Math.ceil(n / chunkLen);
  const out = aggregatesBuffer.pointer(m);
  const kind = KERNEL_KIND[fAgg];
  if (kind !== undefined) kernels().fn.chunkAggregates(x, n, kind, chunkLen, out, scratchBuffer.pointer(chunkLen));
  else {
    // the median (the kernel does the others); kernel memory read after each call, which may grow it
    for (let c = 0; c < m; c++) {
      const value = aggregate(fAgg, xs, c * chunkLen, Math.min(n, (c + 1) * chunkLen), 'agg_linear_trend');
      kernels().f64[out / 8 + c] = value;
    }
  }
  return trendRegressionInKernel(out, m);
}

/** linregress of the chunk aggregates, or null when chunk_len ≥ n. */
export function chunkTrend(x: Float64Array, fAgg: string, chunkLen: number): LinearRegression | null {
  if (chunkLen >= x.length) return null;
  return chunkTrendInKernel(x, seriesBuffer.copyIn(x), fAgg, chunkLen);
}

/** A parameter list compiled: its distinct fits and, per output, which fit and attribute. */
interface Plan {
  readonly fits: readonly { readonly fAgg: string; readonly chunkLen: number }[];
  readonly fitOf: Int32Array;
  readonly attrOf: readonly (keyof LinearRegression)[];
}

const plans = new WeakMap<readonly ParamSet[], Plan>();

/** Validates `params` once (clear errors naming the parameter) and groups equal fits. */
function planFor(params: readonly ParamSet[]): Plan {
  let plan = plans.get(params);
  if (plan) return plan;
  const fits: { fAgg: string; chunkLen: number }[] = [];
  const fitOf = new Int32Array(params.length);
  const attrOf: (keyof LinearRegression)[] = [];
  params.forEach((p, i) => {
    const chunkLen = num(p.chunk_len);
    if (!Number.isInteger(chunkLen) || chunkLen < 1) throw new RangeError(`agg_linear_trend: chunk_len must be an integer >= 1, got ${chunkLen}`);
    const fAgg = String(p.f_agg);
    if (!(AGGREGATES as readonly string[]).includes(fAgg)) {
      throw new RangeError(`agg_linear_trend: unknown aggregation f_agg="${fAgg}" (expected one of ${AGGREGATES.join(', ')})`);
    }
    const attr = String(p.attr);
    if (!(REGRESSION_ATTRIBUTES as readonly string[]).includes(attr)) {
      throw new RangeError(`agg_linear_trend: unknown attr "${attr}" (expected one of ${REGRESSION_ATTRIBUTES.join(', ')})`);
    }
    let f = fits.findIndex((fit) => fit.fAgg === fAgg && fit.chunkLen === chunkLen);
    if (f < 0) f = fits.push({ fAgg, chunkLen }) - 1;
    fitOf[i] = f;
    attrOf.push(attr as keyof LinearRegression);
  });
  plan = { fits, fitOf, attrOf };
  plans.set(params, plan);
  return plan;
}

export const aggLinearTrend = combinerCalculator('agg_linear_trend', (ctx: SeriesContext, params, out, offset) => {
  const plan = planFor(params);
  const x = ctx.x;
  const n = x.length;
  const at = seriesBuffer.copyIn(x);
  const results = plan.fits.map(({ fAgg, chunkLen }) => (chunkLen >= n ? null : chunkTrendInKernel(x, at, fAgg, chunkLen)));
  for (let i = 0; i < params.length; i++) {
    const result = results[plan.fitOf[i]!]!;
    out[offset + i] = result === null ? NaN : result[plan.attrOf[i]!];
  }
});
