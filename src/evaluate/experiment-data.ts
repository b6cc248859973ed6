/**
 * The Figure 6 experiment's samples and features: the selected applications and labels of a
 * telemetry source, turned into one feature row per sample.
 *
 * Features are extracted ONCE for all selected samples, before any split. tsfresh computes
 * every feature of a sample from that sample's own series only, so the row of a sample is the
 * same whether it is extracted alone, with its training split or with everything: extracting
 * once and splitting rows afterwards gives exactly the matrices the original built by
 * extracting train and test separately per repeat, at a fraction of the cost. What does
 * depend on the split, the columns kept (no NaN in the training rows), is decided per cell.
 */
import { escape, type ColumnTable } from 'arquero';
import { extractFeatures, type FeatureSettings } from '../features/extract.js';
import type { FeatureMatrix } from '../features/feature-matrix.js';
import { KindToFcParameters } from '../features/kind-to-fc-parameters.js';
import { HEALTHY_ANOMALY_NAME } from '../telemetry/labels.js';
import type { ExperimentTelemetry } from './experiment-source.js';
import { sampleId } from '../telemetry/label-matching.js';

/** The labels the original experiment selects by default: healthy and memleak. */
export const DEFAULT_EXPERIMENT_LABELS: readonly string[] = Object.freeze([HEALTHY_ANOMALY_NAME, 'memleak']);

