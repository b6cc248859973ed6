/**
 * What happens as the threshold moves: precision, recall, F1 and the confusion counts when
 * flagging every sample whose score is strictly above each candidate threshold (Prodigy's rule:
 * anomalous when error > threshold).
 */
import { classificationReport } from './classification-report.js';
import { confusionCounts, type ConfusionCounts } from './confusion-matrix.js';

export interface SweepPoint extends ConfusionCounts {
  threshold: number;
  precision: number;
  recall: number;
  f1: number;
  macroF1: number;
}

/**
 * Evaluates each threshold (by default every distinct score and one below the lowest, so the
 * sweep runs from "flag all" to "flag none"); thresholds come back ascending.
 */
export function thresholdSweep(yTrue: ArrayLike<number>, scores: ArrayLike<number>, thresholds?: readonly number[]): SweepPoint[] {
  const candidates = thresholds
    ? [...thresholds].sort((a, b) => a - b)
    : (() => {
        const distinct = [...new Set(Array.from(scores))].sort((a, b) => a - b);
        return distinct.length ? [distinct[0]! - Math.max(1e-12, Math.abs(distinct[0]!) * 1e-9), ...distinct] : [];
      })();
  const yPred = new Uint8Array(scores.length);
  return candidates.map((threshold) => {
    for (let i = 0; i < scores.length; i++) yPred[i] = scores[i]! > threshold ? 1 : 0;
    const counts = confusionCounts(yTrue, yPred);
    const report = classificationReport(yTrue, yPred);
    const { tp, fp, fn } = counts;
    return {
      threshold,
      ...counts,
      precision: tp + fp === 0 ? 0 : tp / (tp + fp),
      recall: tp + fn === 0 ? 0 : tp / (tp + fn),
      f1: 2 * tp + fp + fn === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn),
      macroF1: report['macro avg']['f1-score'],
    };
  });
}
