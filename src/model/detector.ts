/**
 * The deployable anomaly detector (spec section 8): feature settings, the feature columns in
 * order, the MinMax scaler, the VAE and the threshold in one object that trains on healthy
 * telemetry, predicts on new raw telemetry, explains its verdicts and saves to / loads from a
 * folder:
 *
 *   model.json + weights.bin    the VAE as a TensorFlow.js layers model (`saveVae`)
 *   scaler.json                 `MinMaxScaler.toJSON()`
 *   deployment_metadata.json    the original's keys `threshold`, `raw_column_names` (feature
 *                               columns in order), `fe_column_names` (the kind_to_fc_parameters
 *                               object, Python float-ness kept), and ours: `format_version`,
 *                               `backend`, `created`, `seed`, `settings`, `threshold_rule`,
 *                               `training` (samples, epochs run, stop reason)
 *
 * A prediction is one row per (job_id, component_id): features extracted with the saved
 * settings (only the saved columns are computed), scaled, recon_error = mean |x - x_hat|,
 * pred = recon_error > threshold, top_metrics = the metrics explaining most of the error
 * (`explain.ts`).
 */
import { not, table as makeTable, type ColumnTable } from 'arquero';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { extractFeatures, type ExtractOptions, type FeatureSettings } from '../features/extract.js';
import { FeatureMatrix } from '../features/feature-matrix.js';
import { KindToFcParameters, PUBLISHED_KEY } from '../features/kind-to-fc-parameters.js';
import { PyFloat } from '../features/params.js';
import { parsePythonJson, stringifyPythonJson, type PythonJson } from '../features/python-json.js';
import { metricColumns } from '../features/tidy-samples.js';
import { ingestTelemetry } from '../telemetry/ingest.js';
import { readTidyTable } from '../telemetry/tidy-csv.js';
import { writeDirAtomic, writeFileAtomic } from '../util/atomic.js';
import { activeBackend } from './backend.js';
import { explainMatrix, formatTopMetrics, type ExplainMatrixOptions, type Explanation } from './explain.js';
import { loadVae, saveVae } from './layers-model.js';
import { MODEL_JSON } from './model-files.js';
import { fitModel, scoreMatrix, type FitOptions, type FittedModel, type ScoringModel } from './pipeline.js';
import { MinMaxScaler } from './scaler.js';
import type { ThresholdRule } from './threshold.js';
import type { Vae } from './vae.js';
import { sampleId } from '../telemetry/label-matching.js';

/** The bundle layout version this code writes and reads. */
export const DETECTOR_FORMAT_VERSION = 1;
/** File names of a detector folder (besides the VAE's model.json and weights.bin). */
export const SCALER_JSON = 'scaler.json';
export const DEPLOYMENT_METADATA_JSON = 'deployment_metadata.json';

/** Telemetry for `fit` / `predict`: a tidy arquero table, or a path (sampler-CSV folder, or a tidy `.csv`). */
export type TelemetryInput = ColumnTable | string;

/** Options of `AnomalyDetector.fit`. */
export interface DetectorFitOptions extends FitOptions {
  /** Which features (default `minimal`). Feature columns holding a NaN are dropped, as the original did. */
  settings?: FeatureSettings;
  /** Labels (job_id, component_id, binary_anom): only samples with binary_anom 0 are trained on. */
  labels?: ColumnTable;
  /** Feature extraction: worker threads and progress. */
  extract?: Pick<ExtractOptions, 'workers' | 'onProgress'>;
}

/** Options of `predict` and `explain`. */
export interface DetectorPredictOptions extends ExplainMatrixOptions {
  /** Metrics listed in `top_metrics` (default 3). */
  topMetricsInCell?: number;
  /** Feature extraction: worker threads and progress. */
  extract?: Pick<ExtractOptions, 'workers' | 'onProgress'>;
}

/** One predicted sample. */
export interface PredictionRow {
  readonly job_id: number | string;
  readonly component_id: number | string;
  /** 1 anomalous, 0 healthy. */
  readonly pred: 0 | 1;
  readonly recon_error: number;
  /** `metric=share;...` of the top metrics (see `formatTopMetrics`). */
  readonly top_metrics: string;
}

