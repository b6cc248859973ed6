/**
 * scipy.signal.find_peaks_cwt with its defaults, as tsfresh's number_cwt_peaks calls it
 * (widths 1..n, the Ricker wavelet, max_distances = widths/4, gap_thresh = ceil(widths[0]),
 * min_length = ceil(len(widths)/4), window_size = ceil(len(x)/20), min_snr = 1,
 * noise_perc = 10). The algorithm (Du, Kibbe & Lin 2006, as scipy implements it):
 *
 * 1. CWT rows for every width (ricker-cwt.ts).
 * 2. Relative maxima of every row: strictly greater than both neighbours; the end points never
 *    count (scipy's _boolrelextrema with mode='clip').
 * 3. Ridge lines, from the widest row that has a maximum down to row 0. Each line remembers
 *    its last column and a gap counter. At each row every counter grows by one; then each
 *    maximum of the row (left to right) joins the line whose last column *as it was at the
 *    start of the row* is nearest (the lowest-numbered line on ties), if that distance is
 *    <= max_distances[row] (a line may take several maxima of one row), else it starts a
 *    new line; joining resets the counter. After the row, lines whose counter exceeds
 *    gap_thresh are closed.
 * 4. A line survives if it has at least min_length points (repeats within a row count) and
 *    |cwt[r, c]| / noise[c] >= min_snr at its lowest point (r, c) (the point added last),
 *    where noise[c] is scipy.stats.scoreatpercentile(row 0 over the window of window_size
 *    columns around c, 10). A zero noise gives inf or NaN, and NaN < 1 is false in
 *    Python, so such lines survive (tsfresh's constant series rely on this).
 *
 * The peaks are the surviving lines' lowest columns; tsfresh counts them.
 */
import { KernelBuffer, kernels } from '../../../util/wasm-kernels.js';
import { WindowSmallest } from './window-smallest.js';

/** A ridge line reduced to what the filter needs. */
interface RidgeLine {
  length: number;
  lastRow: number;
  lastCol: number;
  gap: number;
}

/** Columns 1..n-2 of `row` strictly greater than both neighbours, ascending. */
export function relativeMaxima(row: Float64Array): number[] {
  const cols: number[] = [];
  for (let c = 1; c + 1 < row.length; c++) {
    const v = row[c]!;
    if (v > row[c - 1]! && v > row[c + 1]!) cols.push(c);
  }
  return cols;
}

/**
 * scipy.stats.scoreatpercentile(sorted[0..m), per) with the default 'fraction' interpolation:
 * idx = per/100 * (m-1), i = floor(idx), and
 * (v[i] * (i+1-idx) + v[i+1] * (idx-i)) / ((i+1-idx) + (idx-i)), or v[i] when idx is whole.
 */
function percentileOfSorted(sorted: Float64Array, m: number, per: number): number {
  const idx = (per / 100) * (m - 1);
  const i = Math.trunc(idx);
  if (i === idx) return sorted[i]!;
  const w0 = i + 1 - idx;
  const w1 = idx - i;
  return (sorted[i]! * w0 + sorted[i + 1]! * w1) / (w0 + w1);
}

/** scipy.stats.scoreatpercentile(values, per). */
export function scoreAtPercentile(values: Float64Array, per: number): number {
  return percentileOfSorted(Float64Array.from(values).sort(), values.length, per);
}

/** Orders like Float64Array.prototype.sort: NaN after every number. */
function before(a: number, b: number): boolean {
  return a < b || (b !== b && a === a);
}

/**
 * scipy's noise floor at column c: scoreatpercentile(row[max(c-h, 0) : min(c+h+odd, n)], per)
 * with h, odd = divmod(windowSize, 2). Only the two order statistics the percentile reads are
 * needed (for per = 10, about the 10% smallest of the window), so they are selected in one pass
 * over the window into `smallest` (a sorted buffer of the k smallest values, k = index + 2)
 * instead of sorting it: the same values, so the same result as sorting.
 */
