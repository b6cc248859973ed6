/**
 * The model pipeline on feature matrices, as the original runs it (spec sections 4-6):
 *
 *   fit:    scaler = MinMaxScaler(clip) fitted on the training features;
 *           VAE trained on the scaled training rows (healthy samples only — the caller's job);
 *           trainErrors_i = mean_j |x_ij - x_hat_ij| over the training rows (z sampled, seeded);
 *           threshold = rule(trainErrors) (default: the 99th percentile).
 *   score:  the new matrix's columns aligned by name to the model's, scaled with clip,
 *           errors as above, prediction_i = 1 when error_i > threshold, else 0.
 *
 * One seed drives everything random: the VAE's weights, shuffles and training noise
 * (`VaeOptions.seed`), and the latent noise of the training errors (deriveSeed(seed,
 * 'train-errors')). Scoring noise comes from the seed given to `scoreMatrix` (default: the
 * model's seed). The noise is drawn per block of rows in row order (see `Vae.reconstruct`), so
 * a sample's error depends on the seed and on its row position, exactly as one Keras
 * `predict` over a matrix does; scoring the same matrix with the same seed is repeatable.
 */
import { deriveSeed } from '../util/random.js';
import type { FeatureMatrix } from '../features/feature-matrix.js';
import { reconstructionErrors } from './errors.js';
import { MinMaxScaler } from './scaler.js';
import { computeThreshold, DEFAULT_THRESHOLD_RULE, predictLabels, type ThresholdRule } from './threshold.js';
import type { EpochLog, TrainingHistory } from './train-vae.js';
import { fitVaeInWorker } from './train-worker.js';
import type { VaeOptions } from './vae-config.js';
import { Vae } from './vae.js';

/** Options of `fitModel`. */
export interface FitOptions {
  /** VAE hyperparameters (the paper's values by default); its `seed` is replaced by `seed` when given. */
  vae?: VaeOptions;
  /** How to set the threshold from the training errors; default the 99th percentile. */
  threshold?: ThresholdRule;
  /** The one seed of the fit (VAE weights, shuffles, noise, training-error noise); default `vae.seed` or 0. */
  seed?: number;
  /** Called after every epoch (on this thread, also with `inWorker`). */
  onEpochEnd?: (log: EpochLog) => void;
  /** Cancels training; the model then holds the weights reached so far (history.stopReason 'cancelled'). */
  signal?: AbortSignal;
  /** Train in a worker thread (for running several trainings at once). */
  inWorker?: boolean;
}

/** A fitted model: everything needed to score new feature rows. Call `vae.dispose()` when done. */
export interface FittedModel {
  /** The feature columns the model was trained on, in order (the scaler's and the VAE's input order). */
  columns: readonly string[];
  scaler: MinMaxScaler;
  vae: Vae;
  /** Error above which a sample is anomalous. */
  threshold: number;
  /** The rule the threshold came from. */
  thresholdRule: ThresholdRule;
  /** Reconstruction error of every training row, in row order. */
  trainErrors: Float64Array;
  history: TrainingHistory;
  /** The seed of the fit; the default seed of `scoreMatrix`. */
  seed: number;
}

/** What scoring needs of a model (a `FittedModel` is one; so is a loaded detector's model). */
export type ScoringModel = Pick<FittedModel, 'columns' | 'scaler' | 'vae' | 'threshold' | 'seed'>;

/** Scores of the rows of a matrix. */
export interface Scores {
  /** Reconstruction error per row: mean over features of |x - x_hat|. */
  errors: Float64Array;
  /** 1 where error > threshold, else 0. */
  predictions: Uint8Array;
}

/** scale (fit on train) -> train VAE -> training errors -> threshold. */
export async function fitModel(train: FeatureMatrix, options: FitOptions = {}): Promise<FittedModel> {
  if (train.rows === 0) throw new Error('fitModel: the training matrix has no rows');
  if (train.columns.length === 0) throw new Error('fitModel: the training matrix has no feature columns');
  const seed = options.seed ?? options.vae?.seed ?? 0;
  const vaeOptions: VaeOptions = { ...options.vae, seed };
  const scaler = new MinMaxScaler({ clip: true }).fit(train, train.columns);
  const scaled = scaler.transform(train);
  const hooks = { onEpochEnd: options.onEpochEnd, signal: options.signal };
  let vae: Vae;
  let history: TrainingHistory;
  if (options.inWorker) {
    ({ vae, history } = await fitVaeInWorker(scaled, vaeOptions, hooks));
  } else {
    vae = Vae.create(train.columns.length, vaeOptions);
    try {
      history = await vae.fit(scaled, hooks);
    } catch (err) {
      vae.dispose();
      throw err;
    }
  }
  const trainErrors = reconstructionErrors(vae, scaled, deriveSeed(seed, 'train-errors'));
  const thresholdRule = options.threshold ?? DEFAULT_THRESHOLD_RULE;
  const threshold = computeThreshold(trainErrors, thresholdRule);
  return { columns: [...train.columns], scaler, vae, threshold, thresholdRule, trainErrors, history, seed };
}

/**
 * The rows of `matrix` with its columns put in the order of `columns` (extra columns are
 * dropped, as the original aligned test features to the training ones), scaled with the
 * model's scaler (clipped to [0, 1]). Throws naming the missing columns, or the sample and
 * column of a NaN.
 */
export function alignAndScale(model: ScoringModel, columns: readonly string[], matrix: FeatureMatrix): Float64Array {
  if (columns.length !== model.scaler.columns) {
    throw new Error(`scoring: ${columns.length} columns given, the model was fitted on ${model.scaler.columns}`);
  }
  const present = new Set(matrix.columns);
  const missing = columns.filter((name) => !present.has(name));
  if (missing.length > 0) {
    const shown = missing.slice(0, 5).map((name) => `"${name}"`).join(', ');
    throw new Error(
      `the feature matrix lacks ${missing.length} of the model's ${columns.length} feature columns: ${shown}` +
        `${missing.length > 5 ? `, ... (${missing.length - 5} more)` : ''} (extract features with the model's settings; ` +
        'a column the model needs may also have been dropped because it held NaN)',
    );
  }
  const aligned = sameOrder(matrix.columns, columns) ? matrix : matrix.selectNames(columns);
  const scaled = model.scaler.transform(aligned).values as Float64Array;
  for (let i = 0; i < scaled.length; i++) {
    if (Number.isNaN(scaled[i]!)) {
      const row = Math.floor(i / columns.length);
      throw new Error(
        `feature "${columns[i % columns.length]}" is NaN for job_id ${String(matrix.keys.jobId[row])}, ` +
          `component_id ${String(matrix.keys.componentId[row])} (the model cannot score a missing feature)`,
      );
    }
  }
  return scaled;
}

/**
 * Align columns to the model's (`columns`, normally `model.columns`; a missing one is an error
 * naming it), scale with clip, reconstruction errors (z noise from `seed`, default the model's
 * seed), predictions error > threshold.
 */
export function scoreMatrix(model: ScoringModel, columns: readonly string[], matrix: FeatureMatrix, seed = model.seed): Scores {
  const scaled = alignAndScale(model, columns, matrix);
  const errors = reconstructionErrors(model.vae, { rows: matrix.rows, cols: columns.length, values: scaled }, seed);
  return { errors, predictions: predictLabels(errors, model.threshold) };
}

function sameOrder(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name, i) => name === b[i]);
}
