/**
 * Writes a simulated dataset as a cluster would give it: `meminfo.csv`, `vmstat.csv`,
 * `procstat.csv` in the DSOS export shape and `labels.csv`.
 *
 * File format (the contract with the telemetry reader):
 * - header `timestamp,component_id,job_id,app_id,<metrics in Eclipse order>`;
 * - `timestamp` is unix seconds with six decimals (microseconds), e.g. `1614557105.012345`: the
 *   instant the sampler read /proc, a few milliseconds after the whole second;
 * - every other field is a whole number (kB, pages, jiffies, counts), `app_id` is 0;
 * - `labels.csv`: `job_id,component_id,app_name,anom_name,binary_anom`.
 *
 * All files appear together or not at all: they are streamed into a hidden temporary folder
 * inside `dir` and renamed into place only when every one of them is complete.
 */
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { streamFileAtomic, writeFileAtomic } from '../util/atomic.js';
import { writeCsvAtomic } from '../util/csv.js';
import { SAMPLER_ID_COLUMNS, SAMPLER_NAMES } from './eclipse-columns.js';
import type { SimulatedSamplerTable } from './sampler-table.js';
import type { SimulatedDataset } from './simulate.js';

/** The label file's columns, in order. */
export const LABEL_COLUMNS = ['job_id', 'component_id', 'app_name', 'anom_name', 'binary_anom'] as const;

/** Options of `writeSimulation`. */
export interface WriteSimulationOptions {
  /** Also write `ground_truth.json` (each job's run parameters and injected anomalies). */
  readonly groundTruth?: boolean;
}

/** The paths `writeSimulation` wrote. */
export interface WrittenSimulation {
  readonly meminfo: string;
  readonly vmstat: string;
  readonly procstat: string;
  readonly labels: string;
  readonly groundTruth?: string;
}

const CHUNK_CHARS = 1 << 20;

/** Streams one sampler table as CSV text chunks of about 1 MB through `write`. */
export async function writeSamplerCsv(table: SimulatedSamplerTable, write: (chunk: string) => Promise<void>): Promise<void> {
  await write([...SAMPLER_ID_COLUMNS, ...table.metricNames].join(',') + '\n');
  const values = table.metrics;
  const columns = values.length;
  let chunk = '';
  for (let r = 0; r < table.rowCount; r++) {
    let line = table.timestamp[r]!.toFixed(6) + ',' + table.componentId[r] + ',' + table.jobId[r] + ',' + table.appId[r];
    for (let c = 0; c < columns; c++) line += ',' + values[c]![r];
    chunk += line + '\n';
    if (chunk.length > CHUNK_CHARS) {
      await write(chunk);
      chunk = '';
    }
  }
  if (chunk) await write(chunk);
}

/** Writes `dataset` into folder `dir` (created if missing); all files appear together or not at all. */
export async function writeSimulation(dataset: SimulatedDataset, dir: string, options: WriteSimulationOptions = {}): Promise<WrittenSimulation> {
  await mkdir(dir, { recursive: true });
  const staging = await mkdtemp(join(dir, '.simulate-'));
  const names: string[] = [];
  try {
    for (const sampler of SAMPLER_NAMES) {
      await streamFileAtomic(join(staging, `${sampler}.csv`), (write) => writeSamplerCsv(dataset.samplers[sampler], write));
      names.push(`${sampler}.csv`);
    }
    await writeCsvAtomic(
      join(staging, 'labels.csv'),
      LABEL_COLUMNS,
      dataset.labels.map((l) => [l.job_id, l.component_id, l.app_name, l.anom_name, l.binary_anom]),
    );
    names.push('labels.csv');
    if (options.groundTruth) {
      const truth = { preset: dataset.preset, seed: dataset.seed, jobs: dataset.jobs };
      await writeFileAtomic(join(staging, 'ground_truth.json'), JSON.stringify(truth, null, 1) + '\n');
      names.push('ground_truth.json');
    }
    for (const name of names) await rename(join(staging, name), join(dir, name));
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return {
    meminfo: join(dir, 'meminfo.csv'),
    vmstat: join(dir, 'vmstat.csv'),
    procstat: join(dir, 'procstat.csv'),
    labels: join(dir, 'labels.csv'),
    ...(options.groundTruth ? { groundTruth: join(dir, 'ground_truth.json') } : {}),
  };
}
