/**
 * scikit-learn's `classification_report(y_true, y_pred, output_dict=True)` for binary labels,
 * with its keys and its zero-division behaviour (`zero_division="warn"`: an undefined ratio is
 * 0.0). The Figure 6 result files are exactly this object.
 */
import { checkBinaryLabels } from './confusion-matrix.js';

export interface ClassScores {
  precision: number;
  recall: number;
  'f1-score': number;
  support: number;
}

/** Keys "0" and/or "1" (the labels present in y_true or y_pred), "accuracy", the averages. */
export interface ClassificationReport {
  '0'?: ClassScores;
  '1'?: ClassScores;
  accuracy: number;
  'macro avg': ClassScores;
  'weighted avg': ClassScores;
}

/** a / b, or `zeroDivision` when b is 0 (scikit-learn's rule). */
function ratio(a: number, b: number, zeroDivision: number): number {
  return b === 0 ? zeroDivision : a / b;
}

/**
 * Per label l: precision = tp / (tp + fp), recall = tp / (tp + fn),
 * F1 = 2 tp / (2 tp + fp + fn) (equal to 2PR / (P + R) where defined), support = #true l.
 * Labels are those present in y_true or y_pred, as scikit-learn does without `labels=`.
 * macro avg = unweighted mean over labels; weighted avg = mean weighted by support.
 */
export function classificationReport(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  options: { zeroDivision?: number } = {},
): ClassificationReport {
  checkBinaryLabels(yTrue, yPred);
  const zeroDivision = options.zeroDivision ?? 0;
  const n = yTrue.length;
  if (n === 0) throw new Error('classification report of an empty set of samples');
  const present = ([0, 1] as const).filter((label) => {
    for (let i = 0; i < n; i++) if (yTrue[i] === label || yPred[i] === label) return true;
    return false;
  });
  const report: Partial<ClassificationReport> = {};
  const perLabel: ClassScores[] = [];
  let correct = 0;
  for (let i = 0; i < n; i++) if (yTrue[i] === yPred[i]) correct++;
  for (const label of present) {
    let tp = 0, fp = 0, fn = 0;
    for (let i = 0; i < n; i++) {
      const t = yTrue[i] === label, p = yPred[i] === label;
      if (t && p) tp++;
      else if (p) fp++;
      else if (t) fn++;
    }
    const scores: ClassScores = {
      precision: ratio(tp, tp + fp, zeroDivision),
      recall: ratio(tp, tp + fn, zeroDivision),
      'f1-score': ratio(2 * tp, 2 * tp + fp + fn, zeroDivision),
      support: tp + fn,
    };
    report[String(label) as '0' | '1'] = scores;
    perLabel.push(scores);
  }
  report.accuracy = correct / n;
  // every true label is a present label, so the supports add up to n
  const average = (weight: (c: ClassScores) => number, total: number): ClassScores => ({
    precision: perLabel.reduce((s, c) => s + weight(c) * c.precision, 0) / total,
    recall: perLabel.reduce((s, c) => s + weight(c) * c.recall, 0) / total,
    'f1-score': perLabel.reduce((s, c) => s + weight(c) * c['f1-score'], 0) / total,
    support: n,
  });
  report['macro avg'] = average(() => 1, perLabel.length);
  report['weighted avg'] = average((c) => c.support, n);
  return report as ClassificationReport;
}
