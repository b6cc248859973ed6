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
  for (let s = from; s < to; s++) {
    const row = Math.floor(s / nKinds);
    const k = s - row * nKinds;
    const kindPlan = plan.kinds[k]!;
    const start = data.rowStart[row]!;
    const end = data.rowEnd[row]!;
    const base = k * data.points;
    // A private copy: a calculator can never disturb the shared input or another series.
    const x = data.values.slice(base + start, base + end);
    const t = data.timestamps.subarray(start, end);
    const where = (): string => (describeRow ? `${describeRow(row)}, column "${kindPlan.kind}"` : `row ${row}, column "${kindPlan.kind}"`);
    computeKind(kindPlan, x, t, data.out, row * plan.width, where, steps ? steps[k] : kindPlan.steps);
  }
}
