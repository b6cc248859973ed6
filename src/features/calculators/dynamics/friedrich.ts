/**
 * The Langevin-model features of Friedrich et al. (2000), "Extracting model equations from
 * experimental data", Physics Letters A 271, 217–222: model the dynamics as
 * ẋ(t) = h(x(t)) + 𝒩(0, R) and estimate the drift h as a polynomial of degree m.
 *
 * Estimation (tsfresh `_estimate_friedrich_coefficients`): pair each value x_t (t < n−1) with
 * its change Δx_t = x_{t+1} − x_t; cut the x_t into r quantile bins (`pandas.qcut(x, r)`:
 * edges at the linearly interpolated quantiles k/r, bins (e_{k−1}, e_k] with the lowest edge
 * included; any repeated edge raises, which tsfresh turns into NaN); average x_t and Δx_t in
 * every non-empty bin (pandas' compensated group mean); fit `np.polyfit(means_x, means_Δx, m)`.
 *
 * - `friedrich_coefficients(x, coeff, m, r)`: coefficient `coeff` of h, highest power first
 *   (coeff 0 multiplies x^m); NaN past m or when the estimate fails.
 * - `max_langevin_fixed_point(x, m, r)`: the largest fixed point of the dynamics, the maximum
 *   real part over the roots of h (`np.max(np.real(np.roots(coeffs)))`); NaN when the estimate
 *   fails or h has no roots.
 *
 * With fewer bins than m + 1 the fit is underdetermined and, like numpy, we return the
 * minimum-norm solution of the column-scaled system; those values and those of badly scaled
 * series (values ~1e8) are fragile in tsfresh itself.
 */
import { parameterMemoKeys, type SeriesContext } from '../../calculator.js';
import { num } from '../../params.js';
import { polyfit } from '../../numeric/polyfit.js';
import { polynomialRoots } from '../../numeric/polynomial-roots.js';
import { combinerCalculator } from './combiner.js';
import { seriesSorted } from '../statistics/series-moments.js';
import { KernelBuffer, kernels } from '../../../util/wasm-kernels.js';

const seriesBuffer = new KernelBuffer();
const edgesBuffer = new KernelBuffer();
const sortedBuffer = new KernelBuffer();
const workBuffer = new KernelBuffer();

/**
 * The edges of `pandas.qcut(values, r)` on ascending `sorted`: pandas 2 calls
 * `np.percentile(sorted, 100·linspace(0, 1, r+1))`, i.e. virtual index (len−1)·q with numpy's
 * two-sided linear interpolation. The rounding steps (k·(1/r), ·100, /100) are kept because an
 * edge that lands an ulp below a data value moves that value to the next bin. Computed in
 * WebAssembly (kernels/dynamics-friedrich.ts, `quantileEdges`).
 */
export function quantileEdges(sorted: Float64Array, r: number): Float64Array {
  const at = edgesBuffer.pointer(r + 1);
  kernels().fn.quantileEdges(sortedBuffer.copyIn(sorted), sorted.length, -1, r, at);
  return edgesBuffer.view(r + 1).slice();
}

/**
 * The index of one occurrence of `value` in the ascending `sorted`, the one with the same sign
 * of zero among equal values (−0 sorts before +0); throws when absent.
 */
function occurrenceOf(sorted: Float64Array, value: number): number {
  const n = sorted.length;
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  while (lo + 1 < n && sorted[lo + 1] === value && !Object.is(sorted[lo], value)) lo++;
  if (!(sorted[lo] === value)) throw new RangeError('sortedWithout: value not in the array');
  return lo;
}

/**
 * `sorted` without one occurrence of `value` (an ascending copy of n − 1 values): the sorted
 * signal x_0..x_{n−2} from the sorted series, in O(n) instead of a second sort.
 */
export function sortedWithout(sorted: Float64Array, value: number): Float64Array {
  const at = occurrenceOf(sorted, value);
  const out = new Float64Array(sorted.length - 1);
  out.set(sorted.subarray(0, at));
  out.set(sorted.subarray(at + 1), at);
  return out;
}

