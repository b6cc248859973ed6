/**
 * The unit of extraction work shared by the main thread and the workers: "series" s is kind
 * `s % kinds` of feature row `floor(s / kinds)`; a range of series is computed straight into
 * the (shared) output matrix.
 */
import { computeKind, type ExtractionPlan, type PlanStep } from './plan.js';

/** Everything a thread needs to compute any series; the arrays may live in SharedArrayBuffers. */
export interface ExtractionData {
  /** Kind k's value at point p is `values[k * points + p]` (kinds in plan order). */
  readonly values: Float64Array;
  readonly timestamps: Float64Array;
  readonly points: number;
  /** Feature row r covers points `[rowStart[r], rowEnd[r])`. */
  readonly rowStart: Int32Array;
  readonly rowEnd: Int32Array;
  /** rows x plan.width output, row-major. */
  readonly out: Float64Array;
}

/**
 * Computes series `[from, to)` into `data.out`; `describeRow` names a row in error messages.
 * With `steps` (`steps[k]`: the calculators of kind k to run, see work-groups.ts), only those.
 */
export function computeSeriesRange(
  plan: ExtractionPlan,
  data: ExtractionData,
  from: number,
  to: number,
  describeRow?: (row: number) => string,
  steps?: readonly (readonly PlanStep[])[],
): void {
  const nKinds = plan.kinds.length;
  // one error-naming function per range, reading the series in hand (made per series, it was
  // an allocation per series for a message almost never built)
  let row = -1;
  let kindName = '';
  const where = (): string => (describeRow ? `${describeRow(row)}, column "${kindName}"` : `row ${row}, column "${kindName}"`);
  let t = data.timestamps;
  for (let s = from; s < to; s++) {
    const rowOfSeries = Math.floor(s / nKinds);
    const k = s - rowOfSeries * nKinds;
    const kindPlan = plan.kinds[k]!;
    const start = data.rowStart[rowOfSeries]!;
    const end = data.rowEnd[rowOfSeries]!;
    // the kinds of one row share its timestamps
    if (rowOfSeries !== row) t = data.timestamps.subarray(start, end);
    row = rowOfSeries;
    kindName = kindPlan.kind;
    const base = k * data.points;
    // A private copy: a calculator can never disturb the shared input or another series.
    const x = data.values.slice(base + start, base + end);
    computeKind(kindPlan, x, t, data.out, row * plan.width, where, steps ? steps[k] : kindPlan.steps);
  }
}