/** What `predict` returns. */
export interface Predictions {
  /** One row per (job_id, component_id), in job then component order. */
  readonly rows: readonly PredictionRow[];
  /** The same rows as an arquero table (job_id, component_id, pred, recon_error, top_metrics). */
  readonly table: ColumnTable;
  /** The full explanation of each row. */
  readonly explanations: readonly Explanation[];
  /** The detector's threshold, for reference. */
  readonly threshold: number;
}

/** The columns of a predictions table / CSV, in order. */
export const PREDICTION_COLUMNS = ['job_id', 'component_id', 'pred', 'recon_error', 'top_metrics'] as const;

/** What the detector remembers of its training (null fields after `load` of an older bundle). */
export interface TrainingSummary {
  readonly samples: number;
  readonly epochs: number;
  readonly stopReason: string;
}

/** A trained detector. Immutable; call `dispose()` to free the VAE's weights. */
export class AnomalyDetector {
  private constructor(
    /** Which features per metric (only the model's columns). */
    readonly featureSettings: KindToFcParameters,
    /** The feature columns in model order. */
    readonly columns: readonly string[],
    readonly scaler: MinMaxScaler,
    readonly vae: Vae,
    readonly threshold: number,
    readonly thresholdRule: ThresholdRule | null,
    /** Seed of the fit; the default seed of the latent noise when scoring. */
    readonly seed: number,
    /** What the user asked for: a settings name, or `custom`. */
    readonly settingsName: string,
    readonly training: TrainingSummary | null,
    /** Training errors and history, when this detector was trained in this process. */
    readonly fitted: FittedModel | null,
  ) {}

  /**
   * Trains on the healthy samples of `telemetry` (all samples without `labels`; with labels,
   * those with binary_anom 0 — a sample without a label is an error naming it): features with
   * `settings` (default minimal), NaN columns dropped, then `fitModel`.
   */
  static async fit(telemetry: TelemetryInput, options: DetectorFitOptions = {}): Promise<AnomalyDetector> {
    let table = await readTelemetry(telemetry);
    if (options.labels) table = healthyRows(table, options.labels);
    const settings = options.settings ?? 'minimal';
    const { matrix } = await extractFeatures(table, settings, { ...options.extract, source: typeof telemetry === 'string' ? telemetry : 'telemetry' });
    if (matrix.columns.length === 0) throw new Error('AnomalyDetector.fit: no feature column is left after dropping those with NaN');
    const fitted = await fitModel(matrix, options);
    return AnomalyDetector.fromModel(fitted, matrix.columns, typeof settings === 'string' ? settings : 'custom');
  }

  /**
   * A detector around a model fitted with `fitModel` on features named `columns` (in the
   * model's order). `settings` names the settings they came from (default `custom`); the
   * per-metric calculators are read back from the column names (tsfresh's `from_columns`).
   */
  static fromModel(fitted: FittedModel, columns: readonly string[], settings = 'custom'): AnomalyDetector {
    if (columns.length !== fitted.scaler.columns || columns.length !== fitted.vae.config.inputDim) {
      throw new Error(`AnomalyDetector.fromModel: ${columns.length} columns for a model of ${fitted.vae.config.inputDim} inputs`);
    }
    const names = fitted.scaler.featureNames;
    if (names && !names.every((name, i) => name === columns[i])) {
      throw new Error('AnomalyDetector.fromModel: the columns differ from those the scaler was fitted on');
    }
    const last = fitted.history.epochs.at(-1);
    return new AnomalyDetector(
      KindToFcParameters.fromColumns(columns),
      [...columns],
      fitted.scaler,
      fitted.vae,
      fitted.threshold,
      fitted.thresholdRule,
      fitted.seed,
      settings,
      { samples: fitted.trainErrors.length, epochs: last?.epoch ?? 0, stopReason: fitted.history.stopReason },
      { ...fitted, columns: [...columns] },
    );
  }

  /** The model part used for scoring. */
  private get scoring(): ScoringModel {
    return { columns: this.columns, scaler: this.scaler, vae: this.vae, threshold: this.threshold, seed: this.seed };
  }

