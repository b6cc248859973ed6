/** Evaluation: classification report, confusion matrix, ROC/PR, threshold sweep. */
export { classificationReport, type ClassificationReport, type ClassScores } from './classification-report.js';
export { confusionMatrix, confusionCounts, type ConfusionCounts } from './confusion-matrix.js';
export { rocCurve, rocAuc, precisionRecallCurve, averagePrecision, trapezoidArea, type RocCurve, type PrCurve } from './ranking.js';
export { thresholdSweep, type SweepPoint } from './threshold-sweep.js';
