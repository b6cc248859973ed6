/**
 * Ingest, end to end: sampler files (a folder, or files, or both) -> the tidy table, with the
 * labels matched when a labels file is given. The CLI `prodigy ingest` is a thin layer over
 * {@link ingestTelemetry}.
 */
import type { ColumnTable } from 'arquero';
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { TelemetryInputError } from './errors.js';
import { formatSampleKeys, matchLabels, type LabelMatch } from './label-matching.js';
import { readLabels } from './labels.js';
import { readSamplerFiles, type SamplerFileShape } from './sampler-file.js';
import { SAMPLERS, samplerOfFileName, type SamplerName } from './samplers.js';
import { buildTidyTable, type TransformOptions, type TransformReport } from './transform.js';

const ACCEPTED_NAMES = 'a file name containing meminfo, vmstat or procstat as a word, e.g. meminfo.csv, node1_vmstat.csv.gz, procstat.1700000000';

/**
 * The sampler files among `inputs`, per sampler, in name order. A folder contributes every
 * file whose name names a sampler (see `samplers.ts`; other files are skipped, sub-folders are
 * not searched); a file given by path must name a sampler. Throws a
 * {@link TelemetryInputError} when a path cannot be read, a name is ambiguous, or a sampler
 * has no file.
 */
export async function findSamplerFiles(inputs: readonly string[]): Promise<Record<SamplerName, string[]>> {
  const found: Record<SamplerName, string[]> = { meminfo: [], vmstat: [], procstat: [] };
  for (const input of inputs) {
    let isDirectory: boolean;
    try {
      isDirectory = (await stat(input)).isDirectory();
    } catch (err) {
      throw new TelemetryInputError(`cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`, input);
    }
    const candidates: [string, boolean][] = [];
    if (isDirectory) {
      const entries = await readdir(input, { withFileTypes: true });
      for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
        if (entry.isFile() || entry.isSymbolicLink()) candidates.push([join(input, entry.name), false]);
      }
    } else candidates.push([input, true]);
    for (const [path, explicit] of candidates) {
      const match = samplerOfFileName(basename(path));
      if ('sampler' in match) found[match.sampler].push(path);
      else if ('ambiguous' in match) throw new TelemetryInputError(`the file name names several samplers (${match.ambiguous.join(', ')})`, path);
      else if (explicit) throw new TelemetryInputError(`cannot tell which sampler this file holds: ${match.ignored} (accepted: ${ACCEPTED_NAMES})`, path);
    }
  }
  for (const sampler of SAMPLERS) {
    if (found[sampler].length === 0) {
      throw new TelemetryInputError(`no ${sampler} file found (accepted: ${ACCEPTED_NAMES})`, inputs.join(', '));
    }
  }
  return found;
}

/** Options of {@link ingestTelemetry}: the transform's, plus an optional labels file. */
export interface IngestOptions extends TransformOptions {
  /** A labels CSV (`labels.ts`) to match the samples against. */
  readonly labels?: string;
}

/** The report of an ingest: the transform's, the files read and the label matching. */
export interface IngestReport extends TransformReport {
  readonly files: Readonly<Record<SamplerName, string[]>>;
  readonly shapes: Readonly<Record<string, SamplerFileShape>>;
  readonly labelMatch?: LabelMatch;
}

/** The tidy table, the labels table when a labels file was given, and the report. */
export interface IngestResult {
  readonly table: ColumnTable;
  readonly labels?: ColumnTable;
  readonly report: IngestReport;
}

/**
 * Reads the sampler files found in `inputs` (folders and/or files), builds the tidy table
 * (`transform.ts`) and, with `options.labels`, reads the labels and matches them to the
 * samples (mismatches are in `report.labelMatch` and in `report.warnings`). Throws a
 * {@link TelemetryInputError} on bad input.
 */
export async function ingestTelemetry(inputs: string | readonly string[], options: IngestOptions = {}): Promise<IngestResult> {
  const files = await findSamplerFiles(typeof inputs === 'string' ? [inputs] : inputs);
  const reads = [];
  for (const sampler of SAMPLERS) reads.push(await readSamplerFiles(sampler, files[sampler]));
  const { table, report } = buildTidyTable(reads.map((r) => r.table), options);
  const shapes = Object.assign({}, ...reads.map((r) => r.shapes)) as Record<string, SamplerFileShape>;
  let labels: ColumnTable | undefined;
  let labelMatch: LabelMatch | undefined;
  const warnings = [...report.warnings];
  if (options.labels !== undefined) {
    labels = await readLabels(options.labels);
    labelMatch = matchLabels(table, labels);
    if (labelMatch.unlabeled.length) warnings.push(`${options.labels}: ${labelMatch.unlabeled.length} sample(s) have no label: ${formatSampleKeys(labelMatch.unlabeled)}`);
    if (labelMatch.withoutTelemetry.length) {
      warnings.push(`${options.labels}: ${labelMatch.withoutTelemetry.length} label(s) have no telemetry sample: ${formatSampleKeys(labelMatch.withoutTelemetry)}`);
    }
  }
  return { table, ...(labels ? { labels } : {}), report: { ...report, warnings, files, shapes, ...(labelMatch ? { labelMatch } : {}) } };
}