/** Which samples and features to use. */
export interface ExperimentSelection {
  /** `app_name` values to keep; default every application in the labels, sorted. */
  readonly apps?: readonly string[];
  /** `anom_name` values to keep; default `none` and `memleak`. Must include `none`. */
  readonly labels?: readonly string[];
  /** The features: a named setting (default `minimal`), an FcParameters object or a feature list. */
  readonly settings?: FeatureSettings;
  /** Feature extraction worker threads (`'auto'` default). */
  readonly workers?: 'auto' | number;
  /** Extraction progress: series done out of total. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** The experiment's samples, ready to split. */
export interface ExperimentData {
  /**
   * One row per selected sample (ordered by job, then component), every extracted feature
   * column, NaN included (columns are chosen per training set).
   */
  readonly matrix: FeatureMatrix;
  /** 0 healthy, 1 anomalous, per matrix row. */
  readonly binaryLabels: Uint8Array;
  /** `app_name` per matrix row. */
  readonly appNames: readonly string[];
  /** `anom_name` per matrix row. */
  readonly anomNames: readonly string[];
  /** Matrix rows of the healthy samples, ascending. */
  readonly healthyRows: readonly number[];
  /** Matrix rows of the anomalous samples, ascending. */
  readonly anomalousRows: readonly number[];
  /** The apps and labels selected (the dataStats files list them). */
  readonly selectedApps: readonly string[];
  readonly selectedLabels: readonly string[];
  /** A one-line description of the feature settings, e.g. "minimal (10 per metric)". */
  readonly settingsDescription: string;
  /** Where the telemetry came from. */
  readonly source: string;
  readonly warnings: readonly string[];
  /** Seconds spent extracting features. */
  readonly extractionSeconds: number;
}


function describeSettings(settings: FeatureSettings): string {
  if (typeof settings === 'string') return settings;
  if (settings instanceof KindToFcParameters) return `feature list (${settings.columns().length} features on ${settings.kinds.length} metrics)`;
  return `custom calculators (${Object.keys(settings).length} per metric)`;
}

/**
 * Selects the samples whose label has an app in `apps` and an anomaly name in `labels`,
 * extracts their features (once), and lines up the labels with the feature rows. Throws
 * naming the value when a selected app or label does not occur, when nothing healthy or
 * nothing anomalous is left, or when a selected sample has no telemetry.
 */
export async function prepareExperimentData(telemetry: ExperimentTelemetry, selection: ExperimentSelection = {}): Promise<ExperimentData> {
  const labels = telemetry.labels;
  const jobs = labels.array('job_id') as ArrayLike<unknown>;
  const components = labels.array('component_id') as ArrayLike<unknown>;
  const apps = labels.array('app_name') as ArrayLike<string>;
  const anoms = labels.array('anom_name') as ArrayLike<string>;
  const binary = labels.array('binary_anom') as ArrayLike<number>;
  const knownApps = [...new Set(Array.from(apps))].sort();
  const knownLabels = [...new Set(Array.from(anoms))].sort();
  const selectedApps = selection.apps ? [...selection.apps] : knownApps;
  const selectedLabels = selection.labels ? [...selection.labels] : [...DEFAULT_EXPERIMENT_LABELS];
  for (const app of selectedApps) {
    if (!knownApps.includes(app)) throw new Error(`app "${app}" is not in the labels (apps there: ${knownApps.join(', ')})`);
  }
  for (const label of selectedLabels) {
    if (!knownLabels.includes(label)) throw new Error(`label "${label}" is not in the labels (anom_name values there: ${knownLabels.join(', ')})`);
  }
  if (!selectedLabels.includes(HEALTHY_ANOMALY_NAME)) {
    throw new Error(`the selected labels must include "${HEALTHY_ANOMALY_NAME}": the model trains on healthy samples`);
  }

  const wanted = new Map<string, { app: string; anom: string; binary: 0 | 1 }>();
  for (let i = 0; i < labels.numRows(); i++) {
    if (!selectedApps.includes(apps[i]!) || !selectedLabels.includes(anoms[i]!)) continue;
    wanted.set(sampleId(jobs[i], components[i]), { app: apps[i]!, anom: anoms[i]!, binary: binary[i] === 1 ? 1 : 0 });
  }
  const table: ColumnTable = telemetry.table.filter(escape((d: { job_id: unknown; component_id: unknown }) => wanted.has(sampleId(d.job_id, d.component_id))));
  const settings = selection.settings ?? telemetry.settings ?? 'minimal';
  const started = performance.now();
  const extraction = await extractFeatures(table, settings, {
    keepNaN: true,
    workers: selection.workers,
    onProgress: selection.onProgress,
    source: telemetry.description,
    missingCalculators: settings instanceof KindToFcParameters ? 'skip' : 'error',
  });
  const extractionSeconds = (performance.now() - started) / 1000;
  const matrix = extraction.matrix;

  const binaryLabels = new Uint8Array(matrix.rows);
  const appNames: string[] = [];
  const anomNames: string[] = [];
  const healthyRows: number[] = [];
  const anomalousRows: number[] = [];
  const found = new Set<string>();
  for (let r = 0; r < matrix.rows; r++) {
    const key = sampleId(matrix.keys.jobId[r], matrix.keys.componentId[r]);
    const label = wanted.get(key)!;
    found.add(key);
    binaryLabels[r] = label.binary;
    appNames.push(label.app);
    anomNames.push(label.anom);
    (label.binary ? anomalousRows : healthyRows).push(r);
  }
  const warnings = [...telemetry.warnings];
  const missing = [...wanted.keys()].filter((key) => !found.has(key));
  if (missing.length > 0) {
    const shown = missing.slice(0, 5).map((key) => key.replace('\u0000', ' node ')).map((k) => `job ${k}`).join(', ');
    warnings.push(`${missing.length} selected label(s) have no telemetry and are left out: ${shown}${missing.length > 5 ? ', ...' : ''}`);
  }
  if (extraction.skippedCalculators.length > 0) warnings.push(`calculators not implemented, left out: ${extraction.skippedCalculators.join(', ')}`);
  if (healthyRows.length < 2) throw new Error(`the selection (apps ${selectedApps.join(', ')}; labels ${selectedLabels.join(', ')}) has ${healthyRows.length} healthy sample(s) with telemetry; the experiment needs at least 2`);
  if (anomalousRows.length === 0) throw new Error(`the selection (apps ${selectedApps.join(', ')}; labels ${selectedLabels.join(', ')}) has no anomalous sample with telemetry`);
  return {
    matrix,
    binaryLabels,
    appNames,
    anomNames,
    healthyRows,
    anomalousRows,
    selectedApps,
    selectedLabels,
    settingsDescription: describeSettings(settings),
    source: telemetry.description,
    warnings,
    extractionSeconds,
  };
}
