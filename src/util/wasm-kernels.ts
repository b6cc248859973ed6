/**
 * The feature kernels compiled to WebAssembly (kernels/*.ts, AssemblyScript; see
 * kernels/README.md): loaded once per thread, synchronously, on first use.
 *
 * A kernel reads and writes float64 arrays in the module's memory; pointers are byte offsets,
 * lengths element counts. A caller owns `KernelBuffer`s — regions of that memory it copies
 * inputs into and reads outputs from — so that nothing is allocated per series.
 */
import { existsSync, readFileSync } from 'node:fs';
import { webAssembly, type WasmMemory } from './webassembly.js';

/** The kernels' exports (kernels/index.ts). */
export interface KernelExports {
  /** The lag design's augmented Gram matrix (upper triangle) into `gram` (kernels/dynamics-lagged-least-squares.ts). */
  laggedGram(u: number, extra: number, hasExtra: number, first: number, end: number, lags: number, gram: number): void;
  /** The float64s of `nestedCholesky`'s output region for k columns. */
  nestedCholeskySize(k: number): number;
  /** Nested least squares from the (k+1)² augmented Gram matrix: 1 with [ω, norms, R diagonal, z, R, ssr] at `out`, 0 when a column or pivot is not positive. */
  nestedCholesky(gram: number, size: number, out: number): number;
  /** The float64s of `laggedLeastSquares`' work region for p columns and `rows` rows. */
  laggedWorkSize(p: number, rows: number): number;
  /** The certified lag-design fit: 1 with [ssr, η, β (p), R (p×p)] at `work`, 0 when refused. */
  laggedLeastSquares(u: number, extra: number, hasExtra: number, first: number, end: number, lags: number, maxEta: number, gramError: number, work: number): number;
  /** acovf(adjusted, demeaned) γ(0..want) of `x[0..n)` around `mean` into `out`; `centered` n values of scratch (kernels/dynamics-autocovariance.ts). */
  autocovariance(x: number, n: number, mean: number, want: number, centered: number, out: number): void;
  /** agg_linear_trend's reductions in the bit mask `kinds` (bit 0 max, 1 min, 2 mean, 3 var, 4 std, 5 sum) of each `chunkLen` chunk of `x[0..n)`, kind j's m = ⌈n/chunkLen⌉ values at `out` + j·m float64s; `scratch` chunkLen values (kernels/dynamics-linear-trend.ts). */
  chunkAggregates(x: number, n: number, kinds: number, chunkLen: number, out: number, scratch: number): void;
  /** linregress's sums of `y[0..n)` against 0..n−1 into `sums`: [x̄, ȳ, Σdx², Σdx·dy, Σdy²]. */
  trendSums(y: number, n: number, sums: number): void;
  /** `trendSums` of `rows` arrays of n values, row r at y + r·rowStride float64s, into sums + 5r (kernels/dynamics-linear-trend.ts). */
  trendSumsRows(y: number, n: number, rows: number, rowStride: number, sums: number): void;
  /** Friedrich's per-bin means of x_t and Δx_t (non-empty bins, in order) into `meansX`, `meansD`; returns how many (kernels/dynamics-friedrich.ts). */
  friedrichBinMeans(x: number, count: number, edges: number, r: number, work: number, meansX: number, meansD: number): number;
  /** pandas.qcut's r+1 edges of ascending `sorted[0..len)` without index `skip` (−1: none) into `edges`; 0 when two coincide. */
  quantileEdges(sorted: number, len: number, skip: number, r: number, edges: number): number;
  /** Minimum-norm least squares of the column-major m×n `u` (overwritten) by Jacobi SVD into `x`; returns the rank (kernels/dynamics-min-norm.ts). */
  minNormSolve(u: number, m: number, n: number, b: number, rcond: number, v: number, sigma: number, x: number): number;
  /** np.polyfit of m points `x`, `y` to degree `deg` into `coef`; `work` (deg+1)(m+deg+3) values. */
  polyfit(x: number, y: number, m: number, deg: number, rcond: number, work: number, coef: number): void;
  /** Householder QR of the column-major m×n `a` (overwritten) reflecting `z` (y in, Qᵀy out); R, its diagonal, column norms, nested SSRs out (kernels/dynamics-householder-qr.ts). */
  householderQr(a: number, m: number, n: number, z: number, r: number, rDiagonal: number, columnNorms: number, ssr: number): void;
  /** `out[t] = x[t] − c`, t < n (kernels/dynamics-series.ts). */
  shiftSeries(x: number, n: number, c: number, out: number): void;
  /** The ADF regressors u_t = Δx_t − diffShift, L_t = x_{t−1} − levelShift into `u`, `level`; 0 when some x is not finite. */
  adfSeries(x: number, n: number, levelShift: number, diffShift: number, u: number, level: number): number;
  /** 1 when some of `x[0..n)` is NaN. */
  hasNaN(x: number, n: number): number;
  /** The ADF design on rows t = first..n−1 column-major into `a` (lags + 2 columns) and its response into `y`. */
  adfDesign(x: number, n: number, first: number, lags: number, levelShift: number, diffShift: number, a: number, y: number): void;
  /** The centered AR(k) design of `x[0..n)` (rows t = k..n−1) column-major into `a`, its response into `y`, [ȳ, column means] into `means`. */
  arCenteredDesign(x: number, n: number, k: number, a: number, y: number, means: number): void;
  /** The Aberth–Ehrlich iteration of the d roots `re`, `im` of `coef` from their starting points to convergence (in place); returns the sweeps taken (kernels/dynamics-aberth.ts). */
  aberthRoots(coef: number, d: number, re: number, im: number): number;
  /** The float64s of `adfLagCandidates`' work region for `lags` lags (kernels/dynamics-adf-lag-search.ts). */
  adfLagSearchSize(lags: number): number;
  /** The ADF lag-search design's Gram matrix and nested Cholesky fits into `work`; 1 when every column is clearly of full rank, else 0. */
  adfLagCandidates(u: number, level: number, first: number, end: number, lags: number, work: number): number;
  /** One Ricker CWT row: `out[0..n)` from `x[0..n)` and the reversed wavelet `hr[0..N)`. */
  rickerRow(x: number, n: number, hr: number, N: number, out: number): void;
  /** Plain numeric CSV lines from `bytes[from..to)` into column-major `out` (kernels/csv-numbers.ts). */
  csvNumberRows(bytes: number, from: number, to: number, last: number, width: number, out: number, capacity: number, state: number): void;
  /** `width` doubles as CSV fields (`String(x)`, NaN empty) from `out`; returns the bytes written (kernels/shortest-decimal.ts). */
  formatRow(values: number, width: number, out: number, tables: number): number;
  /** numpy.fft.rfft of `x[0..n)` (unchanged; `work` 2n values) by the plan table `plan` (`nf` factors) into `re`, `im` (kernels/pocketfft-rfft.ts). */
  pocketfftRfft(x: number, work: number, n: number, plan: number, nf: number, re: number, im: number): void;
  /** The i32s of the ridge search's work region for `rows` CWT rows of `numCols` (kernels/spectral-ridge-lines.ts). */
  ridgeWorkSize(rows: number, numCols: number): number;
  /** Relative maxima of CWT rows `cwt[0..rows*numCols)` into the work region; returns their count. */
  cwtRowMaxima(cwt: number, rows: number, numCols: number, work: number): number;
  /** find_peaks_cwt's ridge lines of rows 0..n-1: (row, col) of each line of >= minLength points to `ends`; returns how many. */
  ridgeLineEnds(rows: number, numCols: number, work: number, n: number, minLength: number, ends: number): number;
  /** The float64s of a sliding-window k-smallest state for a row of n (kernels/spectral-noise-floor.ts). */
  windowStateSize(n: number, k: number): number;
  /** The k-smallest prefix/suffix tables of a NaN-free `row[0..n)` for blocks of `block` into `state`. */
  windowSmallestTables(row: number, n: number, block: number, k: number, state: number): void;
  /** The k smallest of `row[from..to)`, ascending, into the state's selected list; returns its pointer. */
  windowSmallestSelect(row: number, n: number, block: number, k: number, state: number, from: number, to: number): number;
  /** How many ridge-line ends pass find_peaks_cwt's SNR test against the noise floors of `row` (row 0 of `cwt`). */
  countSurvivingEnds(cwt: number, row: number, n: number, block: number, k: number, state: number, ends: number, endCount: number, windowSize: number): number;
  /** The complex FFT of `re`, `im` (in place) by the plan header `plan` (Stockham or Bluestein), in `work` (kernels/spectral-complex-fft.ts). */
  fftForward(re: number, im: number, work: number, plan: number): void;
  /** Welch's density of `x[0..n)` into `out` (nperseg/2+1 values); `work` 2 nperseg values + the FFT plan's work (kernels/spectral-welch.ts). */
  welchDensity(x: number, n: number, nperseg: number, window: number, scale: number, plan: number, work: number, out: number): void;
  /** `out[k] = x[k] / max(x)` for k < n (NaN max when some x is NaN). */
  divideByMax(x: number, n: number, out: number): void;
  /** fft_aggregated's [sum |X_k| (pairwise), sum k|X_k|, ..k^4] into `out`; |X_k| into `y` (kernels/spectral-spectrum-terms.ts). */
  spectrumMomentSums(re: number, im: number, K: number, y: number, out: number): void;
  /** fft_coefficient's real/imag/abs values for `count` i32 (coeff, attr) requests into `out` (NaN for angles and k >= K). */
  coefficientValues(re: number, im: number, K: number, coeffs: number, attrs: number, count: number, out: number): void;
  /** numpy's pairwise sum of the `n` float64s at `a` (kernels/stats-pairwise-sum.ts). */
  statsPairwiseSum(a: number, n: number): number;
  /** sum((a_i - mean)^2) of the `n` float64s at `a`, pairwise (`np.var`'s numerator; `squares`: n float64s of scratch). */
  statsSumSquaredDeviations(a: number, n: number, mean: number, squares: number): number;
  /** change_quantiles' corridor changes of `x` into `raw`, the means and variances of them and their magnitudes into `moments`; returns their count (kernels/stats-corridor-changes.ts). */
  corridorChanges(x: number, n: number, lower: number, upper: number, raw: number, moments: number): number;
  /** sum, m2, m3, m4, sum of squares, min, max, first/last argmin and argmax of `x` into `out[0..11)` (kernels/stats-series-summary.ts). */
  seriesSummary(x: number, n: number, scratch: number, out: number): void;
  /** #{i : |x_i - center| > limits[j]} for each of `k` limits into `counts` (float64s). */
  countBeyondLimits(x: number, n: number, center: number, limits: number, k: number, counts: number): void;
  /** countBeyondLimits of an ascending series (NaN last): two bisections per limit when the center is finite and no value NaN. */
  countBeyondLimitsSorted(sorted: number, n: number, center: number, limits: number, k: number, counts: number): void;
  /** permutation_entropy's pattern-count histograms of `x` for several dimensions; returns the float64s written to `out`, -1 on NaN (kernels/stats-permutation-patterns.ts). */
  permutationPatterns(x: number, n: number, tau: number, smallest: number, largest: number, countTables: number, work: number, histogram: number, out: number): number;
  /** The i32s of permutationPatterns' work region for n values. */
  permutationWorkSize(n: number): number;
  /** numpy's linspace(start, stop, num) into `out` (kernels/stats-equal-width-bins.ts). */
  linspace(out: number, start: number, stop: number, num: number): void;
  /** np.histogram(x, bins) counts (the first bins of 4 * bins i32s of work) and edges; -1 when a value is not finite. */
  histogramCounts(x: number, n: number, bins: number, counts: number, edges: number): number;
  /** np.histogram's range [min, max] (widened when constant) into `range` (2 float64s); -1 when a value is not finite. */
  histogramRange(x: number, n: number, range: number): number;
  /** np.histogram(x, bins) counts over a histogramRange range (counts: 4 * bins i32s of work) and edges. */
  histogramCountsInRange(x: number, n: number, bins: number, first: number, last: number, counts: number, edges: number): void;
  /** The float64s of lempelZivPhraseCounts' work region for n values and at most `largestBins` bins. */
  lempelZivWorkSize(n: number, largestBins: number): number;
  /** The LZ78 phrase counts of `x` binned into each of the `k` equal-width bin counts `binCounts` (float64s) into `out`; -1 on NaN. */
  lempelZivPhraseCounts(x: number, n: number, binCounts: number, k: number, work: number, out: number): number;
  /** The float64s of countPhrases' work region for n symbols of `alphabet`. */
  phraseWorkSize(n: number, alphabet: number): number;
  /** The LZ78 phrase count of the i32 symbols `symbols[0..n)` over 0..alphabet-1. */
  countPhrases(symbols: number, n: number, alphabet: number, work: number): number;
  /** The runs of equal values of the ascending `sorted` into `out[0..5)`: distinct, reoccurring values and points, their two pairwise sums (kernels/stats-value-runs.ts). */
  valueRuns(sorted: number, n: number, values: number, points: number, out: number): void;
  /** index_mass_quantile's first index reaching each of `k` quantiles `qs` into `first`; 0 when the mass is 0. */
  indexMassQuantiles(x: number, n: number, qs: number, k: number, absolute: number, shares: number, first: number): number;
  /** The float64s of `sortSeries`' work region for n values (kernels/stats-sort.ts). */
  sortWorkSize(n: number): number;
  /** `out[0..n)` = `x[0..n)` ascending as `Float64Array.prototype.sort()` orders it (-0 before +0, NaN last, canonical); `out` may be `x`. */
  sortSeries(x: number, n: number, out: number, work: number): void;
  /** The pairwise sum of c3's (kind 0) or time_reversal_asymmetry_statistic's (kind 1) n − 2·lag terms of `x` (`terms`: scratch) (kernels/stats-lagged-products.ts). */
  laggedProductSum(x: number, n: number, lag: number, kind: number, terms: number): number;
  /** benford_correlation's counts of the leading digits 1..9 of |x_i| (shortest decimal) into `counts` (9 float64s); `tables`: number-text.ts's `kernelPow10Tables()` (kernels/stats-leading-digits.ts). */
  leadingDigitCounts(x: number, n: number, tables: number, counts: number): void;
  /** #{i : x_i satisfies `kind`}: 0 crossings of level a, 1 a <= x_i < b, 2 x_i >= a, 3 x_i <= a, 4 x_i == a, 5 NaN (kernels/stats-threshold-counts.ts). */
  countMatching(x: number, n: number, kind: number, a: number, b: number): number;
  /** number_peaks' counts for the `k` ascending positive `supports` into `out`; `candidates`: n i32s of scratch. */
  peakCounts(x: number, n: number, supports: number, k: number, candidates: number, out: number): void;
  /** flags[i] = 1 (bytes) where `values[i]` is NaN, i < count; other flags unchanged (kernels/nan-flags.ts). */
  markNaN(values: number, count: number, flags: number): void;
}

