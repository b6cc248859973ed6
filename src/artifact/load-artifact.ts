/**
 * `loadArtifact`: the published artifact folder -> what the Figure 6 experiment needs: the
 * tidy telemetry of train and test joined (the original's `pd.concat([x_train, x_test])`), the
 * joined labels, and the CHI-2000 feature list as tsfresh `kind_to_fc_parameters`.
 */
import { readFile } from 'node:fs/promises';
import { table as makeTable, type ColumnTable } from 'arquero';
import { KindToFcParameters } from '../features/kind-to-fc-parameters.js';
import { formatSampleKeys, matchLabels } from '../telemetry/label-matching.js';
import { TIDY_ID_COLUMNS } from '../telemetry/tidy-table.js';
import { artifactPaths, isArtifactDir, missingArtifactFiles } from './artifact-dir.js';
import { ArtifactInputError } from './errors.js';
import { readArtifactLabels } from './labels.js';
import { readPandasHdf } from './read-pandas-hdf.js';
import type { PandasHdfReport } from './tidy-frame.js';
import { existsSync } from 'node:fs';

export interface LoadArtifactOptions {
  /**
   * Rows with a missing (NaN) metric value: `drop-rows` (default) removes them, as the original
   * does right before feature extraction (`data.dropna()` over the whole frame); `keep` leaves
   * them NaN.
   */
  missingValues?: 'drop-rows' | 'keep';
  /**
   * The feature list: a path, `false` for none, or (default) the folder's
   * `fe_eclipse_tsfresh_raw_CHI_2000.json` when present.
   */
  settings?: string | false;
}

/** What loading gave, beyond the tables. */
export interface ArtifactReport {
  readonly dir: string;
  readonly train: PandasHdfReport;
  readonly test: PandasHdfReport;
  /** Metric columns only one of the two files has (the other's rows hold NaN there, as pd.concat does). */
  readonly columnsInOneFile: readonly string[];
  /** Rows dropped for a missing value (`missingValues: 'drop-rows'`), with their ids. */
  readonly droppedRows: readonly { job_id: number; component_id: number; timestamp: number; columns: string[] }[];
  /** Samples (job, node pairs) in the table, and how many are healthy / anomalous. */
  readonly samples: number;
  readonly healthy: number;
  readonly anomalous: number;
  /** The feature list read, when one was. */
  readonly settingsFile?: string;
}

/** The artifact, loaded. */
export interface LoadedArtifact {
  /** Tidy telemetry of train then test: job_id, component_id, timestamp, METRIC::SAMPLER columns. */
  readonly table: ColumnTable;
  /** Labels of train then test: job_id, component_id, app_name, anom_name, binary_anom. */
  readonly labels: ColumnTable;
  /** The CHI feature list (`tsfresh_column_names`), when the folder has one or one was given. */
  readonly settings?: KindToFcParameters;
  readonly report: ArtifactReport;
}

/**
 * Loads the artifact folder `dir` (see {@link isArtifactDir}). Reads both data files with
 * `readPandasHdf` and joins them by column name (train rows first; a metric only one file has
 * is NaN in the other's rows), reads and joins the labels, checks that every label has
 * telemetry and every sample a label, drops rows with a missing value unless told to keep
 * them, and parses the feature list. Throws an {@link ArtifactInputError} naming the missing
 * files, the samples whose labels and data do not match, or the metrics the feature list names
 * that the data lacks.
 */
