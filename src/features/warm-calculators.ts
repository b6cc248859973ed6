/**
 * How many series each calculator has run in this thread, across extractions: once a calculator
 * has run on about {@link WARM_SERIES} series, V8 has compiled its code in this thread's isolate
 * and it runs at full speed here (its first series are ~30x slower; see work-groups.ts). The
 * parallel extraction uses this to decide whether a thread that has finished its own calculator
 * group should take another group's last units: only when it would not run them cold.
 */

/** Series after which a calculator counts as compiled in this thread (measured: the first ~100 of 600 points are slow). */
export const WARM_SERIES = 100;

const seriesRun = new Map<string, number>();

/** Counts `series` more series run by each calculator of `names` in this thread. */
export function noteSeriesRun(names: readonly string[], series: number): void {
  for (const name of names) seriesRun.set(name, (seriesRun.get(name) ?? 0) + series);
}

/** Whether every calculator of `names` has run on at least {@link WARM_SERIES} series in this thread. */
export function allWarm(names: readonly string[]): boolean {
  for (const name of names) if ((seriesRun.get(name) ?? 0) < WARM_SERIES) return false;
  return true;
}