export function windowPercentile(row: Float64Array, c: number, windowSize: number, per: number, smallest: Float64Array = new Float64Array(windowSize + 1)): number {
  const n = row.length;
  const half = Math.floor(windowSize / 2);
  const from = Math.max(c - half, 0);
  const to = Math.min(c + half + (windowSize % 2), n);
  const m = to - from;
  const idx = (per / 100) * (m - 1);
  const k = Math.min(m, Math.trunc(idx) + 2);
  let count = 0;
  for (let p = from; p < to; p++) {
    const v = row[p]!;
    if (count === k && !before(v, smallest[k - 1]!)) continue;
    let b = count < k ? count++ : k - 1;
    while (b > 0 && before(v, smallest[b - 1]!)) {
      smallest[b] = smallest[b - 1]!;
      b--;
    }
    smallest[b] = v;
  }
  return percentileOfSorted(smallest, m, per);
}

/**
 * How many of a window's smallest values its `per` percentile reads, for the widest window
 * (`windowSize` values): idx = per/100 * (m - 1) reads sorted[floor(idx)] and the next one.
 * Narrower windows read no more.
 */
export function percentileSmallestCount(windowSize: number, per: number): number {
  return Math.min(windowSize, Math.trunc((per / 100) * (windowSize - 1)) + 2);
}

/**
 * {@link windowPercentile} for a row without NaN, from its prepared {@link WindowSmallest}
 * tables (k at least the window's k): the same order statistics, so the same noise floor, up to
 * the sign of a zero, which |cwt / noise| does not see. The windows of neighbouring ridge ends
 * overlap by most of their columns, and the tables share that work (~3x fewer comparisons).
 */
export function tabledWindowPercentile(windows: WindowSmallest, n: number, c: number, windowSize: number, per: number, smallest: Float64Array): number {
  const half = Math.floor(windowSize / 2);
  const from = Math.max(c - half, 0);
  const to = Math.min(c + half + (windowSize % 2), n);
  windows.select(from, to, smallest);
  return percentileOfSorted(smallest, to - from, per);
}

/** The noise floor (windowPercentile) of every column of `row`. */
export function slidingPercentile(row: Float64Array, windowSize: number, per: number): Float64Array {
  const noise = new Float64Array(row.length);
  const smallest = new Float64Array(windowSize + 1);
  for (let c = 0; c < row.length; c++) noise[c] = windowPercentile(row, c, windowSize, per, smallest);
  return noise;
}

/** Noise floors of row 0 computed so far for a series (the same for every parameter set). */
interface NoiseFloors {
  readonly value: Float64Array;
  readonly known: Uint8Array;
  readonly smallest: Float64Array;
}

const noiseCache = new WeakMap<Float64Array, NoiseFloors>();
const maximaCache = new WeakMap<Float64Array, number[]>();

/** relativeMaxima(row), remembered per row array (parameter sets share the rows). */
function rowMaxima(row: Float64Array): number[] {
  let cols = maximaCache.get(row);
  if (!cols) {
    cols = relativeMaxima(row);
    maximaCache.set(row, cols);
  }
  return cols;
}

/**
 * The line to extend from a maximum at column `col`: the lowest line index at the smallest
 * distance d <= `reach` from `col` (numpy.argmin takes the lowest index among ties), or -1.
 * `lowestLineAt[c]` is the lowest index of a line whose last column is c, -1 for none.
 */
function nearestLine(lowestLineAt: Int32Array, col: number, reach: number, numCols: number): number {
  for (let d = 0; d <= reach && d < numCols; d++) {
    const left = col - d >= 0 ? lowestLineAt[col - d]! : -1;
    const right = d > 0 && col + d < numCols ? lowestLineAt[col + d]! : -1;
    if (left >= 0 || right >= 0) return left < 0 ? right : right < 0 ? left : Math.min(left, right);
  }
  return -1;
}

