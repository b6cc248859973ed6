/**
 * The Figure 6 experiment (spec section 7), end to end: telemetry (embedded dataset, sampler
 * folder, artifact, or a table given in memory) -> selected samples -> features, extracted
 * once -> the grid of expConfig x repeat cells (split, fit, score, report) -> the original's
 * result files, summary.csv, the last model bundle and the figure.
 *
 * `runExperiment` is what `prodigy reproduce` and the notebooks call; `onProgress` reports each
 * phase and, during the grid, cells done / total with an ETA.
 */
import { availableParallelism } from 'node:os';
import type { FeatureKeys } from '../features/feature-matrix.js';
import { useBestBackend } from '../model/backend.js';
import type { ThresholdRule } from '../model/threshold.js';
import type { EarlyStopping, VaeOptions } from '../model/vae-config.js';
import type { CellResult } from './experiment-cell.js';
import { prepareExperimentData, type ExperimentData, type ExperimentSelection } from './experiment-data.js';
import { saveModelBundle, writeFigure, writeResultsFolder, writeSummaryCsv, type FigureFiles } from './experiment-files.js';
import { gridCells, runGrid, type GridProgress } from './experiment-grid.js';
import { loadExperimentTelemetry, type ExperimentSourceOptions, type ExperimentTelemetry } from './experiment-source.js';
import { EXPERIMENT_CONFIGS } from './experiment-split.js';
import { summarizeByConfig, type ConfigSummary } from './experiment-summary.js';

/** What the experiment is doing, for progress displays. */
export type ExperimentProgress =
  | { readonly phase: 'load' }
  | { readonly phase: 'features'; readonly done: number; readonly total: number }
  | ({ readonly phase: 'grid' } & GridProgress)
  | { readonly phase: 'files' };

/** Options of `runExperiment`; every field has a default. */
export interface ExperimentOptions extends ExperimentSourceOptions, Omit<ExperimentSelection, 'onProgress' | 'workers'> {
  /** Telemetry already in memory (a notebook's table and labels); `data`/`preset` are then ignored. */
  readonly telemetry?: Pick<ExperimentTelemetry, 'table' | 'labels'> & Partial<ExperimentTelemetry>;
  /** Output folder; without it nothing is written. */
  readonly out?: string;
  /** expConfigs to run (default 0..5). */
  readonly configs?: readonly number[];
  /** Repeats per config (default 5, the paper's figure; the artifact says 10 reproduce the paper exactly). */
  readonly repeats?: number;
  /** Base seed of splits, models and scoring (default 0). */
  readonly seed?: number;
  /** Training epochs (default 1000, the paper's). */
  readonly epochs?: number;
  /** Stop training on a validation-loss plateau (default off, as the paper). */
  readonly earlyStopping?: EarlyStopping | null;
  /** Other VAE hyperparameters (paper's defaults). */
  readonly vae?: Omit<VaeOptions, 'epochs' | 'earlyStopping' | 'seed'>;
  readonly threshold?: ThresholdRule;
  /**
   * Cells trained at a time: `'auto'` (default) runs 2 at once in worker threads on a machine
   * with 2 or more cores (measured faster than one after another; see the README), else 1.
   */
  readonly workers?: 'auto' | number;
  /** Draw the figure (default true when `out` is given). */
  readonly figure?: boolean;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: ExperimentProgress) => void;
}

/** The outcome of an experiment. */
export interface ExperimentResult {
  /** One per finished cell, in grid order (repeat-major). */
  readonly cells: CellResult[];
  /** Mean and spread of macro F1 (and the AUCs) per config. */
  readonly byConfig: ConfigSummary[];
  /** The samples (without the feature values): labels, apps, healthy/anomalous rows, and `keys`, the (job_id, component_id) of every row that `trainRows` / `testRows` index. */
  readonly data: Omit<ExperimentData, 'matrix'> & { readonly samples: number; readonly features: number; readonly keys: FeatureKeys };
  readonly configs: readonly number[];
  readonly repeats: number;
  readonly epochs: number;
  readonly earlyStopping: EarlyStopping | null;
  readonly seed: number;
  /** Cells trained at a time. */
  readonly concurrency: number;
  /** The tfjs backend, e.g. "wasm (SIMD, 1 thread)". */
  readonly backend: string;
  readonly cancelled: boolean;
  /** Files written (absent without `out`). */
  readonly files?: {
    readonly out: string;
    readonly results: string;
    readonly summary: string;
    readonly model: string[];
    readonly figure: FigureFiles | null;
  };
  /** Wall time, seconds: whole run, and its parts. */
  readonly seconds: {
    readonly total: number;
    readonly load: number;
    readonly features: number;
    readonly grid: number;
    readonly files: number;
    /** CPU time of the whole process (every thread, workers included) during the run: on a shared machine a steadier cost measure than wall time. */
    readonly cpu: number;
  };
}