/**
 * Where `npm run build:kernels` writes the module: the same path seen from this file under
 * src/util/ (tsx), dist/util/, and the `prodigy features` bundle in dist/bundles/.
 */
const MODULE_URL = new URL('../../dist/kernels.wasm', import.meta.url);

const PAGE = 65536;

class Kernels {
  readonly fn: KernelExports;
  private readonly memory: WasmMemory;
  private view: Float64Array;
  private bytes: Uint8Array;

  constructor() {
    if (!existsSync(MODULE_URL)) throw new Error(`the WebAssembly feature kernels are missing (${MODULE_URL.pathname}): run \`npm run build\``);
    const bytes = readFileSync(MODULE_URL);
    const instance = new webAssembly.Instance(new webAssembly.Module(bytes), {});
    this.fn = instance.exports as unknown as KernelExports;
    this.memory = instance.exports.memory as WasmMemory;
    this.view = new Float64Array(this.memory.buffer);
    this.bytes = new Uint8Array(this.memory.buffer);
  }

  /** The whole memory as float64s (index = pointer / 8). */
  get f64(): Float64Array {
    return this.view;
  }

  /** The whole memory as bytes (index = pointer). */
  get u8(): Uint8Array {
    return this.bytes;
  }

  /**
   * A new region of `count` float64s, past everything reserved before (the module itself
   * allocates nothing, so memory beyond its initial size is ours alone, and only this grows
   * it: the views are renewed here, the one place their buffer can detach).
   */
  reserve(count: number): number {
    const pointer = this.memory.buffer.byteLength;
    this.memory.grow(Math.ceil((count * 8) / PAGE));
    this.view = new Float64Array(this.memory.buffer);
    this.bytes = new Uint8Array(this.memory.buffer);
    return pointer;
  }
}