/** Step 3: the ridge lines through the relative maxima of the rows `cwt`. */
export function identifyRidgeLines(maxima: readonly number[][], numCols: number, maxDistances: readonly number[], gapThresh: number): RidgeLine[] {
  let startRow = -1;
  for (let r = maxima.length - 1; r >= 0; r--) {
    if (maxima[r]!.length > 0) {
      startRow = r;
      break;
    }
  }
  if (startRow < 0) return [];
  let lines: RidgeLine[] = maxima[startRow]!.map((c) => ({ length: 1, lastRow: startRow, lastCol: c, gap: 0 }));
  const finished: RidgeLine[] = [];
  // lowestLineAt[c]: the lowest index of a line whose last column was c at the row's start.
  const lowestLineAt = new Int32Array(numCols).fill(-1);
  for (let row = startRow - 1; row >= 0; row--) {
    for (const line of lines) line.gap += 1;
    const snapshot = lines.length;
    const touched: number[] = [];
    for (let i = snapshot - 1; i >= 0; i--) {
      const c = lines[i]!.lastCol;
      if (lowestLineAt[c] === -1) touched.push(c);
      lowestLineAt[c] = i;
    }
    const reach = maxDistances[row]!;
    for (const col of maxima[row]!) {
      const found = nearestLine(lowestLineAt, col, reach, numCols);
      if (found >= 0) {
        const line = lines[found]!;
        line.length += 1;
        line.lastRow = row;
        line.lastCol = col;
        line.gap = 0;
      } else {
        lines.push({ length: 1, lastRow: row, lastCol: col, gap: 0 });
      }
    }
    for (const c of touched) lowestLineAt[c] = -1;
    const kept: RidgeLine[] = [];
    for (const line of lines) (line.gap > gapThresh ? finished : kept).push(line);
    lines = kept;
  }
  return finished.concat(lines);
}

/**
 * The peak columns (ascending) that scipy.signal.find_peaks_cwt finds in the CWT `rows`
 * (row i for widths[i]), with scipy's default thresholds.
 */
export function findPeaksCwt(rows: readonly Float64Array[], widths: readonly number[]): number[] {
  if (rows.length === 0) return [];
  const numCols = rows[0]!.length;
  const maxima = rows.map(rowMaxima);
  const lines = identifyRidgeLines(
    maxima,
    numCols,
    widths.map((w) => w / 4),
    Math.ceil(widths[0]!),
  );
  const minLength = Math.ceil(rows.length / 4);
  const windowSize = Math.ceil(numCols / 20);
  const rowOne = rows[0]!;
  // The noise floor depends only on row 0 and the window, so parameter sets share it; only
  // the columns where a long enough line ends need it.
  let noises = noiseCache.get(rowOne);
  if (!noises) {
    noises = { value: new Float64Array(numCols), known: new Uint8Array(numCols), smallest: new Float64Array(windowSize + 1) };
    noiseCache.set(rowOne, noises);
  }
  const peaks: number[] = [];
  for (const line of lines) {
    if (line.length < minLength) continue;
    const col = line.lastCol;
    if (!noises.known[col]) {
      noises.value[col] = windowPercentile(rowOne, col, windowSize, 10, noises.smallest);
      noises.known[col] = 1;
    }
    const noise = noises.value[col]!;
    const snr = Math.abs(rows[line.lastRow]![col]! / noise);
    if (snr < 1) continue; // NaN passes, as in Python
    peaks.push(col);
  }
  return peaks.sort((a, b) => a - b);
}

/**
 * Noise floors of a row 0 with NaN, found at most once per column per series (rows without
 * NaN use the tables of {@link WindowSmallest}, in WebAssembly).
 */
class NoiseScratch {
  noise = new Float64Array(0);
  /** noiseEpoch[c] === epoch: noise[c] holds this call's value. */
  noiseEpoch = new Int32Array(0);
  epoch = 0;
  smallest = new Float64Array(0);

  /** Room for `numCols` columns and windows of `windowSize`; a new epoch (no floor known). */
  prepare(numCols: number, windowSize: number): void {
    if (this.noise.length < numCols) {
      this.noise = new Float64Array(numCols);
      this.noiseEpoch = new Int32Array(numCols);
    }
    if (this.smallest.length < windowSize + 1) this.smallest = new Float64Array(windowSize + 1);
    if (++this.epoch === 0x7fffffff) {
      this.epoch = 1;
      this.noiseEpoch.fill(0);
    }
  }
}

