/**
 * Column operations on a row-major matrix of feature values (`values[r * width + c]`), shared
 * by FeatureMatrix and the extraction (which runs without FeatureMatrix's arquero import).
 * Columns go in runs of consecutive indices, each copied natively, and NaN is found by a
 * WebAssembly kernel: an `efficient` extraction's matrix has ~1.2 M values, and a one-off
 * JavaScript loop over them runs mostly unoptimised (~15 ns per value).
 */
import { KernelBuffer, kernels } from '../util/wasm-kernels.js';

/** Runs of columns, `[start0, end0, start1, end1, ...]` (each end exclusive). */
export type ColumnRuns = readonly number[];

/** The runs of consecutive indices in `indices`, in its order: [0, 1, 2, 4] gives [0, 3, 4, 5]. */
function indexRuns(indices: readonly number[]): number[] {
  const runs: number[] = [];
  for (let j = 0; j < indices.length; ) {
    let end = j + 1;
    while (end < indices.length && indices[end] === indices[end - 1]! + 1) end++;
    runs.push(indices[j]!, indices[end - 1]! + 1);
    j = end;
  }
  return runs;
}

/** The columns in `runs`, in order. */
function runIndices(runs: ColumnRuns): number[] {
  const indices: number[] = [];
  for (let k = 0; k < runs.length; k += 2) for (let c = runs[k]!; c < runs[k + 1]!; c++) indices.push(c);
  return indices;
}

/** The width of `runs`: how many columns they hold. */
export function runsWidth(runs: ColumnRuns): number {
  let width = 0;
  for (let k = 0; k < runs.length; k += 2) width += runs[k + 1]! - runs[k]!;
  return width;
}

/**
 * A new row-major array with only the columns in `runs`, in that order; with `shared`, in a
 * SharedArrayBuffer (so that workers can read it without a copy).
 */
export function selectColumnRuns(values: Float64Array, rows: number, width: number, runs: ColumnRuns, shared = false): Float64Array {
  const kept = runsWidth(runs);
  const length = rows * kept;
  const out = shared ? new Float64Array(new SharedArrayBuffer(Math.max(1, length) * 8)).subarray(0, length) : new Float64Array(length);
  for (let r = 0; r < rows; r++) {
    let to = r * kept;
    for (let k = 0; k < runs.length; k += 2) {
      const start = r * width + runs[k]!;
      const end = r * width + runs[k + 1]!;
      if (end - start === 1) out[to] = values[start]!;
      else out.set(values.subarray(start, end), to);
      to += end - start;
    }
  }
  return out;
}

/**
 * Keeps only the columns in `runs` (ascending, as {@link unflaggedRuns} gives them) by moving
 * them forward within `values` itself; returns the view of the compacted matrix at its start.
 */
export function compactColumnRuns(values: Float64Array, rows: number, width: number, runs: ColumnRuns): Float64Array {
  for (let k = 2; k < runs.length; k += 2) if (runs[k]! < runs[k - 1]!) throw new Error('compactColumnRuns: the runs must ascend');
  const kept = runsWidth(runs);
  let to = 0;
  for (let r = 0; r < rows; r++) {
    for (let k = 0; k < runs.length; k += 2) {
      const start = r * width + runs[k]!;
      const end = r * width + runs[k + 1]!;
      // every destination is at or before its source: a forward move never overwrites what is still to move
      if (to !== start) values.copyWithin(to, start, end);
      to += end - start;
    }
  }
  return values.subarray(0, rows * kept);
}

/**
 * A new row-major array with only the columns at `indices`, in that order (repeats allowed);
 * with `shared`, in a SharedArrayBuffer.
 */
export function selectValueColumns(values: Float64Array, rows: number, width: number, indices: readonly number[], shared = false): Float64Array {
  return selectColumnRuns(values, rows, width, indexRuns(indices), shared);
}

/** Values per kernel call (the row pieces copied into kernel memory). */
const BLOCK = 1 << 15;
const block = new KernelBuffer();
const flagBytes = new KernelBuffer();

/** 1 for each column that holds a NaN in any row (infinite values do not count), else 0. */
export function nanColumnFlags(values: Float64Array, width: number): Uint8Array {
  const k = kernels();
  const flags = flagBytes.pointer(Math.ceil(width / 8) + 1);
  const pointer = block.pointer(Math.min(BLOCK, Math.max(1, width)));
  k.u8.fill(0, flags, flags + width);
  for (let row = 0; row + width <= values.length && width > 0; row += width) {
    for (let c = 0; c < width; c += BLOCK) {
      const count = Math.min(BLOCK, width - c);
      k.f64.set(values.subarray(row + c, row + c + count), pointer / 8);
      k.fn.markNaN(pointer, count, flags + c);
    }
  }
  return k.u8.slice(flags, flags + width);
}

/** The runs of columns whose flag is 0. */
export function unflaggedRuns(flags: Uint8Array): number[] {
  const runs: number[] = [];
  for (let start = 0; start < flags.length; ) {
    const flagged = flags.indexOf(1, start);
    const end = flagged < 0 ? flags.length : flagged;
    if (end > start) runs.push(start, end);
    if (flagged < 0) break;
    start = flagged + 1;
  }
  return runs;
}

/** The indices of the flagged columns (flag 1), ascending. */
export function flaggedColumns(flags: Uint8Array): number[] {
  const flagged: number[] = [];
  for (let c = flags.indexOf(1); c >= 0; c = flags.indexOf(1, c + 1)) flagged.push(c);
  return flagged;
}

/** The items of `items` in `runs`, in order (e.g. the names of the columns kept). */
export function selectRuns<T>(items: readonly T[], runs: ColumnRuns): T[] {
  const parts: T[][] = [];
  for (let k = 0; k < runs.length; k += 2) parts.push(items.slice(runs[k], runs[k + 1]));
  return ([] as T[]).concat(...parts);
}

/**
 * The columns that hold a NaN in any row (pandas' `dropna(axis=1)` drops them; infinite values
 * do not count) and the others, both in column order.
 */
export function splitNaNColumns(values: Float64Array, width: number): { keep: number[]; withNaN: number[] } {
  const flags = nanColumnFlags(values, width);
  return { keep: runIndices(unflaggedRuns(flags)), withNaN: flaggedColumns(flags) };
}
