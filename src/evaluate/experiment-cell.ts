/**
 * One cell of the Figure 6 grid: (expConfig c, repeat r). As the original does per cell:
 * split the healthy samples (seed of repeat r), test = held-out healthy + every anomalous
 * sample; keep the feature columns with no NaN in the training rows and align the test rows to
 * them; scale, train the VAE, threshold (`fitModel`); score the test rows (`scoreMatrix`);
 * classification report. Plus the threshold-free ROC-AUC and PR-AUC (average precision) of the
 * test errors.
 */
import { FeatureMatrix } from '../features/feature-matrix.js';
import { fitModel, scoreMatrix, type FittedModel } from '../model/pipeline.js';
import type { ThresholdRule } from '../model/threshold.js';
import type { EpochLog, StopReason } from '../model/train-vae.js';
import type { VaeOptions } from '../model/vae-config.js';
import { deriveSeed } from '../util/random.js';
import { classificationReport, type ClassificationReport } from './classification-report.js';
import type { ExperimentData } from './experiment-data.js';
import { splitHealthy, testShareOf } from './experiment-split.js';
import { averagePrecision, rocAuc } from './ranking.js';

/** A cell's coordinates. */
export interface CellSpec {
  /** expConfig 0..5 (healthy test share 0.2 ... 0.95). */
  readonly config: number;
  /** Repeat index 0..repeats-1. */
  readonly repeat: number;
}

/** How cells are run; the same for every cell of a grid. */
export interface CellOptions {
  /** The experiment's base seed: splits, model and scoring seeds are derived from it. */
  readonly seed: number;
  /** VAE hyperparameters (the paper's by default; `seed` is set per cell). */
  readonly vae?: VaeOptions;
  /** Threshold rule (default the 99th percentile of training errors). */
  readonly threshold?: ThresholdRule;
  /** Train in a worker thread. */
  readonly inWorker?: boolean;
  readonly signal?: AbortSignal;
  readonly onEpochEnd?: (log: EpochLog) => void;
}

/** The numbers of one cell (what summary.csv and the result files hold, and the test scores). */
export interface CellResult extends CellSpec {
  readonly testShare: number;
  readonly nTrainHealthy: number;
  readonly nTestHealthy: number;
  readonly nTestAnomalous: number;
  /** Feature columns the model used (the training rows' non-NaN columns). */
  readonly nFeatures: number;
  /** scikit-learn's classification_report(output_dict=True) of the test predictions. */
  readonly report: ClassificationReport;
  readonly macroF1: number;
  readonly accuracy: number;
  /** Area under the ROC curve of the test errors (threshold-free). */
  readonly rocAuc: number;
  /** Average precision of the test errors, anomalous = positive (scikit-learn's PR-AUC). */
  readonly prAuc: number;
  readonly threshold: number;
  readonly epochsRun: number;
  readonly stopReason: StopReason;
  /** Wall time of the cell, seconds (split, fit, score). */
  readonly seconds: number;
  /** Matrix rows of the training samples (permutation order) and of the test samples. */
  readonly trainRows: readonly number[];
  readonly testRows: readonly number[];
  /** True labels and reconstruction errors of the test rows, in `testRows` order. */
  readonly testLabels: Uint8Array;
  readonly testErrors: Float64Array;
}

/** The seed of repeat r's split: deriveSeed(seed, 'split', r) (the same for every config). */
export function splitSeed(seed: number, repeat: number): number {
  return deriveSeed(seed, 'split', repeat);
}

/** The seed of cell (c, r)'s model (weights, shuffles, training noise): deriveSeed(seed, 'model', c, r). */
export function modelSeed(seed: number, spec: CellSpec): number {
  return deriveSeed(seed, 'model', spec.config, spec.repeat);
}

/** The training and test rows of cell (c, r): healthy split by the repeat's seed; test adds every anomalous row. */
export function cellRows(data: ExperimentData, spec: CellSpec, seed: number): { trainRows: number[]; testRows: number[] } {
  const split = splitHealthy(data.healthyRows.length, testShareOf(spec.config), splitSeed(seed, spec.repeat));
  return {
    trainRows: split.train.map((i) => data.healthyRows[i]!),
    testRows: [...split.test.map((i) => data.healthyRows[i]!), ...data.anomalousRows],
  };
}

