/**
 * The Figure 6 experiment's files, with the original's names and keys (spec section 7):
 *
 *   <out>/results/expConfig_{c}_repeatNum_{r}_testResults.json   classification_report(output_dict=True)
 *   <out>/results/expConfig_{c}_repeatNum_{r}_dataStats.json     {"selected_apps", "selected_labels",
 *                                                                 "dataset_stats": {"train": {"0", "1"}, "test": {"0", "1"}}}
 *   <out>/model.json, weights.bin, scaler.json, deployment_metadata.json   the last model (AnomalyDetector bundle)
 *   <out>/prodigy_increasing_num_samples_results.pdf (+ .html, .png)      the figure
 *
 * and ours: `<out>/summary.csv`, one tidy row per cell. Every file is written atomically.
 */
import { readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { AnomalyDetector } from '../model/detector.js';
import type { FittedModel } from '../model/pipeline.js';
import { closeRenderer, findChromium } from '../plot/render.js';
import { exportFigure } from '../plot/export.js';
import { figure6Chart } from '../plot/figure6.js';
import { writeDirAtomic, writeFileAtomic } from '../util/atomic.js';
import { writeCsvAtomic, type CsvCell } from '../util/csv.js';
import type { ClassificationReport } from './classification-report.js';
import type { CellResult, CellSpec } from './experiment-cell.js';

/** The folder of the per-cell JSON files, inside the output folder. */
export const RESULTS_FOLDER = 'results';
/** The figure's file name without extension (the original's PDF name). */
export const FIGURE_BASENAME = 'prodigy_increasing_num_samples_results';
/** The tidy summary file. */
export const SUMMARY_CSV = 'summary.csv';

/** `expConfig_{c}_repeatNum_{r}_testResults.json` */
export function testResultsFileName(spec: CellSpec): string {
  return `expConfig_${spec.config}_repeatNum_${spec.repeat}_testResults.json`;
}

/** `expConfig_{c}_repeatNum_{r}_dataStats.json` */
export function dataStatsFileName(spec: CellSpec): string {
  return `expConfig_${spec.config}_repeatNum_${spec.repeat}_dataStats.json`;
}

/** The dataStats object of one cell, keys in the original's order. */
export interface DataStats {
  selected_apps: string[];
  selected_labels: string[];
  dataset_stats: {
    train: { '0': number; '1': number };
    test: { '0': number; '1': number };
  };
}

/** The dataStats of a cell: the selection and the label counts of its train and test sets (train is healthy only). */
export function dataStatsOf(result: CellResult, selectedApps: readonly string[], selectedLabels: readonly string[]): DataStats {
  return {
    selected_apps: [...selectedApps],
    selected_labels: [...selectedLabels],
    dataset_stats: {
      train: { '0': result.nTrainHealthy, '1': 0 },
      test: { '0': result.nTestHealthy, '1': result.nTestAnomalous },
    },
  };
}

/** Writes the two JSON files of one cell into folder `dir`. */
export async function writeCellFiles(dir: string, result: CellResult, selectedApps: readonly string[], selectedLabels: readonly string[]): Promise<void> {
  const report: ClassificationReport = result.report;
  await writeFileAtomic(join(dir, testResultsFileName(result)), JSON.stringify(report, null, 4) + '\n');
  await writeFileAtomic(join(dir, dataStatsFileName(result)), JSON.stringify(dataStatsOf(result, selectedApps, selectedLabels), null, 4) + '\n');
}

/**
 * Writes `<out>/results/` with the two files of every cell. The folder is replaced as a whole
 * (filled under a temporary name, then renamed), so it never mixes files of an earlier run
 * with other configs or repeats. Returns the folder's path.
 */
export async function writeResultsFolder(out: string, results: readonly CellResult[], selectedApps: readonly string[], selectedLabels: readonly string[]): Promise<string> {
  const dir = join(out, RESULTS_FOLDER);
  await writeDirAtomic(dir, async (tmp) => {
    for (const result of results) await writeCellFiles(tmp, result, selectedApps, selectedLabels);
  });
  return dir;
}

/** The columns of summary.csv, in order. */
export const SUMMARY_COLUMNS = [
  'config',
  'repeat',
  'n_train_healthy',
  'n_test_healthy',
  'n_test_anomalous',
  'macro_f1',
  'accuracy',
  'roc_auc',
  'pr_auc',
  'threshold',
  'epochs_run',
  'seconds',
] as const;

/** One summary.csv row of a cell (pr_auc is the average precision). */
export function summaryRow(r: CellResult): CsvCell[] {
  return [r.config, r.repeat, r.nTrainHealthy, r.nTestHealthy, r.nTestAnomalous, r.macroF1, r.accuracy, r.rocAuc, r.prAuc, r.threshold, r.epochsRun, Number(r.seconds.toFixed(3))];
}

/** Writes `<out>/summary.csv`: one row per cell, in the order given. */
export async function writeSummaryCsv(out: string, results: readonly CellResult[]): Promise<string> {
  const path = join(out, SUMMARY_CSV);
  await writeCsvAtomic(path, SUMMARY_COLUMNS, results.map(summaryRow));
  return path;
}

/**
 * Saves a fitted model as an AnomalyDetector bundle directly in `out` (model.json,
 * weights.bin, scaler.json, deployment_metadata.json), so `AnomalyDetector.load(out)` reads
 * it. The bundle is written to a temporary folder inside `out` first and its files are then
 * renamed into place one by one (each rename atomic; the rest of `out` is left alone).
 * `settings` names the feature settings for the metadata.
 */
export async function saveModelBundle(out: string, model: FittedModel, settings: string): Promise<string[]> {
  const detector = AnomalyDetector.fromModel(model, model.columns, settings);
  const staging = join(out, `.model-${process.pid}-${Date.now().toString(36)}`);
  try {
    await detector.save(staging);
    const files = (await readdir(staging)).sort();
    for (const file of files) await rename(join(staging, file), join(out, file));
    return files.map((file) => join(out, file));
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** Where the figure went, and what could not be drawn. */
export interface FigureFiles {
  readonly html: string;
  /** The PDF and PNG paths, or null when Chromium is missing. */
  readonly pdf: string | null;
  readonly png: string | null;
  /** Why PDF/PNG are missing, when they are. */
  readonly note: string | null;
}

/**
 * Draws Figure 6 from the results (`figure6Chart`) and writes
 * `prodigy_increasing_num_samples_results.html` always, and `.pdf` and `.png` through
 * headless Chromium when it is installed (the note says so when it is not). Closes the
 * renderer afterwards when `closeBrowser` (default true).
 */
export async function writeFigure(out: string, results: readonly CellResult[], options: { title?: string; closeBrowser?: boolean } = {}): Promise<FigureFiles> {
  const figure = figure6Chart(
    results.map((r) => ({ nTrainHealthy: r.nTrainHealthy, repeat: r.repeat, macroF1: r.macroF1 })),
    options.title ? { title: options.title } : {},
  );
  const base = join(out, FIGURE_BASENAME);
  await exportFigure(figure, `${base}.html`);
  if (!findChromium()) {
    return { html: `${base}.html`, pdf: null, png: null, note: 'the PDF and PNG need Chromium (apt-get install -y chromium, or set PRODIGY_CHROMIUM); the HTML was written' };
  }
  try {
    await exportFigure(figure, `${base}.pdf`);
    await exportFigure(figure, `${base}.png`);
  } finally {
    if (options.closeBrowser ?? true) await closeRenderer();
  }
  return { html: `${base}.html`, pdf: `${base}.pdf`, png: `${base}.png`, note: null };
}
