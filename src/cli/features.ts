/**
 * `prodigy features`: tsfresh-compatible feature extraction from a tidy telemetry CSV.
 * Imports only the features stage and the tidy-CSV reader (no TensorFlow.js), so it starts fast.
 */
import { readFile } from 'node:fs/promises';
import type { Command } from '../cli.js';
import { ArgumentError, type Args } from '../util/args.js';
import { writeCsvAtomic } from '../util/csv.js';
import { readTidyTable } from '../telemetry/tidy-csv.js';
import { extractFeatures, type FeatureSettings } from '../features/extract.js';
import { KindToFcParameters } from '../features/kind-to-fc-parameters.js';
import { isSettingsName, SETTINGS_NAMES } from '../features/settings.js';
import type { RollingOptions } from '../features/rolling-windows.js';

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
  --quiet              no progress or dropped-column list`;

async function loadSettings(spec: string): Promise<FeatureSettings> {
  if (isSettingsName(spec)) return spec;
  if (!spec.toLowerCase().endsWith('.json')) throw new ArgumentError(`--settings must be ${SETTINGS_NAMES.join(', ')} or a .json feature list, got "${spec}"`);
  let text: string;
  try {
    text = await readFile(spec, 'utf8');
  } catch (err) {
    throw new Error(`cannot read the feature list ${spec}: ${(err as Error).message}`);
  }
  return KindToFcParameters.parse(text, spec);
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
    args.rejectUnknown();

    const settings = await loadSettings(settingsSpec);
    const table = await readTidyTable(input);
    const showProgress = !quiet && process.stderr.isTTY;
    let lastShown = 0;
    const result = await extractFeatures(table, settings, {
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
    const { matrix, dropped } = result;
    await writeCsvAtomic(out, matrix.header(), matrix.rowCells());
    const lines = [`wrote ${matrix.rows} rows x ${matrix.columns.length} features to ${out}`];
    if (dropped.length) {
      lines.push(`dropped ${dropped.length} feature columns that hold a NaN (--keep-nan keeps them)${quiet ? '' : ':'}`);
      if (!quiet) for (const name of dropped) lines.push(`  ${name}`);
    }
    process.stdout.write(lines.join('\n') + '\n');
    return 0;
  },
};
