/** Binary confusion counts, with 1 = anomalous as the positive class. */
export interface ConfusionCounts {
  /** true negatives: healthy predicted healthy */
  tn: number;
  /** false positives: healthy predicted anomalous */
  fp: number;
  /** false negatives: anomalous predicted healthy */
  fn: number;
  /** true positives: anomalous predicted anomalous */
  tp: number;
}

/** Checks that two label vectors have the same length and hold only 0 and 1. */
export function checkBinaryLabels(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): void {
  if (yTrue.length !== yPred.length) {
    throw new Error(`labels and predictions differ in length (${yTrue.length} vs ${yPred.length})`);
  }
  for (let i = 0; i < yTrue.length; i++) {
    if ((yTrue[i] !== 0 && yTrue[i] !== 1) || (yPred[i] !== 0 && yPred[i] !== 1)) {
      throw new Error(`labels must be 0 or 1; sample ${i} has true ${yTrue[i]}, predicted ${yPred[i]}`);
    }
  }
}

/** Counts tn, fp, fn, tp over paired true labels and predictions (0/1). */
export function confusionCounts(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): ConfusionCounts {
  checkBinaryLabels(yTrue, yPred);
  const counts = { tn: 0, fp: 0, fn: 0, tp: 0 };
  for (let i = 0; i < yTrue.length; i++) {
    if (yTrue[i] === 1) yPred[i] === 1 ? counts.tp++ : counts.fn++;
    else yPred[i] === 1 ? counts.fp++ : counts.tn++;
  }
  return counts;
}

/**
 * The confusion matrix as scikit-learn lays it out for labels [0, 1]: rows are true labels,
 * columns predicted labels: [[tn, fp], [fn, tp]].
 */
export function confusionMatrix(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): [[number, number], [number, number]] {
  const { tn, fp, fn, tp } = confusionCounts(yTrue, yPred);
  return [
    [tn, fp],
    [fn, tp],
  ];
}
