/**
 * A pandas DataFrame as read from HDF5, before any Prodigy meaning is given to its columns:
 * its columns in frame order, each with pandas' dtype name and its values.
 */
import type { PickleValue } from './python-pickle.js';

/** The two on-disk layouts of `DataFrame.to_hdf`: `fixed` (the default) and `table`. */
export type PandasLayout = 'fixed' | 'table';

/** One column of a frame. */
export interface PandasColumn {
  readonly name: string;
  /**
   * pandas' dtype name: `float64`, `float32`, `int64`, `int32`, `uint8`, `bool`, ...,
   * `datetime64[ns]`, `object` (Python objects: a fixed-layout object block) or `bytes`
   * (fixed-width strings: a table-layout string column).
   */
  readonly dtype: string;
  /**
   * Numeric and boolean columns: the values as doubles (int64 rounded to the nearest double, as
   * numpy's `astype(float)` does). `datetime64[ns]`: unix seconds (microsecond resolution). Object
   * and bytes columns: the Python values (strings, numbers, null for None/NaN).
   */
  readonly values: Float64Array | readonly PickleValue[];
}

/** A DataFrame read from one key of a pandas HDF5 file. */
export interface PandasFrame {
  /** The file it was read from. */
  readonly file: string;
  /** The key (HDF5 group path), e.g. `/data`. */
  readonly key: string;
  readonly layout: PandasLayout;
  readonly rows: number;
  /** Columns in frame order (`df.columns`). */
  readonly columns: readonly PandasColumn[];
}

/** Nanoseconds (datetime64[ns]) to unix seconds, rounded to the microsecond. */
export function nanosecondsToSeconds(ns: number | bigint): number {
  if (typeof ns === 'bigint') {
    const whole = ns / 1_000_000_000n;
    const rest = ns - whole * 1_000_000_000n;
    return Number(whole) + Math.round(Number(rest) / 1000) / 1e6;
  }
  return Math.round(ns / 1000) / 1e6;
}

/** pandas' NaT: the smallest int64. */
export const NAT = -(2n ** 63n);