/** Indices of the columns of `matrix` that hold no NaN in any of `rows` (the columns a training set keeps). */
export function trainingColumns(matrix: FeatureMatrix, rows: readonly number[]): number[] {
  const width = matrix.columns.length;
  const keep: number[] = [];
  for (let c = 0; c < width; c++) {
    let ok = true;
    for (const r of rows) {
      if (Number.isNaN(matrix.values[r * width + c]!)) {
        ok = false;
        break;
      }
    }
    if (ok) keep.push(c);
  }
  return keep;
}

/** A matrix of the given rows (in order) and column indices. */
export function subMatrix(matrix: FeatureMatrix, rows: readonly number[], columns: readonly number[]): FeatureMatrix {
  const width = matrix.columns.length;
  const values = new Float64Array(rows.length * columns.length);
  rows.forEach((r, k) => {
    const from = r * width;
    const to = k * columns.length;
    for (let j = 0; j < columns.length; j++) values[to + j] = matrix.values[from + columns[j]!]!;
  });
  const keys = {
    jobId: rows.map((r) => matrix.keys.jobId[r]!),
    componentId: rows.map((r) => matrix.keys.componentId[r]!),
    windowStart: matrix.keys.windowStart ? rows.map((r) => matrix.keys.windowStart![r]!) : null,
    windowEnd: matrix.keys.windowEnd ? rows.map((r) => matrix.keys.windowEnd![r]!) : null,
  };
  return new FeatureMatrix(keys, columns.map((c) => matrix.columns[c]!), values);
}

/**
 * Runs cell (c, r) and returns its numbers and the fitted model (the caller disposes it with
 * `model.vae.dispose()`).
 */
export async function runCell(data: ExperimentData, spec: CellSpec, options: CellOptions): Promise<{ result: CellResult; model: FittedModel }> {
  const started = performance.now();
  const { trainRows, testRows } = cellRows(data, spec, options.seed);
  const columns = trainingColumns(data.matrix, trainRows);
  if (columns.length === 0) throw new Error(`expConfig ${spec.config}, repeat ${spec.repeat}: every feature column holds a NaN in the training samples`);
  const train = subMatrix(data.matrix, trainRows, columns);
  const test = subMatrix(data.matrix, testRows, columns);
  const seed = modelSeed(options.seed, spec);
  const model = await fitModel(train, {
    vae: options.vae,
    threshold: options.threshold,
    seed,
    inWorker: options.inWorker,
    signal: options.signal,
    onEpochEnd: options.onEpochEnd,
  });
  try {
    const scores = scoreMatrix(model, model.columns, test, deriveSeed(options.seed, 'score', spec.config, spec.repeat));
    const testLabels = Uint8Array.from(testRows, (r) => data.binaryLabels[r]!);
    const report = classificationReport(testLabels, scores.predictions);
    const nTestHealthy = testLabels.length - testLabels.reduce((n, y) => n + y, 0);
    const result: CellResult = {
      config: spec.config,
      repeat: spec.repeat,
      testShare: testShareOf(spec.config),
      nTrainHealthy: trainRows.length,
      nTestHealthy,
      nTestAnomalous: testLabels.length - nTestHealthy,
      nFeatures: columns.length,
      report,
      macroF1: report['macro avg']['f1-score'],
      accuracy: report.accuracy,
      rocAuc: rocAuc(testLabels, scores.errors),
      prAuc: averagePrecision(testLabels, scores.errors),
      threshold: model.threshold,
      epochsRun: model.history.epochs.length,
      stopReason: model.history.stopReason,
      seconds: (performance.now() - started) / 1000,
      trainRows,
      testRows,
      testLabels,
      testErrors: scores.errors,
    };
    return { result, model };
  } catch (err) {
    model.vae.dispose();
    throw err;
  }
}
