import { KernelBuffer, kernels } from '../../../util/wasm-kernels.js';

/**
 * The k smallest values of sliding windows of one row, for many windows at once.
 *
 * The row is cut into blocks of B columns (the longest window). For every column p the table
 * `prefix` holds the k smallest values (ascending) of its block from the block's start up to
 * p, and `suffix` those from p to the block's end, each built from its neighbour's by one
 * insertion. A window of at most B columns lies in at most two neighbouring blocks, so its k
 * smallest are the k smallest of the first block's suffix list and the second block's prefix
 * list: one merge of two sorted lists of k, instead of a selection over the whole window
 * (find-peaks-cwt.ts asks this for the noise floor around every ridge line's end).
 *
 * The rows must hold no NaN (the order is `<`). Lists shorter than k are padded with
 * +Infinity, so for a window of m < k values only the first m entries are its values. Equal
 * values may come from different columns than a sort would take them, which only matters for
 * the sign of a zero.
 *
 * The tables, the selection and the noise floors built on them run in WebAssembly
 * (kernels/spectral-noise-floor.ts); the tables live in kernel memory, in `state`.
 */

export class WindowSmallest {
  private readonly rowRegion = new KernelBuffer();
  private readonly stateRegion = new KernelBuffer();
  private rowAt = 0;
  private n = 0;
  private block = 1;
  private k = 1;

  /**
   * Builds the tables for `row` (no NaN), windows of at most `block` columns and their `k`
   * smallest values: O(n k) work, done once per row. Forgets the noise floors of the last row.
   */
  reset(row: Float64Array, block: number, k: number): void {
    this.resetInKernel(this.rowRegion.copyIn(row), row.length, block, k);
  }

  /**
   * {@link reset} for a row of n values already in kernel memory at byte pointer `rowAt`
   * (kept there, unchanged, while the tables are used).
   */
  resetInKernel(rowAt: number, n: number, block: number, k: number): void {
    this.rowAt = rowAt;
    this.n = n;
    this.block = Math.max(1, block);
    this.k = Math.max(1, k);
    const fn = kernels().fn;
    const state = this.stateRegion.pointer(Math.max(1, fn.windowStateSize(this.n, this.k)));
    fn.windowSmallestTables(rowAt, this.n, this.block, this.k, state);
  }

  /**
   * Writes the k smallest values of `row[from, to)` (1 <= to - from; fast when to - from <=
   * block), ascending, into `out[0, k)`.
   */
  select(from: number, to: number, out: Float64Array): void {
    const k = kernels();
    const selected = k.fn.windowSmallestSelect(this.rowAt, this.n, this.block, this.k, this.stateRegion.pointer(0), from, to);
    out.set(k.f64.subarray(selected / 8, selected / 8 + this.k));
  }

  /**
   * How many ridge-line ends (`ends`: (row, col) float64 pairs in kernel memory) pass
   * find_peaks_cwt's signal-to-noise test against this row's noise floors (the 10th percentile
   * of windows of `windowSize` <= block columns around col, each column's found once per row),
   * with the CWT rows (n columns each) at `cwt` in kernel memory.
   */
  countSurvivingEnds(cwt: number, ends: number, endCount: number, windowSize: number): number {
    return kernels().fn.countSurvivingEnds(cwt, this.rowAt, this.n, this.block, this.k, this.stateRegion.pointer(0), ends, endCount, windowSize);
  }
}
