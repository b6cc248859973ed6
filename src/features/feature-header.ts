/**
 * The features CSV header line: every column name as util/csv.ts's formatCsvCell writes it
 * (quoted when it holds `"`, `,`, CR or LF or starts or ends with white space; quotes doubled).
 *
 * An `efficient` extraction has ~78,000 names of ~58 characters, each made by a plan as
 * `kind + tail` (feature-names.ts's featureNameTail, one array of tails shared by every kind of
 * a calculator block). Given that factored form (column-groups.ts), a kind's part of the
 * header comes from one template per tails array and selection of its columns — the cells
 * joined, each with a placeholder for the kind and quoted as its tail asks, cut at the
 * placeholders — filled in by one native `join(kind)`: no string operation per name (formatting
 * the names one by one took ~30 ms of the bench command's main thread, and as much again in
 * garbage collection; `replaceAll` of the placeholder is ~10x slower than split and join).
 */
import { formatCsvCell } from '../util/csv.js';
import { selectRuns } from './value-columns.js';
import type { ColumnGroup } from './column-groups.js';

/** Stands for the kind in a template; a tails array that holds it is formatted name by name. */
const KIND = '\u0000';
const NEEDS_QUOTES = /[",\r\n]/;

/** Each tail's cell with {@link KIND} before it, quoted when the tail asks for it; null when a tail is empty or holds KIND. */
function tailTemplates(tails: readonly string[]): string[] | null {
  const cells = new Array<string>(tails.length);
  for (let i = 0; i < tails.length; i++) {
    const tail = tails[i]!;
    if (tail === '' || tail.includes(KIND)) return null;
    // the kind begins the name, so only the tail's end can carry trailing white space
    cells[i] = NEEDS_QUOTES.test(tail) || tail !== tail.trimEnd() ? `"${KIND}${tail.replaceAll('"', '""')}"` : KIND + tail;
  }
  return cells;
}

/** The cells of one group as formatCsvCell writes each name (the general path). */
function groupCells(group: ColumnGroup): string {
  return selectRuns(group.tails, group.runs)
    .map((tail) => formatCsvCell(group.kind + tail))
    .join(',');
}

/**
 * The header line of `idNames` then the columns of `groups`, each cell as formatCsvCell writes
 * it, newline included.
 */
export function formatGroupedHeader(idNames: readonly string[], groups: readonly ColumnGroup[]): string {
  // per tails array: its cell templates, and per selection of them (runs) the joined
  // templates cut at the kind's places, which `join(kind)` fills in
  const templates = new Map<readonly string[], { cells: string[] | null; pieces: Map<string, string[]> }>();
  const parts = idNames.map((name) => formatCsvCell(name));
  for (const group of groups) {
    if (group.runs.length === 0) continue;
    let block = templates.get(group.tails);
    if (block === undefined) templates.set(group.tails, (block = { cells: tailTemplates(group.tails), pieces: new Map() }));
    const kind = group.kind;
    // a kind that needs quotes itself (or starts with white space) quotes all its names
    if (block.cells === null || kind === '' || NEEDS_QUOTES.test(kind) || kind !== kind.trimStart()) {
      parts.push(groupCells(group));
      continue;
    }
    const key = group.runs.join();
    let pieces = block.pieces.get(key);
    if (pieces === undefined) block.pieces.set(key, (pieces = selectRuns(block.cells, group.runs).join(',').split(KIND)));
    parts.push(pieces.join(kind));
  }
  return parts.join(',') + '\n';
}

/**
 * The header line of `names`, each cell as formatCsvCell writes it, newline included; names
 * with nothing to quote, or only quotes to double, skip its regular expressions.
 */
export function formatHeader(names: readonly string[]): string {
  const cells = new Array<string>(names.length);
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    const first = name.charCodeAt(0);
    const last = name.charCodeAt(name.length - 1);
    // ends in printable ASCII: then trim() would not change the name (other ends: formatCsvCell decides)
    if (first > 32 && first < 127 && last > 32 && last < 127 && name.indexOf(',') < 0 && name.indexOf('\n') < 0 && name.indexOf('\r') < 0) {
      cells[i] = name.indexOf('"') < 0 ? name : `"${name.replaceAll('"', '""')}"`;
    } else cells[i] = formatCsvCell(name);
  }
  return cells.join(',') + '\n';
}
