/** Evaluation: classification report, confusion matrix, ROC/PR, threshold sweep, and the Figure 6 experiment. */
export { classificationReport, type ClassificationReport, type ClassScores } from './classification-report.js';
export { confusionMatrix, confusionCounts, type ConfusionCounts } from './confusion-matrix.js';
export { rocCurve, rocAuc, precisionRecallCurve, averagePrecision, trapezoidArea, type RocCurve, type PrCurve } from './ranking.js';
export { thresholdSweep, type SweepPoint } from './threshold-sweep.js';
export * from './experiment-split.js';
export * from './experiment-source.js';
export * from './experiment-data.js';
export * from './experiment-cell.js';
export * from './experiment-grid.js';
export * from './experiment-files.js';
export * from './experiment-summary.js';
export * from './experiment-progress.js';
export * from './experiment.js';
