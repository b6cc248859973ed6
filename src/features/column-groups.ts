/**
 * Feature column names in the factored form a plan makes them: a kind, the names' tails of its
 * calculator block (`kind + tail`, feature-names.ts's featureNameTail; one array shared by every
 * kind of the block) and the runs of those columns kept. An `efficient` extraction of 100
 * metrics has ~78,000 names of ~58 characters: building them costs ~10 ms, so the extraction
 * hands them over in this form and names them only when asked (the CLI never asks: the CSV
 * header is written from the groups, feature-header.ts).
 */
import { runsWidth, selectRuns, type ColumnRuns } from './value-columns.js';

/** Columns `kind + tails[i]` for each i in `runs`, in order. */
export interface ColumnGroup {
  readonly kind: string;
  readonly tails: readonly string[];
  readonly runs: ColumnRuns;
}

/** The names of `groups`, in order. */
export function groupColumnNames(groups: readonly ColumnGroup[]): string[] {
  return ([] as string[]).concat(...groups.map((g) => selectRuns(g.tails, g.runs).map((tail) => g.kind + tail)));
}

/** How many columns `groups` hold. */
export function groupsWidth(groups: readonly ColumnGroup[]): number {
  let width = 0;
  for (const group of groups) width += runsWidth(group.runs);
  return width;
}

/** The name of column `c` of `groups` (0 <= c < groupsWidth(groups)). */
export function groupColumnName(groups: readonly ColumnGroup[], c: number): string {
  let rest = c;
  for (const { kind, tails, runs } of groups) {
    for (let k = 0; k < runs.length; k += 2) {
      const length = runs[k + 1]! - runs[k]!;
      if (rest < length) return kind + tails[runs[k]! + rest]!;
      rest -= length;
    }
  }
  throw new RangeError(`groupColumnName: column ${c} is past the ${c - rest} columns of the groups`);
}