  /** Features of `telemetry` for this detector: only its kinds and calculators; NaN kept (an error when scored). */
  async features(telemetry: TelemetryInput, extract: DetectorPredictOptions['extract'] = {}): Promise<FeatureMatrix> {
    const table = await readTelemetry(telemetry);
    const source = typeof telemetry === 'string' ? telemetry : 'telemetry';
    const have = new Set(metricColumns(table));
    const lacking = this.featureSettings.kinds.filter((kind) => !have.has(kind));
    if (lacking.length > 0) {
      throw new Error(
        `${source}: lacks ${lacking.length} metric column(s) the detector needs: ${lacking.slice(0, 5).join(', ')}` +
          (lacking.length > 5 ? `, ... (${lacking.length - 5} more)` : ''),
      );
    }
    const { matrix } = await extractFeatures(table, this.featureSettings, { ...extract, keepNaN: true, source });
    return matrix;
  }

  /** One row per (job_id, component_id): pred, recon_error, top_metrics (see the file comment). */
  async predict(telemetry: TelemetryInput, options: DetectorPredictOptions = {}): Promise<Predictions> {
    return this.predictMatrix(await this.features(telemetry, options.extract), options);
  }

  /** `predict` on features already extracted (columns aligned by name; extra ones ignored). */
  predictMatrix(matrix: FeatureMatrix, options: DetectorPredictOptions = {}): Predictions {
    const seed = options.seed ?? this.seed;
    const { errors, predictions } = scoreMatrix(this.scoring, this.columns, matrix, seed);
    const explanations = explainMatrix(this.scoring, this.columns, matrix, { ...options, seed });
    const top = options.topMetricsInCell ?? 3;
    const rows: PredictionRow[] = [];
    for (let r = 0; r < matrix.rows; r++) {
      rows.push({
        job_id: matrix.keys.jobId[r]!,
        component_id: matrix.keys.componentId[r]!,
        pred: predictions[r] === 1 ? 1 : 0,
        recon_error: errors[r]!,
        top_metrics: formatTopMetrics(explanations[r]!, top),
      });
    }
    const table = makeTable({
      job_id: rows.map((row) => row.job_id),
      component_id: rows.map((row) => row.component_id),
      pred: Uint8Array.from(rows, (row) => row.pred),
      recon_error: Float64Array.from(errors),
      top_metrics: rows.map((row) => row.top_metrics),
    });
    return { rows, table, explanations, threshold: this.threshold };
  }

  /** The ranked features and metrics behind each sample's error (`explain.ts`). */
  async explain(telemetry: TelemetryInput, options: DetectorPredictOptions = {}): Promise<{ keys: FeatureMatrix['keys']; explanations: Explanation[] }> {
    const matrix = await this.features(telemetry, options.extract);
    return { keys: matrix.keys, explanations: explainMatrix(this.scoring, this.columns, matrix, options) };
  }

  /** The deployment_metadata.json content. */
  metadata(): Record<string, PythonJson> {
    const fe = this.featureSettings.toJSON()[PUBLISHED_KEY];
    return {
      format_version: DETECTOR_FORMAT_VERSION,
      threshold: this.threshold,
      raw_column_names: [...this.columns],
      fe_column_names: fe,
      threshold_rule: this.thresholdRule ? (JSON.parse(JSON.stringify(this.thresholdRule)) as PythonJson) : null,
      settings: this.settingsName,
      seed: this.seed,
      backend: activeBackend() ?? 'unknown',
      created: new Date().toISOString(),
      training: this.training ? { samples: this.training.samples, epochs: this.training.epochs, stop_reason: this.training.stopReason } : null,
    };
  }

  /** Writes the bundle to folder `dir` atomically (a temporary folder renamed over `dir`). */
  async save(dir: string): Promise<void> {
    await writeDirAtomic(dir, async (tmp) => {
      await saveVae(this.vae, tmp);
      await writeFileAtomic(join(tmp, SCALER_JSON), JSON.stringify(this.scaler.toJSON()));
      await writeFileAtomic(join(tmp, DEPLOYMENT_METADATA_JSON), stringifyPythonJson(this.metadata(), 2) + '\n');
    });
  }