export async function loadArtifact(dir: string, options: LoadArtifactOptions = {}): Promise<LoadedArtifact> {
  if (!isArtifactDir(dir)) {
    throw new ArtifactInputError(`not an artifact folder: ${missingArtifactFiles(dir).join(', ')} missing (the published artifact holds prod_train_data.hdf, prod_test_data.hdf, prod_train_label.csv, prod_test_label.csv)`, dir);
  }
  const paths = artifactPaths(dir);
  const train = await readPandasHdf(paths.trainData);
  const test = await readPandasHdf(paths.testData);
  const { table: joined, columnsInOneFile } = concatTidy(train.table, test.table);
  const labels = await readArtifactLabels(dir);

  const match = matchLabels(joined, labels);
  if (match.withoutTelemetry.length > 0 || match.unlabeled.length > 0) {
    const parts: string[] = [];
    if (match.withoutTelemetry.length) parts.push(`${match.withoutTelemetry.length} labelled sample(s) have no telemetry in the data files: ${formatSampleKeys(match.withoutTelemetry)}`);
    if (match.unlabeled.length) parts.push(`${match.unlabeled.length} sample(s) of the data files have no label: ${formatSampleKeys(match.unlabeled)}`);
    throw new ArtifactInputError(`the labels do not match the data: ${parts.join('; ')}`, dir);
  }

  const { table, dropped } = (options.missingValues ?? 'drop-rows') === 'drop-rows' ? dropRowsWithMissing(joined) : { table: joined, dropped: [] };

  let settings: KindToFcParameters | undefined;
  let settingsFile: string | undefined;
  if (options.settings !== false) {
    settingsFile = options.settings ?? (existsSync(paths.featureList) ? paths.featureList : undefined);
    if (settingsFile !== undefined) {
      settings = KindToFcParameters.parse(await readFile(settingsFile, 'utf8'), settingsFile);
      const columns = new Set(table.columnNames());
      const absent = settings.kinds.filter((kind) => !columns.has(kind));
      if (absent.length > 0) {
        throw new ArtifactInputError(`the feature list names ${absent.length} metric(s) the data files do not have: ${absent.slice(0, 10).join(', ')}${absent.length > 10 ? ', ...' : ''}`, settingsFile);
      }
    }
  }
  const binary = labels.array('binary_anom') as ArrayLike<number>;
  let anomalous = 0;
  for (let i = 0; i < binary.length; i++) anomalous += binary[i] === 1 ? 1 : 0;
  return {
    table,
    labels,
    settings,
    report: {
      dir,
      train: train.report,
      test: test.report,
      columnsInOneFile,
      droppedRows: dropped,
      samples: match.matched,
      healthy: binary.length - anomalous,
      anomalous,
      settingsFile,
    },
  };
}

/** `pd.concat([a, b])` of two tidy tables: columns by name (a's order, then b's extra ones), missing ones NaN. */
function concatTidy(a: ColumnTable, b: ColumnTable): { table: ColumnTable; columnsInOneFile: string[] } {
  const names = [...a.columnNames()];
  for (const name of b.columnNames()) if (!names.includes(name)) names.push(name);
  const na = a.numRows();
  const nb = b.numRows();
  const inA = new Set(a.columnNames());
  const inB = new Set(b.columnNames());
  const data: Record<string, Float64Array> = {};
  for (const name of names) {
    const out = new Float64Array(na + nb).fill(NaN);
    if (inA.has(name)) out.set(a.array(name) as Float64Array, 0);
    if (inB.has(name)) out.set(b.array(name) as Float64Array, na);
    data[name] = out;
  }
  return { table: makeTable(data), columnsInOneFile: names.filter((n) => !(inA.has(n) && inB.has(n))) };
}

/** The original's `data.dropna()`: removes every row with a NaN in any column, reporting each. */
export function dropRowsWithMissing(table: ColumnTable): { table: ColumnTable; dropped: ArtifactReport['droppedRows'] } {
  const names = table.columnNames();
  const arrays = names.map((n) => table.array(n) as ArrayLike<number>);
  const rows = table.numRows();
  const keep: number[] = [];
  const dropped: { job_id: number; component_id: number; timestamp: number; columns: string[] }[] = [];
  for (let r = 0; r < rows; r++) {
    const columns = names.filter((_, j) => Number.isNaN(arrays[j]![r]!));
    if (columns.length === 0) keep.push(r);
    else {
      const id = (c: (typeof TIDY_ID_COLUMNS)[number]) => (table.array(c) as ArrayLike<number>)[r]!;
      dropped.push({ job_id: id('job_id'), component_id: id('component_id'), timestamp: id('timestamp'), columns });
    }
  }
  if (dropped.length === 0) return { table, dropped };
  const data: Record<string, Float64Array> = {};
  names.forEach((name, j) => (data[name] = Float64Array.from(keep, (r) => arrays[j]![r]!)));
  return { table: makeTable(data), dropped };
}
