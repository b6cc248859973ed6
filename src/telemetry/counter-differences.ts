/**
 * A cumulative counter sampled at times t[0..m) turned into one value per interval:
 * d[i-1] = x[i] - x[i-1] for i = 1..m-1 (mode `difference`, what the original did), or that
 * difference divided by t[i] - t[i-1] (mode `rate`, per second).
 *
 * A counter that goes backwards (a negative difference) was reset (reboot, driver reload,
 * wrap-around) or glitched (the kernel's idle/iowait accounting is known to step back a
 * little). Its true increase over that interval is unknown, so the interval is marked missing
 * and filled by linear interpolation between its neighbouring intervals (in time; the nearest
 * valid interval at an edge). A reset therefore never yields a negative rate, nor the huge
 * spike that "count from zero" would give after a glitch. If every interval went backwards the
 * differences are all 0. Missing input values must be interpolated before (see
 * `interpolate.ts`).
 */
import { interpolateGaps } from './interpolate.js';

/** How a counter becomes a per-interval value. */
export type CounterMode = 'difference' | 'rate';

/** Per-interval values of counter `x` at times `t`, and how many intervals went backwards. */
export function counterDifferences(
  t: ArrayLike<number>,
  x: ArrayLike<number>,
  mode: CounterMode = 'difference',
): { values: Float64Array; resets: number } {
  const m = x.length;
  const values = new Float64Array(Math.max(0, m - 1));
  const times = new Float64Array(values.length);
  let resets = 0;
  for (let i = 1; i < m; i++) {
    let d = x[i]! - x[i - 1]!;
    if (d < 0) {
      resets++;
      d = NaN;
    } else if (mode === 'rate') d /= t[i]! - t[i - 1]!;
    values[i - 1] = d;
    times[i - 1] = t[i]!;
  }
  if (resets > 0) {
    if (resets === values.length) values.fill(0);
    else interpolateGaps(times, values);
  }
  return { values, resets };
}