  /**
   * Reads a bundle written by `save`. Refuses, naming the file and the problem: another
   * format_version, a missing or malformed key, columns that disagree between
   * deployment_metadata.json (raw_column_names vs fe_column_names), scaler.json and model.json.
   */
  static async load(dir: string): Promise<AnomalyDetector> {
    const metaPath = join(dir, DEPLOYMENT_METADATA_JSON);
    const meta = asObject(parsePythonJson(await readText(metaPath), metaPath), metaPath);
    const version = meta.format_version;
    if (version !== DETECTOR_FORMAT_VERSION) {
      throw new Error(
        `${metaPath}: format_version is ${JSON.stringify(version ?? null)}, this version of prodigy reads bundles of ` +
          `format_version ${DETECTOR_FORMAT_VERSION} (retrain the detector, or use the prodigy version that wrote it)`,
      );
    }
    const threshold = toNumber(meta.threshold);
    if (threshold === null || !Number.isFinite(threshold)) throw new Error(`${metaPath}: "threshold" must be a finite number`);
    const raw = meta.raw_column_names;
    if (!Array.isArray(raw) || raw.length === 0 || !raw.every((c) => typeof c === 'string')) {
      throw new Error(`${metaPath}: "raw_column_names" must be a non-empty list of feature column names`);
    }
    const columns = raw as string[];
    const duplicate = columns.find((c, i) => columns.indexOf(c) !== i);
    if (duplicate !== undefined) throw new Error(`${metaPath}: "raw_column_names" lists "${duplicate}" twice`);
    if (meta.fe_column_names === undefined) throw new Error(`${metaPath}: "fe_column_names" is missing`);
    const featureSettings = KindToFcParameters.parse(stringifyPythonJson(meta.fe_column_names), `${metaPath} "fe_column_names"`);
    compareColumns(featureSettings.columns(), columns, `${metaPath}: "fe_column_names" and "raw_column_names"`);

    const scalerPath = join(dir, SCALER_JSON);
    let scalerJson: unknown;
    try {
      scalerJson = JSON.parse(await readText(scalerPath));
    } catch (err) {
      throw new Error(err instanceof SyntaxError ? `${scalerPath}: not valid JSON (${err.message})` : (err as Error).message);
    }
    const scaler = MinMaxScaler.fromJSON(scalerJson, scalerPath);
    if (scaler.columns !== columns.length) {
      throw new Error(`${scalerPath}: the scaler has ${scaler.columns} columns, ${metaPath} lists ${columns.length} in "raw_column_names"`);
    }
    if (scaler.featureNames) compareColumns(columns, scaler.featureNames, `${scalerPath}: its featureNames and ${metaPath}'s "raw_column_names"`, true);

    const vae = await loadVae(dir);
    if (vae.config.inputDim !== columns.length) {
      vae.dispose();
      throw new Error(`${join(dir, MODEL_JSON)}: the VAE takes ${vae.config.inputDim} inputs, ${metaPath} lists ${columns.length} feature columns`);
    }
    const rule = meta.threshold_rule;
    const seed = toNumber(meta.seed) ?? 0;
    const training = asTraining(meta.training);
    return new AnomalyDetector(
      featureSettings,
      columns,
      scaler,
      vae,
      threshold,
      rule && typeof rule === 'object' && !Array.isArray(rule) ? (JSON.parse(stringifyPythonJson(rule)) as ThresholdRule) : null,
      seed,
      typeof meta.settings === 'string' ? meta.settings : 'custom',
      training,
      null,
    );
  }

  /** Frees the VAE's weights. */
  dispose(): void {
    this.vae.dispose();
  }
}

/** A tidy table from a table, a tidy CSV file (`.csv`), or a folder / file list of sampler CSVs. */
export async function readTelemetry(input: TelemetryInput): Promise<ColumnTable> {
  if (typeof input !== 'string') return input;
  if (/\.csv$/i.test(input)) {
    let isFile = false;
    try {
      const { stat } = await import('node:fs/promises');
      isFile = (await stat(input)).isFile();
    } catch {
      throw new Error(`${input}: no such file or folder`);
    }
    if (isFile) return readTidyTable(input);
  }
  return (await ingestTelemetry(input)).table;
}

const KEEP_COLUMN = '__prodigy_keep';