const scratch = new NoiseScratch();
/** The k smallest of every window of row 0 (NaN-free rows), for the noise floors. */
const windows = new WindowSmallest();
/** The CWT rows, the ridge search's integer work arrays and the ends it reports, in kernel memory. */
const cwtRegion = new KernelBuffer();
const ridgeWork = new KernelBuffer();
const lineEnds = new KernelBuffer();

/**
 * `findPeaksCwt(rows, widths).length` for widths 1, 2, ..., each n of `ns`, from the CWT rows
 * laid out flat (`cwt[(a - 1) * numCols + c]` for width a, a up to max(ns)): the same steps
 * without building the peak list, in WebAssembly (kernels/spectral-ridge-lines.ts,
 * spectral-noise-floor.ts). The relative maxima of the rows are found once for all n; per n
 * the ridge search reports where each line of at least min_length points ends, and the ends
 * are tested against the noise floors of row 0, each floor found once for all n. A row 0 with
 * NaN takes its floors from {@link windowPercentile} here instead.
 */
export function countPeaksCwt(cwt: Float64Array, numCols: number, ns: readonly number[], out: Float64Array, offset: number): void {
  let rows = 0;
  for (const n of ns) rows = Math.max(rows, n);
  countPeaksCwtInKernel(cwtRegion.copyIn(cwt.subarray(0, rows * numCols)), numCols, ns, out, offset);
}

/**
 * {@link countPeaksCwt} with the CWT rows (max(ns) rows of `numCols`) already in kernel memory
 * at byte pointer `cwtPointer` (ricker-cwt.ts's rickerCwtRowsInKernel writes them there).
 */
export function countPeaksCwtInKernel(cwtPointer: number, numCols: number, ns: readonly number[], out: Float64Array, offset: number): void {
  let rows = 0;
  for (const n of ns) rows = Math.max(rows, n);
  const k = kernels();
  const work = ridgeWork.pointer(Math.ceil(k.fn.ridgeWorkSize(rows, numCols) / 2));
  const ends = lineEnds.pointer(Math.max(2, 2 * rows * numCols));
  k.fn.cwtRowMaxima(cwtPointer, rows, numCols, work);
  const windowSize = Math.ceil(numCols / 20);
  const finite = numCols > 0 && !k.fn.hasNaN(cwtPointer, numCols);
  if (finite) windows.resetInKernel(cwtPointer, numCols, windowSize, percentileSmallestCount(windowSize, 10));
  else scratch.prepare(numCols, windowSize);
  // the rows as a view, for the NaN path (kernel memory grows no more below)
  const cwt = k.f64.subarray(cwtPointer / 8, cwtPointer / 8 + rows * numCols);
  const rowOne = cwt.subarray(0, numCols);
  for (let i = 0; i < ns.length; i++) {
    const n = ns[i]!;
    const endCount = k.fn.ridgeLineEnds(rows, numCols, work, n, Math.ceil(n / 4), ends);
    out[offset + i] = finite ? windows.countSurvivingEnds(cwtPointer, ends, endCount, windowSize) : countSurvivorsWithNaN(cwt, rowOne, k.f64, ends / 8, endCount, windowSize);
  }
}

/**
 * How many of the `endCount` ridge-line ends ((row, col) pairs at memory[at..]) pass the
 * signal-to-noise test |cwt[row, col]| / noise[col] >= 1 (NaN passes, as in Python) when row 0
 * holds NaN: noise[col] = windowPercentile, which orders NaN last as a sort does.
 */
function countSurvivorsWithNaN(cwt: Float64Array, rowOne: Float64Array, memory: Float64Array, at: number, endCount: number, windowSize: number): number {
  const s = scratch;
  const numCols = rowOne.length;
  let count = 0;
  for (let e = 0; e < endCount; e++, at += 2) {
    const row = memory[at]!;
    const col = memory[at + 1]!;
    if (s.noiseEpoch[col] !== s.epoch) {
      s.noise[col] = windowPercentile(rowOne, col, windowSize, 10, s.smallest);
      s.noiseEpoch[col] = s.epoch;
    }
    const snr = Math.abs(cwt[row * numCols + col]! / s.noise[col]!);
    if (!(snr < 1)) count++;
  }
  return count;
}
