/**
 * `scipy.stats.linregress(x, y)` as scipy 1.x computes it, rounding included where tsfresh's
 * results depend on it (a perfect line must give r = ±1 exactly, hence stderr 0):
 *
 *   x̄, ȳ = np.mean;  ssxm, ssxym, ssym = np.cov(x, y, bias=1)  (Σ products · (1/n))
 *   r = ssxym / √(ssxm·ssym), clipped to [−1, 1]; r = 0 when ssxm or ssym is 0
 *   slope = ssxym / ssxm,  intercept = ȳ − slope·x̄
 *   n = 2:  pvalue = (y₀ == y₁ ? 1 : 0), stderr = 0
 *   else:   df = n − 2,  t = r √(df / ((1 − r + 1e-20)(1 + r + 1e-20))),
 *           pvalue = 2·stdtr(df, −|t|),  stderr = √((1 − r²)·ssym / ssxm / df)
 *
 * A series of one value gives r = 0 and NaN for everything else (scipy divides 0 by 0).
 */
import { studentTCdf } from './distributions.js';
import { KernelBuffer, kernels } from '../../util/wasm-kernels.js';

/** The linregress result; `pvalue` may be computed when first read. */
export interface LinearRegression {
  readonly slope: number;
  readonly intercept: number;
  readonly rvalue: number;
  readonly pvalue: number;
  readonly stderr: number;
  readonly intercept_stderr: number;
}

const TINY = 1.0e-20;

const valuesBuffer = new KernelBuffer();
const sumsBuffer = new KernelBuffer();

/** linregress of `y[start..end)` against x = 0, 1, ..., n−1 (tsfresh's linear_trend). */
export function linearTrendRegression(y: ArrayLike<number>, start = 0, end = y.length): LinearRegression {
  const n = end - start;
  if (n <= 0) throw new RangeError('linregress needs at least one value');
  const at = valuesBuffer.pointer(n);
  const memory = kernels().f64;
  if (y instanceof Float64Array) memory.set(y.subarray(start, end), at / 8);
  else for (let i = 0; i < n; i++) memory[at / 8 + i] = y[start + i]!;
  return trendRegressionInKernel(at, n);
}

/**
 * linregress of the n values at kernel pointer `y` against 0..n−1: the means and the sums of
 * squares and products in WebAssembly (kernels/dynamics-linear-trend.ts, `trendSums`; x̄ exact,
 * ȳ the pairwise mean, the sums in increasing i), the rest here.
 */
export function trendRegressionInKernel(y: number, n: number): LinearRegression {
  if (n <= 0) throw new RangeError('linregress needs at least one value');
  const at = sumsBuffer.pointer(5);
  kernels().fn.trendSums(y, n, at);
  return trendRegressionFromSums(y, n, at);
}

/**
 * linregress of the n values at kernel pointer `y` against 0..n−1 from their sums already at
 * kernel pointer `sums` ([x̄, ȳ, Σ dx², Σ dx·dy, Σ dy²], as `trendSums` or `trendSumsRows` of
 * kernels/dynamics-linear-trend.ts write them).
 */
export function trendRegressionFromSums(y: number, n: number, sums: number): LinearRegression {
  const memory = kernels().f64;
  const s = sums / 8;
  const inv = 1 / n;
  return finish(n, memory[s + 2]! * inv, memory[s + 3]! * inv, memory[s + 4]! * inv, memory[s]!, memory[s + 1]!, memory[y / 8]!, memory[y / 8 + Math.min(1, n - 1)]!);
}

function finish(n: number, ssxm: number, ssxym: number, ssym: number, xMean: number, yMean: number, y0: number, y1: number): LinearRegression {
  let r: number;
  if (ssxm === 0 || ssym === 0) r = 0;
  else {
    r = ssxym / Math.sqrt(ssxm * ssym);
    if (r > 1) r = 1;
    else if (r < -1) r = -1;
  }
  const slope = ssxym / ssxm;
  const intercept = yMean - slope * xMean;
  if (n === 2) {
    return { slope, intercept, rvalue: r, pvalue: y0 === y1 ? 1 : 0, stderr: 0, intercept_stderr: 0 };
  }
  const df = n - 2;
  const stderr = Math.sqrt(((1 - r * r) * ssym) / ssxm / df);
  return new Regression(slope, intercept, r, stderr, stderr * Math.sqrt(ssxm + xMean * xMean), df);
}

/** A linregress result whose p-value (the costly t-distribution tail) is computed when read. */
class Regression implements LinearRegression {
  constructor(
    readonly slope: number,
    readonly intercept: number,
    readonly rvalue: number,
    readonly stderr: number,
    readonly intercept_stderr: number,
    private readonly df: number,
  ) {}

  get pvalue(): number {
    const r = this.rvalue;
    const t = r * Math.sqrt(this.df / ((1 - r + TINY) * (1 + r + TINY)));
    return 2 * studentTCdf(-Math.abs(t), this.df);
  }
}
