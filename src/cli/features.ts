/**
 * `prodigy features`: tsfresh-compatible feature extraction from a tidy telemetry CSV.
 * Imports only the features stage and the tidy-CSV reader (no TensorFlow.js, no arquero), so it
 * starts fast; the calculators themselves are loaded only after the worker threads have been
 * started, so that the workers load theirs at the same time.
 */
import { open, stat } from 'node:fs/promises';
import type { Command } from '../cli.js';
import { loadSettings } from './settings-option.js';
import { ArgumentError, type Args } from '../util/args.js';
import { readTidyColumns } from '../telemetry/tidy-columns.js';
import { CsvRecordParser } from '../telemetry/csv-reader.js';
import { resolveSettings, type FeatureSettings } from '../features/resolve-settings.js';
import { AUTO_WORKER_THRESHOLD_MS, defaultWorkerCount, estimateExtractionMs, ExtractionWorkers } from '../features/worker-pool.js';
import type { KindToFcParameters } from '../features/kind-to-fc-parameters.js';
import { ID_COLUMNS } from '../features/tidy-samples.js';
import { SETTINGS_NAMES } from '../features/settings.js';
import type { RollingOptions } from '../features/rolling-windows.js';
import { enableTimeline, mark, markThreadCpu } from '../features/timeline.js';

const usage = `usage: prodigy features --input FILE.csv --settings SETTINGS --out FILE.csv [options]

Extracts tsfresh features from a tidy telemetry table (job_id, component_id, timestamp, then
METRIC::SAMPLER columns): one row per (job_id, component_id), or per window with --window.

  --input FILE.csv     the tidy table
  --settings S         ${SETTINGS_NAMES.join(' | ')} | LIST.json (a published feature list,
                       {"tsfresh_column_names": {metric: {calculator: [params] | null}}})
  --out FILE.csv       job_id, component_id[, window_start], then the features (NaN: empty field)
  --window N           rolling windows as tsfresh's roll_time_series with max_timeshift N
                       (a full window has N + 1 rows, as in tsfresh)
  --shift M            rolling_direction: windows M rows apart (default 1; negative rolls backward)
  --min-window K       min_timeshift: drop windows with fewer than K + 1 rows (default N, as the original)
  --keep-nan           keep feature columns that hold a NaN (default: drop them and list them)
  --missing MODE       error (default, as tsfresh) | drop: rows with a missing metric value
  --workers N          worker threads (default: automatic, only for large inputs; 0 = none)
  --quiet              no progress or dropped-column list
  --timings            a timeline on stderr: milliseconds since the process started at each
                       stage, per thread (also with the environment variable PRODIGY_TIMINGS=1)`;

/** Feature columns the settings ask for, about (one per parameter set; exact for most calculators). */
function approximateWidth(settings: KindToFcParameters): number {
  let width = 0;
  for (const [fc, kinds] of settings.blocks()) for (const params of Object.values(fc)) width += (params === null ? 1 : params.length) * kinds;
  return width;
}

/** Longest warm-up of prestarted workers (they stop as soon as the data is there). */
const PRESTART_WARM_UP_MS = 1000;

/** The header fields of a plain (not gzipped) CSV file, or undefined when it cannot be read. */
async function readHeader(path: string): Promise<string[] | undefined> {
  if (path.endsWith('.gz')) return undefined;
  let handle;
  try {
    handle = await open(path, 'r');
    const buffer = Buffer.alloc(1 << 16);
    let text = '';
    for (let offset = 0; ; ) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, offset);
      if (bytesRead === 0) return undefined;
      offset += bytesRead;
      text += buffer.toString('utf8', 0, bytesRead);
      const newline = text.indexOf('\n');
      if (newline >= 0) {
        let header: string[] | undefined;
        const parser = new CsvRecordParser(path, (fields) => (header ??= fields.map((f) => f.trim())));
        parser.push(text.slice(0, newline + 1));
        return header;
      }
      if (offset > 1 << 24) return undefined;
    }
  } catch {
    return undefined; // the reader proper reports the problem
  } finally {
    await handle?.close();
  }
}

/**
 * Starts the extraction workers before the input is read, when the work will clearly need
 * them, so that their start-up (loading modules, compiling the plan) overlaps the CSV read.
 * The work is estimated from the file size (about 12 bytes per value) and the plan's width.
 */