/** The rows of `telemetry` whose sample is labelled healthy (binary_anom 0); throws naming unlabelled samples. */
export function healthyRows(telemetry: ColumnTable, labels: ColumnTable): ColumnTable {
  for (const column of ['job_id', 'component_id', 'binary_anom']) {
    if (!labels.columnNames().includes(column)) throw new Error(`labels: column "${column}" is missing`);
  }
  const jobs = labels.array('job_id') as ArrayLike<unknown>;
  const nodes = labels.array('component_id') as ArrayLike<unknown>;
  const anomalous = labels.array('binary_anom') as ArrayLike<unknown>;
  const label = new Map<string, number>();
  for (let i = 0; i < jobs.length; i++) label.set(sampleId(jobs[i], nodes[i]), Number(anomalous[i]));
  const tJobs = telemetry.array('job_id') as ArrayLike<unknown>;
  const tNodes = telemetry.array('component_id') as ArrayLike<unknown>;
  const unlabeled = new Set<string>();
  const keep = new Uint8Array(tJobs.length);
  for (let i = 0; i < tJobs.length; i++) {
    const k = sampleId(tJobs[i], tNodes[i]);
    const l = label.get(k);
    if (l === undefined) unlabeled.add(`job ${String(tJobs[i])} node ${String(tNodes[i])}`);
    else keep[i] = l === 0 ? 1 : 0;
  }
  if (unlabeled.size > 0) {
    const shown = [...unlabeled].slice(0, 5).join(', ');
    throw new Error(`labels: ${unlabeled.size} telemetry sample(s) have no label: ${shown}${unlabeled.size > 5 ? ', ...' : ''}`);
  }
  let healthy = 0;
  for (const k of keep) healthy += k;
  if (healthy === 0) throw new Error('labels: no telemetry sample is labelled healthy (binary_anom 0); the detector trains on healthy samples only');
  return telemetry
    .assign({ [KEEP_COLUMN]: keep })
    .filter(`d => d["${KEEP_COLUMN}"] === 1`)
    .select(not(KEEP_COLUMN))
    .reify();
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT' ? `${path}: missing (not a detector bundle, or an incomplete one)` : `${path}: cannot read (${(err as Error).message})`);
  }
}

function asObject(value: PythonJson, where: string): { [key: string]: PythonJson } {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof PyFloat) {
    throw new Error(`${where}: expected a JSON object`);
  }
  return value as { [key: string]: PythonJson };
}

function toNumber(value: PythonJson | undefined): number | null {
  if (typeof value === 'number') return value;
  if (value instanceof PyFloat) return value.value;
  return null;
}

function asTraining(value: PythonJson | undefined): TrainingSummary | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const v = value as { [key: string]: PythonJson };
  return { samples: toNumber(v.samples) ?? 0, epochs: toNumber(v.epochs) ?? 0, stopReason: typeof v.stop_reason === 'string' ? v.stop_reason : 'unknown' };
}

/** Throws `what: ...` naming the first names that are in one list and not the other (or out of order with `ordered`). */
function compareColumns(expected: readonly string[], actual: readonly string[], what: string, ordered = false): void {
  const a = new Set(actual);
  const e = new Set(expected);
  const onlyExpected = expected.filter((c) => !a.has(c));
  const onlyActual = actual.filter((c) => !e.has(c));
  if (onlyExpected.length || onlyActual.length) {
    const list = (names: string[]) => names.slice(0, 3).map((n) => `"${n}"`).join(', ') + (names.length > 3 ? `, ... (${names.length - 3} more)` : '');
    const parts = [];
    if (onlyExpected.length) parts.push(`${onlyExpected.length} column(s) only in the first: ${list(onlyExpected)}`);
    if (onlyActual.length) parts.push(`${onlyActual.length} column(s) only in the second: ${list(onlyActual)}`);
    throw new Error(`${what} disagree: ${parts.join('; ')}`);
  }
  if (expected.length !== actual.length) throw new Error(`${what} disagree: ${expected.length} vs ${actual.length} columns (repeated names)`);
  if (ordered) {
    const i = expected.findIndex((c, k) => c !== actual[k]);
    if (i >= 0) throw new Error(`${what} disagree in order at position ${i}: "${expected[i]}" vs "${actual[i]}"`);
  }
}
