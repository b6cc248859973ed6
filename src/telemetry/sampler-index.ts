/**
 * One sampler's rows put in order and grouped: rows sorted by (job_id, component_id, whole
 * second), one group per (job, node), duplicates resolved. Two rows of one (job, node) in the
 * same whole second are duplicates: if every metric value is the same (NaN equals NaN) the
 * later row is dropped; if any value differs the input is ambiguous and a
 * {@link TelemetryInputError} names the later row's file, line and the first differing column.
 */
import { TelemetryInputError } from './errors.js';
import { rowLocation, samplerRowCount, type SamplerTable } from './sampler-table.js';
import { wholeSeconds } from './timestamp.js';

/** The rows of one (job, node) in time order: `rows[k]` is at whole second `seconds[k]`. */
export interface SampleRows {
  readonly jobId: number;
  readonly componentId: number;
  readonly rows: Int32Array;
  readonly seconds: Float64Array;
}

/** A sampler's rows grouped by job then node (see the module comment). */
export interface SamplerIndex {
  readonly table: SamplerTable;
  /** job_id -> component_id -> rows. Jobs and nodes in ascending order. */
  readonly groups: ReadonlyMap<number, ReadonlyMap<number, SampleRows>>;
  /** Identical duplicate rows dropped. */
  readonly duplicatesDropped: number;
  /** Rows left out because `skipRow` said so. */
  readonly rowsSkipped: number;
}

/**
 * Sorts and groups `table` (see the module comment). `skipRow(job)` leaves out rows, e.g. the
 * job_id 0 rows LDMS writes between jobs.
 */
export function indexSampler(table: SamplerTable, skipJob: (jobId: number) => boolean = () => false): SamplerIndex {
  const n = samplerRowCount(table);
  const job = table.jobId;
  const node = table.componentId;
  const seconds = new Float64Array(n);
  for (let i = 0; i < n; i++) seconds[i] = wholeSeconds(table.timestamp[i]!);
  let kept = 0;
  let order = new Int32Array(n);
  for (let i = 0; i < n; i++) if (!skipJob(job[i]!)) order[kept++] = i;
  const rowsSkipped = n - kept;
  order = order.subarray(0, kept);
  const compare = (a: number, b: number): number => job[a]! - job[b]! || node[a]! - node[b]! || seconds[a]! - seconds[b]! || a - b;
  let sorted = true;
  for (let k = 1; k < order.length; k++) {
    if (compare(order[k - 1]!, order[k]!) > 0) {
      sorted = false;
      break;
    }
  }
  if (!sorted) order = Int32Array.from(order).sort(compare);

  const groups = new Map<number, Map<number, SampleRows>>();
  let duplicatesDropped = 0;
  let start = 0;
  while (start < order.length) {
    const first = order[start]!;
    let end = start + 1;
    while (end < order.length && job[order[end]!] === job[first] && node[order[end]!] === node[first]) end++;
    const rows: number[] = [];
    for (let k = start; k < end; k++) {
      const row = order[k]!;
      const last = rows.length ? rows[rows.length - 1]! : -1;
      if (last >= 0 && seconds[last] === seconds[row]) {
        checkIdentical(table, last, row, seconds[row]!);
        duplicatesDropped++;
        continue;
      }
      rows.push(row);
    }
    const rowArray = Int32Array.from(rows);
    let byNode = groups.get(job[first]!);
    if (!byNode) groups.set(job[first]!, (byNode = new Map()));
    byNode.set(node[first]!, {
      jobId: job[first]!,
      componentId: node[first]!,
      rows: rowArray,
      seconds: Float64Array.from(rowArray, (r) => seconds[r]!),
    });
    start = end;
  }
  return { table, groups, duplicatesDropped, rowsSkipped };
}

function checkIdentical(table: SamplerTable, earlier: number, later: number, second: number): void {
  for (let m = 0; m < table.metrics.length; m++) {
    const a = table.metrics[m]![earlier]!;
    const b = table.metrics[m]![later]!;
    if (a === b || (Number.isNaN(a) && Number.isNaN(b))) continue;
    const here = rowLocation(table, later);
    const there = rowLocation(table, earlier);
    const other = there.file === here.file ? `line ${there.line}` : `${there.file}:${there.line}`;
    throw new TelemetryInputError(
      `duplicate row for job ${table.jobId[later]}, node ${table.componentId[later]}, timestamp ${second} with a different value than ${other} (${b} vs ${a})`,
      here.file,
      here.line,
      table.metricNames[m],
    );
  }
}
