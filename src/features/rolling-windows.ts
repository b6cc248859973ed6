/**
 * Rolling windows exactly as tsfresh 0.20.3's `roll_time_series` cuts them.
 *
 * Let P be the length of the longest sample in the whole table (tsfresh's `prediction_steps`),
 * a = |rolling_direction|, M = max_timeshift (default P) and m = min_timeshift (default 0).
 * Positions are 0-based, windows half-open `[start, end)`.
 *
 * - rolling_direction > 0: the window ends t = P, P - a, P - 2a, ... (> 0) are taken in
 *   ascending order; for a sample of length L each t <= L gives the window
 *   `[max(t - M - 1, 0), t)`. tsfresh names it by the timestamp of its last row.
 * - rolling_direction < 0: the window starts s = 0, a, 2a, ... (< P) give
 *   `[s, min(s + M + 1, L))`. tsfresh names it by the timestamp of its first row.
 *
 * Windows shorter than m + 1 rows are dropped. Note that a full window has M + 1 rows (tsfresh
 * counts the time *shift*, not the length): the original's max_timeshift = min_timeshift = 60
 * with rolling_direction = 15 gives windows of 61 rows whose ends are 15 rows apart, aligned
 * from the end of the longest sample.
 */

export interface RollingOptions {
  /** tsfresh's rolling_direction: the step between windows; its sign is the direction. */
  rollingDirection: number;
  /** tsfresh's max_timeshift: a window has at most maxTimeshift + 1 rows (default: no limit). */
  maxTimeshift?: number;
  /** tsfresh's min_timeshift: windows with fewer than minTimeshift + 1 rows are dropped (default 0). */
  minTimeshift?: number;
}

/** The windows of all samples: window w is rows `[start[w], end[w])` of sample `sample[w]`. */
export interface WindowList {
  readonly sample: Int32Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** The row tsfresh names the window by (its last row rolling forward, first row backward). */
  readonly labelRow: Int32Array;
}

/** Checks the options as tsfresh does and throws a clear error when they are invalid. */
export function validateRollingOptions(options: RollingOptions): void {
  const { rollingDirection, maxTimeshift, minTimeshift } = options;
  if (!Number.isInteger(rollingDirection) || rollingDirection === 0) throw new Error(`rolling direction (shift) must be a non-zero integer, got ${rollingDirection}`);
  if (maxTimeshift !== undefined && (!Number.isInteger(maxTimeshift) || maxTimeshift <= 0)) throw new Error(`max_timeshift (window) must be a positive integer, got ${maxTimeshift}`);
  if (minTimeshift !== undefined && (!Number.isInteger(minTimeshift) || minTimeshift < 0)) throw new Error(`min_timeshift must be an integer >= 0, got ${minTimeshift}`);
}

/** The windows tsfresh's roll_time_series gives for samples of the given lengths (see above). */
export function rollingWindows(lengths: ArrayLike<number>, options: RollingOptions): WindowList {
  validateRollingOptions(options);
  let longest = 0;
  for (let i = 0; i < lengths.length; i++) longest = Math.max(longest, lengths[i]!);
  const step = Math.abs(options.rollingDirection);
  const maxShift = options.maxTimeshift ?? longest;
  const minRows = (options.minTimeshift ?? 0) + 1;
  const sample: number[] = [];
  const start: number[] = [];
  const end: number[] = [];
  const labelRow: number[] = [];
  const ends: number[] = [];
  for (let t = longest; t > 0; t -= step) ends.push(t);
  ends.reverse();
  for (let s = 0; s < lengths.length; s++) {
    const length = lengths[s]!;
    if (options.rollingDirection > 0) {
      for (const t of ends) {
        if (t > length) break;
        const from = Math.max(t - maxShift - 1, 0);
        if (t - from < minRows) continue;
        sample.push(s);
        start.push(from);
        end.push(t);
        labelRow.push(t - 1);
      }
    } else {
      for (let from = 0; from < longest; from += step) {
        const until = Math.min(from + maxShift + 1, length);
        if (until - from < minRows) continue;
        sample.push(s);
        start.push(from);
        end.push(until);
        labelRow.push(from);
      }
    }
  }
  return { sample: Int32Array.from(sample), start: Int32Array.from(start), end: Int32Array.from(end), labelRow: Int32Array.from(labelRow) };
}
