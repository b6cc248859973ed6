/**
 * Threshold-free quality of anomaly scores (reconstruction errors): the ROC and
 * precision-recall curves and their areas, as scikit-learn computes them
 * (`roc_curve` + `auc`, `precision_recall_curve`, `average_precision_score`).
 */

export interface RocCurve {
  /** false-positive rate at each threshold (starts at 0) */
  fpr: number[];
  /** true-positive rate at each threshold (starts at 0) */
  tpr: number[];
  /** score thresholds, descending; the first is +Infinity (nothing flagged) */
  thresholds: number[];
}

export interface PrCurve {
  /** precision at each threshold, ascending threshold order, ending with 1 */
  precision: number[];
  /** recall at each threshold, ending with 0 */
  recall: number[];
  /** ascending distinct score thresholds */
  thresholds: number[];
}

interface Steps {
  /** distinct scores, descending */
  scores: number[];
  /** cumulative true positives when flagging every score >= scores[i] */
  tps: number[];
  /** cumulative false positives likewise */
  fps: number[];
}

/** Cumulative tp/fp counts at each distinct score, descending (ties flagged together). */
function cumulativeSteps(yTrue: ArrayLike<number>, scores: ArrayLike<number>): Steps {
  if (yTrue.length !== scores.length) throw new Error(`labels and scores differ in length (${yTrue.length} vs ${scores.length})`);
  const order = Array.from({ length: scores.length }, (_, i) => i);
  for (let i = 0; i < scores.length; i++) {
    if (!Number.isFinite(scores[i]!)) throw new Error(`score ${i} is not a finite number (${scores[i]})`);
    if (yTrue[i] !== 0 && yTrue[i] !== 1) throw new Error(`label ${i} must be 0 or 1, got ${yTrue[i]}`);
  }
  order.sort((a, b) => scores[b]! - scores[a]!);
  const steps: Steps = { scores: [], tps: [], fps: [] };
  let tp = 0, fp = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    if (yTrue[i] === 1) tp++;
    else fp++;
    const next = order[k + 1];
    if (next === undefined || scores[next] !== scores[i]) {
      steps.scores.push(scores[i]!);
      steps.tps.push(tp);
      steps.fps.push(fp);
    }
  }
  return steps;
}

/** ROC curve: (fpr, tpr) at every distinct score threshold, from (0, 0) to (1, 1). */
export function rocCurve(yTrue: ArrayLike<number>, scores: ArrayLike<number>): RocCurve {
  const { scores: s, tps, fps } = cumulativeSteps(yTrue, scores);
  const positives = tps[tps.length - 1] ?? 0;
  const negatives = fps[fps.length - 1] ?? 0;
  if (positives === 0 || negatives === 0) throw new Error('ROC needs both healthy (0) and anomalous (1) samples');
  return {
    fpr: [0, ...fps.map((f) => f / negatives)],
    tpr: [0, ...tps.map((t) => t / positives)],
    thresholds: [Infinity, ...s],
  };
}

/** Area under a curve by the trapezoidal rule (x must be monotone). */
export function trapezoidArea(x: readonly number[], y: readonly number[]): number {
  let area = 0;
  for (let i = 1; i < x.length; i++) area += ((x[i]! - x[i - 1]!) * (y[i]! + y[i - 1]!)) / 2;
  return Math.abs(area);
}

/** ROC-AUC: the probability that a random anomalous sample scores above a random healthy one (ties count half). */
export function rocAuc(yTrue: ArrayLike<number>, scores: ArrayLike<number>): number {
  const { fpr, tpr } = rocCurve(yTrue, scores);
  return trapezoidArea(fpr, tpr);
}

/**
 * Precision-recall curve like scikit-learn's: one point per distinct score, up to the first
 * threshold that reaches full recall, reversed into ascending thresholds, then the (1, 0) end.
 */
export function precisionRecallCurve(yTrue: ArrayLike<number>, scores: ArrayLike<number>): PrCurve {
  const { scores: s, tps, fps } = cumulativeSteps(yTrue, scores);
  const positives = tps[tps.length - 1] ?? 0;
  if (positives === 0) throw new Error('a precision-recall curve needs anomalous (1) samples');
  const last = tps.indexOf(positives);
  const precision: number[] = [], recall: number[] = [], thresholds: number[] = [];
  for (let i = last; i >= 0; i--) {
    precision.push(tps[i]! / (tps[i]! + fps[i]!));
    recall.push(tps[i]! / positives);
    thresholds.push(s[i]!);
  }
  precision.push(1);
  recall.push(0);
  return { precision, recall, thresholds };
}

/**
 * Average precision (the PR-AUC scikit-learn reports): sum over thresholds of
 * (R_n - R_{n-1}) * P_n, a step-wise area that does not interpolate optimistically.
 */
export function averagePrecision(yTrue: ArrayLike<number>, scores: ArrayLike<number>): number {
  const { precision, recall } = precisionRecallCurve(yTrue, scores);
  let ap = 0;
  for (let i = 0; i < precision.length - 1; i++) ap += (recall[i]! - recall[i + 1]!) * precision[i]!;
  return ap;
}
