/**
 * Where the Figure 6 experiment's telemetry comes from: the embedded simulated dataset (the
 * default), a folder of LDMS sampler files with its `labels.csv`, or a folder holding the
 * published artifact (Zenodo 10.5281/zenodo.8079388). Every source yields the same pair: the
 * tidy telemetry table and the labels table (`job_id, component_id, app_name, anom_name,
 * binary_anom`).
 */
import type { ColumnTable } from 'arquero';
import { existsSync } from 'node:fs';
import { isArtifactDir, loadArtifact } from '../artifact/index.js';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { KindToFcParameters } from '../features/kind-to-fc-parameters.js';
import { DEFAULT_SEED, simulateTelemetry } from '../simulate/index.js';
import { ingestTelemetry } from '../telemetry/ingest.js';

/** The telemetry of an experiment, and where it came from. */
export interface ExperimentTelemetry {
  /** The tidy table: job_id, component_id, timestamp, then `METRIC::SAMPLER` columns. */
  readonly table: ColumnTable;
  /** One row per sample: job_id, component_id, app_name, anom_name, binary_anom. */
  readonly labels: ColumnTable;
  /** One line for the user, e.g. "embedded dataset (preset prodigy, seed 0)". */
  readonly description: string;
  /** A feature list that came with the data (the artifact's pre-selected features), if any. */
  readonly settings?: KindToFcParameters;
  /** Things the user should know (unlabelled samples, labels without telemetry, ...). */
  readonly warnings: readonly string[];
}

/** Where to read the telemetry from. */
export interface ExperimentSourceOptions {
  /** A folder: LDMS sampler CSVs with `labels.csv`, or the published artifact. Absent: the embedded dataset. */
  readonly data?: string;
  /** The embedded dataset's preset (default `prodigy`: 160 samples, 80 healthy / 80 memleak). */
  readonly preset?: string;
  /** The embedded dataset's simulation seed (default the simulator's default seed). */
  readonly dataSeed?: number;
}

/** The labels file expected in a sampler folder. */
export const LABELS_FILE = 'labels.csv';

/**
 * Loads the experiment's telemetry: the simulated dataset when `data` is absent; else the
 * artifact when the folder holds it (`isArtifactDir`; read by `loadArtifact`, train and test
 * joined, with its CHI-2000 feature list when present, which the experiment then uses unless
 * other settings are given); else the sampler files of the folder with its
 * `labels.csv` (a missing labels file is an error naming the path).
 */
export async function loadExperimentTelemetry(options: ExperimentSourceOptions = {}): Promise<ExperimentTelemetry> {
  if (options.data === undefined) {
    const preset = options.preset ?? 'prodigy';
    const seed = options.dataSeed ?? DEFAULT_SEED;
    const sim = simulateTelemetry({ preset, seed });
    return {
      table: sim.table,
      labels: sim.labels,
      description: `embedded dataset (simulated, preset ${preset}, seed ${seed})`,
      warnings: sim.report.warnings,
    };
  }
  const dir = options.data;
  let isDir = false;
  try {
    isDir = (await stat(dir)).isDirectory();
  } catch (err) {
    throw new Error(`--data ${dir}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  if (!isDir) throw new Error(`--data ${dir}: not a folder (give a folder of sampler CSVs with ${LABELS_FILE}, or the artifact folder)`);
  if (isArtifactDir(dir)) {
    const artifact = await loadArtifact(dir);
    const report = artifact.report;
    const warnings: string[] = [];
    if (report.droppedRows.length > 0) warnings.push(`${report.droppedRows.length} telemetry row(s) with a missing value were dropped, as the original does before extracting features`);
    if (report.columnsInOneFile.length > 0) warnings.push(`metrics only one of the two data files has (NaN in the other's rows): ${report.columnsInOneFile.slice(0, 10).join(', ')}${report.columnsInOneFile.length > 10 ? ', ...' : ''}`);
    return {
      table: artifact.table,
      labels: artifact.labels,
      ...(artifact.settings ? { settings: artifact.settings } : {}),
      description: `published artifact in ${dir}${report.settingsFile ? ` (feature list ${report.settingsFile})` : ''}`,
      warnings,
    };
  }
  const labelsPath = join(dir, LABELS_FILE);
  if (!existsSync(labelsPath)) {
    throw new Error(`${labelsPath}: the labels file is missing (the experiment needs one label per sample: job_id, component_id, app_name, anom_name, binary_anom)`);
  }
  const ingested = await ingestTelemetry(dir, { labels: labelsPath });
  return {
    table: ingested.table,
    labels: ingested.labels!,
    description: `sampler files in ${dir}`,
    warnings: ingested.report.warnings,
  };
}