let instance: Kernels | undefined;

/** This thread's kernels module, instantiated on first use. */
export function kernels(): Kernels {
  return (instance ??= new Kernels());
}

/**
 * A float64 region of kernel memory that grows on demand: `pointer(count)` before a kernel
 * call, `view(count)` to read what it wrote. Growing moves the region; nothing is kept.
 */
export class KernelBuffer {
  private at = 0;
  private capacity = 0;

  /** The region's pointer, with room for at least `count` float64s. */
  pointer(count: number): number {
    if (count > this.capacity) {
      this.capacity = Math.max(count, 2 * this.capacity, 1024);
      this.at = kernels().reserve(this.capacity);
    }
    return this.at;
  }

  /** Copies `x` into the region and returns its pointer. */
  copyIn(x: Float64Array): number {
    const pointer = this.pointer(x.length);
    kernels().f64.set(x, pointer / 8);
    return pointer;
  }

  /** The last view handed out, and the memory view and length it was made for. */
  private lastView: Float64Array | null = null;
  private lastViewOf: Float64Array | null = null;

  /**
   * The first `count` values of the region (a view: copy before the next kernel call if kept).
   * The same count as last time, with the memory not grown since, returns the same view
   * object (the same memory): a kernel's output is read without allocating per call.
   */
  view(count: number): Float64Array {
    const start = this.pointer(count) / 8;
    const memory = kernels().f64;
    const last = this.lastView;
    if (last !== null && this.lastViewOf === memory && last.length === count && last.byteOffset === start * 8) return last;
    const view = memory.subarray(start, start + count);
    this.lastView = view;
    this.lastViewOf = memory;
    return view;
  }
}
