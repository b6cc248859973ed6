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
import type { SeriesContext } from '../../calculator.js';
import { num } from '../../params.js';
import { polyfit } from '../../numeric/polyfit.js';
import { polynomialRoots } from '../../numeric/polynomial-roots.js';
import { combinerCalculator } from './combiner.js';
import { seriesSorted } from './autocovariance.js';
import { KernelBuffer, kernels } from '../../numeric/wasm-kernels.js';

const seriesBuffer = new KernelBuffer();
const edgesBuffer = new KernelBuffer();
const workBuffer = new KernelBuffer();

/**
 * The edges of `pandas.qcut(values, r)` on ascending `sorted`: pandas 2 calls
 * `np.percentile(sorted, 100·linspace(0, 1, r+1))`, i.e. virtual index (len−1)·q with numpy's
 * two-sided linear interpolation. The rounding steps (k·(1/r), ·100, /100) are kept because an
 * edge that lands an ulp below a data value moves that value to the next bin.
 */
export function quantileEdges(sorted: Float64Array, r: number): Float64Array {
  const m = sorted.length;
  const edges = new Float64Array(r + 1);
  const step = 1 / r;
  for (let k = 0; k <= r; k++) {
    const q = k === r ? 1 : ((k * step) * 100) / 100;
    const v = (m - 1) * q;
    if (v >= m - 1) {
      edges[k] = sorted[m - 1]!;
      continue;
    }
    const lo = Math.floor(v);
    const gamma = v - lo;
    const a = sorted[lo]!;
    const b = sorted[lo + 1]!;
    const diff = b - a;
    edges[k] = gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
  }
  return edges;
}

/**
 * `sorted` without one occurrence of `value` (an ascending copy of n − 1 values): the sorted
 * signal x_0..x_{n−2} from the sorted series, in O(n) instead of a second sort.
 */
export function sortedWithout(sorted: Float64Array, value: number): Float64Array {
  const n = sorted.length;
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  // Among equal values prefer the one with the same sign of zero (−0 sorts before +0).
  while (lo + 1 < n && sorted[lo + 1] === value && !Object.is(sorted[lo], value)) lo++;
  if (!(sorted[lo] === value)) throw new RangeError('sortedWithout: value not in the array');
  const out = new Float64Array(n - 1);
  out.set(sorted.subarray(0, lo));
  out.set(sorted.subarray(lo + 1), lo);
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
  for (let i = 0; i < x.length; i++) if (Number.isNaN(x[i]!)) return null;
  const signal = x.subarray(0, count);
  const sorted = sortedSeries ? sortedWithout(sortedSeries, x[count]!) : Float64Array.from(signal).sort();
  const edges = quantileEdges(sorted, r);
  for (let k = 1; k <= r; k++) if (!(edges[k]! > edges[k - 1]!)) return null; // "Bin edges must be unique"
  // Kahan-compensated means per bin, in series order (pandas group_mean), in WebAssembly.
  const wasm = kernels();
  const xAt = seriesBuffer.copyIn(x);
  const edgesAt = edgesBuffer.copyIn(edges);
  const work = workBuffer.pointer(7 * r);
  const meansXAt = work + 8 * 5 * r;
  const meansDAt = meansXAt + 8 * r;
  const bins = wasm.fn.friedrichBinMeans(xAt, count, edgesAt, r, work, meansXAt, meansDAt);
  const memory = wasm.f64;
  const meansX = memory.slice(meansXAt / 8, meansXAt / 8 + bins);
  const meansD = memory.slice(meansDAt / 8, meansDAt / 8 + bins);
  const coef = polyfit(meansX, meansD, m);
  for (const c of coef) if (!Number.isFinite(c)) return null;
  return coef;
}

function friedrichFor(ctx: SeriesContext, m: number, r: number): Float64Array | null {
  return ctx.memo(`dynamics.friedrich.${m}.${r}`, () => estimateFriedrichCoefficients(ctx.x, m, r, seriesSorted(ctx)));
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