/**
 * h's coefficients (length m+1, highest power first), or null where tsfresh gives NaN.
 * `sortedSeries`, when given, is an ascending copy of the whole x (the shared 'sorted' memo).
 */
export function estimateFriedrichCoefficients(x: Float64Array, m: number, r: number, sortedSeries?: Float64Array): Float64Array | null {
  if (!Number.isInteger(m) || m < 1) throw new RangeError(`friedrich: m must be a positive integer, got ${m}`);
  if (!Number.isInteger(r) || r < 1) throw new RangeError(`friedrich: r must be a positive integer, got ${r}`);
  const count = x.length - 1;
  if (count < 1) return null;
  const wasm = kernels();
  const xAt = seriesBuffer.copyIn(x);
  if (wasm.fn.hasNaN(xAt, x.length)) return null;
  // The quantile edges of the signal x_0..x_{n−2}: from the sorted series less x_{n−1} when given.
  const sortedAt = sortedBuffer.copyIn(sortedSeries ?? Float64Array.from(x.subarray(0, count)).sort());
  const skip = sortedSeries ? occurrenceOf(sortedSeries, x[count]!) : -1;
  const edgesAt = edgesBuffer.pointer(r + 1);
  if (!wasm.fn.quantileEdges(sortedAt, sortedSeries ? x.length : count, skip, r, edgesAt)) return null; // "Bin edges must be unique"
  // Kahan-compensated means per bin, in series order (pandas group_mean), in WebAssembly.
  const work = workBuffer.pointer(7 * r + count);
  const meansXAt = work + 8 * (5 * r + count);
  const meansDAt = meansXAt + 8 * r;
  const bins = wasm.fn.friedrichBinMeans(xAt, count, edgesAt, r, work, meansXAt, meansDAt);
  const memory = wasm.f64;
  const meansX = memory.slice(meansXAt / 8, meansXAt / 8 + bins);
  const meansD = memory.slice(meansDAt / 8, meansDAt / 8 + bins);
  const coef = polyfit(meansX, meansD, m);
  for (const c of coef) if (!Number.isFinite(c)) return null;
  return coef;
}

const friedrichKey = parameterMemoKeys('dynamics.friedrich');

function friedrichFor(ctx: SeriesContext, m: number, r: number): Float64Array | null {
  return ctx.memo(friedrichKey(m, r), () => estimateFriedrichCoefficients(ctx.x, m, r, seriesSorted(ctx)));
}

export const friedrichCoefficients = combinerCalculator('friedrich_coefficients', (ctx, params, out, offset) => {
  for (let i = 0; i < params.length; i++) {
    const p = params[i]!;
    const coeff = num(p.coeff);
    if (!Number.isInteger(coeff) || coeff < 0) throw new RangeError(`friedrich_coefficients: coeff must be an integer >= 0, got ${coeff}`);
    const coef = friedrichFor(ctx, num(p.m), num(p.r));
    out[offset + i] = coef === null || coeff >= coef.length ? NaN : coef[coeff]!;
  }
});

/** max Re(root) of h, NaN when h has no roots or could not be estimated. */
export function maxLangevinFixedPoint(coef: Float64Array | null): number {
  if (coef === null) return NaN;
  const { re } = polynomialRoots(coef);
  if (re.length === 0) return NaN;
  let best = -Infinity;
  for (const v of re) {
    if (Number.isNaN(v)) return NaN;
    if (v > best) best = v;
  }
  return best;
}

export const maxLangevinFixedPointCalculator = combinerCalculator('max_langevin_fixed_point', (ctx, params, out, offset) => {
  for (let i = 0; i < params.length; i++) {
    const p = params[i]!;
    out[offset + i] = maxLangevinFixedPoint(friedrichFor(ctx, num(p.m), num(p.r)));
  }
});
