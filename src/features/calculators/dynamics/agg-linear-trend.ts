/**
 * tsfresh `agg_linear_trend(x, attr, chunk_len, f_agg)`: the series is cut into consecutive
 * chunks of `chunk_len` values (the last one possibly shorter), each chunk is reduced with the
 * numpy aggregate `f_agg` ("max", "min", "mean", "var", "std", "sum", "median"), and `attr` of
 * `scipy.stats.linregress` of those aggregates against 0..m−1 is returned
 * (numeric/linear-regression.ts). NaN when chunk_len ≥ n (tsfresh's rule, even though a fit
 * would exist). With two chunks the fit is exact: rvalue ±1, stderr 0.
 *
 * Speed: a parameter list (tsfresh's grid asks 4 attributes of 12 (f_agg, chunk_len) pairs) is
 * compiled once into its distinct fits grouped by chunk length; one WebAssembly call per length
 * reduces the chunks for all its f_agg at once (kernels/dynamics-linear-trend.ts), one more forms
 * linregress's sums of all of them (four side by side), on the series copied in once.
 */
import type { SeriesContext } from '../../calculator.js';
import { num, type ParamSet } from '../../params.js';
import { trendRegressionFromSums, trendRegressionInKernel, type LinearRegression } from '../../numeric/linear-regression.js';
import { KernelBuffer, kernels } from '../../../util/wasm-kernels.js';
import { AGGREGATES, aggregate } from './aggregate.js';
import { combinerCalculator } from './combiner.js';
import { REGRESSION_ATTRIBUTES } from './linear-trend.js';

/** The kernel's code of each reduction it runs (kernels/dynamics-linear-trend.ts); median stays here. */
const KERNEL_KIND: Readonly<Record<string, number>> = { max: 0, min: 1, mean: 2, var: 3, std: 4, sum: 5 };

const seriesBuffer = new KernelBuffer();
const aggregatesBuffer = new KernelBuffer();
const medianBuffer = new KernelBuffer();
const scratchBuffer = new KernelBuffer();
const sumsBuffer = new KernelBuffer();

/**
 * The chunk aggregates of the series already copied to kernel pointer `x` (n values) for the
 * kernel reductions in the bit mask `kinds` (bit KERNEL_KIND[f_agg]) in one kernel call: f_agg of
 * every chunk x[c·len .. min(n, (c+1)·len)), c = 0..m−1, m = ⌈n/len⌉, with numpy's rounding
 * (pairwise sums for mean/var/std/sum; max/min propagate NaN). Returns the pointer of kind 0's
 * m values; kind j's follow at + j·m float64s. Requires chunkLen < n.
 */
function chunkAggregatesInKernel(x: number, n: number, kinds: number, chunkLen: number): number {
  const m = Math.ceil(n / chunkLen);
  const out = aggregatesBuffer.pointer(6 * m);
  kernels().fn.chunkAggregates(x, n, kinds, chunkLen, out, scratchBuffer.pointer(chunkLen));
  return out;
}

/** The chunk medians of `xs` (numpy's median, here in TypeScript) into kernel memory; their pointer. */
function chunkMediansInKernel(xs: Float64Array, chunkLen: number): number {
  const n = xs.length;
  const m = Math.ceil(n / chunkLen);
  const out = medianBuffer.pointer(m);
  // kernel memory read after each call, which may grow it
  for (let c = 0; c < m; c++) kernels().f64[out / 8 + c] = aggregate('median', xs, c * chunkLen, Math.min(n, (c + 1) * chunkLen), 'agg_linear_trend');
  return out;
}

/** linregress of the chunk aggregates `fAgg` of x, or null when chunk_len ≥ n. */
export function chunkTrend(x: Float64Array, fAgg: string, chunkLen: number): LinearRegression | null {
  const n = x.length;
  if (chunkLen >= n) return null;
  const m = Math.ceil(n / chunkLen);
  const kind = KERNEL_KIND[fAgg];
  if (kind === undefined) return trendRegressionInKernel(chunkMediansInKernel(x, chunkLen), m);
  return trendRegressionInKernel(chunkAggregatesInKernel(seriesBuffer.copyIn(x), n, 1 << kind, chunkLen) + kind * m * 8, m);
}

/**
 * A parameter list compiled: its distinct fits, grouped by chunk length (one kernel call per
 * length serves every reduction of it), and, per output, which fit and attribute.
 */
interface Plan {
  /**
   * Per distinct chunk length: the kernel kinds' bit mask, the first kind in it and how many
   * kind rows span it (first..last), and the fits (f_agg, kind or -1 for the median).
   */
  readonly groups: readonly {
    readonly chunkLen: number;
    readonly kinds: number;
    readonly firstKind: number;
    readonly kindRows: number;
    readonly fits: readonly { readonly fit: number; readonly kind: number }[];
  }[];
  readonly fitCount: number;
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
  const groups: { chunkLen: number; kinds: number; firstKind: number; kindRows: number; fits: { fit: number; kind: number }[] }[] = [];
  fits.forEach(({ fAgg, chunkLen }, fit) => {
    let group = groups.find((g) => g.chunkLen === chunkLen);
    if (!group) groups.push((group = { chunkLen, kinds: 0, firstKind: 0, kindRows: 0, fits: [] }));
    const kind = KERNEL_KIND[fAgg] ?? -1;
    if (kind >= 0) group.kinds |= 1 << kind;
    group.fits.push({ fit, kind });
  });
  for (const group of groups) {
    if (group.kinds === 0) continue;
    group.firstKind = 31 - Math.clz32(group.kinds & -group.kinds);
    group.kindRows = 32 - Math.clz32(group.kinds) - group.firstKind;
  }
  plan = { groups, fitCount: fits.length, fitOf, attrOf };
  plans.set(params, plan);
  return plan;
}

export const aggLinearTrend = combinerCalculator('agg_linear_trend', (ctx: SeriesContext, params, out, offset) => {
  const plan = planFor(params);
  const x = ctx.x;
  const n = x.length;
  const at = seriesBuffer.copyIn(x);
  const results: (LinearRegression | null)[] = new Array<LinearRegression | null>(plan.fitCount).fill(null);
  for (const { chunkLen, kinds, firstKind, kindRows, fits } of plan.groups) {
    if (chunkLen >= n) continue;
    const m = Math.ceil(n / chunkLen);
    let aggregates = 0;
    let sums = 0;
    if (kinds !== 0) {
      // the reductions, then linregress's sums of every kind row first..last in one more call
      aggregates = chunkAggregatesInKernel(at, n, kinds, chunkLen);
      sums = sumsBuffer.pointer(5 * kindRows);
      kernels().fn.trendSumsRows(aggregates + firstKind * m * 8, m, kindRows, m, sums);
    }
    for (const { fit, kind } of fits) {
      results[fit] =
        kind >= 0
          ? trendRegressionFromSums(aggregates + kind * m * 8, m, sums + (kind - firstKind) * 40)
          : trendRegressionInKernel(chunkMediansInKernel(x, chunkLen), m);
    }
  }
  for (let i = 0; i < params.length; i++) {
    const result = results[plan.fitOf[i]!]!;
    out[offset + i] = result === null ? NaN : result[plan.attrOf[i]!];
  }
});