/** Default repeats: the paper's figure averages 5. */
export const DEFAULT_REPEATS = 5;

/** How many cells to train at once for `workers` on this machine. */
export function cellConcurrency(workers: 'auto' | number, cells: number): number {
  if (workers === 'auto') return cells > 1 && availableParallelism() >= 2 ? 2 : 1;
  if (!Number.isInteger(workers) || workers < 1) throw new Error(`workers must be a positive integer or 'auto', got ${workers}`);
  return Math.min(workers, cells);
}

/** Runs the Figure 6 experiment; see the module comment. */
export async function runExperiment(options: ExperimentOptions = {}): Promise<ExperimentResult> {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const progress = options.onProgress ?? (() => undefined);
  const configs = options.configs ?? EXPERIMENT_CONFIGS;
  const repeats = options.repeats ?? DEFAULT_REPEATS;
  const seed = options.seed ?? 0;
  const epochs = options.epochs ?? 1000;
  const earlyStopping = options.earlyStopping ?? null;
  gridCells(configs, repeats); // checks configs and repeats before any work
  const backend = await useBestBackend();

  progress({ phase: 'load' });
  const telemetry: ExperimentTelemetry = options.telemetry
    ? { description: 'telemetry given in memory', warnings: [], ...options.telemetry }
    : await loadExperimentTelemetry(options);
  const t1 = performance.now();
  const data = await prepareExperimentData(telemetry, {
    apps: options.apps,
    labels: options.labels,
    settings: options.settings,
    onProgress: (done, total) => progress({ phase: 'features', done, total }),
  });
  const t2 = performance.now();

  const concurrency = cellConcurrency(options.workers ?? 'auto', configs.length * repeats);
  const grid = await runGrid(data, {
    configs,
    repeats,
    seed,
    vae: { ...options.vae, epochs, earlyStopping },
    threshold: options.threshold,
    concurrency,
    signal: options.signal,
    onProgress: (p) => progress({ phase: 'grid', ...p }),
  });
  const t3 = performance.now();

  let files: ExperimentResult['files'];
  try {
    if (options.out !== undefined && grid.results.length > 0) {
      progress({ phase: 'files' });
      const out = options.out;
      const results = await writeResultsFolder(out, grid.results, data.selectedApps, data.selectedLabels);
      const summary = await writeSummaryCsv(out, grid.results);
      const model = grid.lastModel ? await saveModelBundle(out, grid.lastModel, data.settingsDescription) : [];
      const figure = (options.figure ?? true) ? await writeFigure(out, grid.results) : null;
      files = { out, results, summary, model, figure };
    }
  } finally {
    grid.lastModel?.vae.dispose();
  }
  const t4 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  const { matrix, ...rest } = data;
  return {
    cells: grid.results,
    byConfig: summarizeByConfig(grid.results),
    data: { ...rest, samples: matrix.rows, features: matrix.columns.length, keys: matrix.keys },
    configs: [...configs],
    repeats,
    epochs,
    earlyStopping,
    seed,
    concurrency,
    backend: backend.description,
    cancelled: grid.cancelled,
    ...(files ? { files } : {}),
    seconds: { total: (t4 - t0) / 1000, load: (t1 - t0) / 1000, features: (t2 - t1) / 1000, grid: (t3 - t2) / 1000, files: (t4 - t3) / 1000, cpu: (cpu.user + cpu.system) / 1e6 },
  };
}