async function prestartWorkers(input: string, settings: FeatureSettings, workers: 'auto' | number, windows: boolean): Promise<ExtractionWorkers | undefined> {
  const count = workers === 'auto' ? defaultWorkerCount() : workers;
  if (count <= 0) return undefined;
  const header = await readHeader(input);
  if (!header) return undefined;
  const kinds = header.filter((name) => !(ID_COLUMNS as readonly string[]).includes(name));
  if (kinds.length === 0) return undefined;
  let k2fc;
  try {
    k2fc = resolveSettings(settings, kinds);
  } catch {
    return undefined;
  }
  if (workers === 'auto' && !windows) {
    const { size } = await stat(input);
    const pointsPerKind = size / 12 / header.length;
    if (estimateExtractionMs(pointsPerKind * kinds.length, approximateWidth(k2fc) / kinds.length) <= AUTO_WORKER_THRESHOLD_MS) return undefined;
  }
  // The workers warm their calculators up on synthetic series while this thread reads.
  return ExtractionWorkers.start(count, k2fc, 'error', PRESTART_WARM_UP_MS);
}

function windowOptions(args: Args): RollingOptions | undefined {
  const window = args.int('window');
  const shift = args.int('shift');
  const minWindow = args.int('min-window');
  if (window === undefined) {
    if (shift !== undefined || minWindow !== undefined) throw new ArgumentError('--shift and --min-window need --window');
    return undefined;
  }
  if (window <= 0) throw new ArgumentError(`--window must be a positive integer, got ${window}`);
  if (shift === 0) throw new ArgumentError('--shift must not be 0');
  if (minWindow !== undefined && minWindow < 0) throw new ArgumentError(`--min-window must be >= 0, got ${minWindow}`);
  return { maxTimeshift: window, rollingDirection: shift ?? 1, minTimeshift: minWindow ?? window };
}

export const command: Command = {
  summary: 'extract tsfresh features from a tidy telemetry CSV',
  usage,
  async run(args) {
    const input = args.required('input');
    const out = args.required('out');
    const settingsSpec = args.required('settings');
    const windows = windowOptions(args);
    const keepNaN = args.flag('keep-nan');
    const quiet = args.flag('quiet');
    const missing = args.string('missing', 'error');
    if (missing !== 'error' && missing !== 'drop') throw new ArgumentError(`--missing must be error or drop, got "${missing}"`);
    const workersText = args.string('workers');
    const workers = workersText === undefined ? 'auto' : Number(workersText);
    if (workers !== 'auto' && (!Number.isInteger(workers) || workers < 0)) throw new ArgumentError(`--workers must be an integer >= 0, got "${workersText}"`);
    if (args.flag('timings')) enableTimeline();
    args.rejectUnknown();
    mark('features command start');

    const settings = await loadSettings(settingsSpec);
    // Workers start now, so that they load while this thread reads the CSV.
    const pool = await prestartWorkers(input, settings, workers, windows !== undefined);
    mark(pool ? `${pool.alive} worker(s) started` : 'no prestarted workers');
    let result;
    try {
      // the calculators load here while the workers load theirs
      const [table, { extractFeatureValues }, { writeFeatureCsv }] = await Promise.all([
        readTidyColumns(input).then((t) => (mark('input read'), t)),
        import('../features/extract-values.js').then((m) => (mark('calculators loaded'), m)),
        import('../features/feature-csv.js'),
      ]);
      const showProgress = !quiet && process.stderr.isTTY;
      let lastShown = 0;
      // The pool compiled the settings resolved against the header: hand those over as they are.
      result = await extractFeatureValues(table, pool?.settings ?? settings, {
        pool,
        windows,
        keepNaN,
        workers,
        missingValues: missing,
        source: input,
        onProgress: showProgress
          ? (done, total) => {
              const now = Date.now();
              if (now - lastShown < 200 && done < total) return;
              lastShown = now;
              process.stderr.write(`\rfeatures: ${done} / ${total} series`);
              if (done === total) process.stderr.write('\n');
            }
          : undefined,
      });
      mark('extracted');
      // half of the output is formatted in a worker while this thread formats the other half
      await writeFeatureCsv(out, result.features, pool);
      markThreadCpu();
    } finally {
      void pool?.close();
    }
    const { features, dropped } = result;
    const lines = [`wrote ${features.keys.jobId.length} rows x ${result.featuresPerRow - dropped.length} features to ${out}`];
    if (dropped.length) {
      lines.push(`dropped ${dropped.length} feature columns that hold a NaN (--keep-nan keeps them)${quiet ? '' : ':'}`);
      if (!quiet) for (const name of dropped) lines.push(`  ${name}`);
    }
    process.stdout.write(lines.join('\n') + '\n');
    return 0;
  },
};
