/**
 * `prodigy reproduce`: the paper's Figure 6 experiment (macro F1 by number of healthy training
 * samples) on the embedded dataset or a given folder; writes the original's result files,
 * summary.csv, the last model bundle and the figure, and prints the table. `npm start` runs it
 * with its defaults.
 */
import { resolve } from 'node:path';
import type { Command } from '../cli.js';
import { loadSettings } from './settings-option.js';
import { SETTINGS_NAMES } from '../features/settings.js';
import { ArgumentError, type Args } from '../util/args.js';

/** Repeats when none are given: sized so the default run takes a few minutes on 2 cores (see the README). */
export const CLI_DEFAULT_REPEATS = 2;
/** Early-stopping patience (epochs) with --early-stopping and no --patience. */
export const CLI_DEFAULT_PATIENCE = 50;

const usage = `usage: prodigy reproduce [--data DIR] [--out DIR] [--repeats N] [--configs 0,1,...] [--epochs N]
                         [--settings S] [--seed N] [--early-stopping [--patience N]] [--workers N]
                         [--apps a,b] [--labels none,memleak] [--preset NAME] [--paper] [--quiet]

Reproduces Figure 6 of the Prodigy paper: for expConfig 0..5 the share 0.2, 0.4, 0.6, 0.8, 0.9,
0.95 of the healthy samples is held out for test (64, 48, 32, 16, 8, 4 of 80 left to train); a
VAE is trained on the rest and tested on the held-out healthy plus every anomalous sample; macro
F1 is averaged over repeats. Features are extracted once for all samples (each sample's
features depend on its own series only, so this equals extracting per split).

Writes into OUT: results/expConfig_{c}_repeatNum_{r}_testResults.json and ..._dataStats.json
(the original's names and keys), summary.csv (one row per cell), the last cell's model bundle
(model.json, weights.bin, scaler.json, deployment_metadata.json) and the figure
prodigy_increasing_num_samples_results.pdf / .png (need Chromium) / .html.

  --data DIR           a folder of sampler CSVs (meminfo, vmstat, procstat) with labels.csv, or
                       the published artifact; default: the embedded simulated dataset
  --preset NAME        the embedded dataset's preset (default prodigy: 160 samples, 80 healthy)
  --out DIR            output folder (default ./prodigy-results)
  --repeats N          repeats per config (default ${CLI_DEFAULT_REPEATS}, a few minutes on 2 cores; the paper: 5)
  --configs LIST       expConfigs to run, e.g. 0,2,5 (default 0,1,2,3,4,5)
  --epochs N           training epochs (default 1000, the paper's)
  --early-stopping     stop a training when the validation loss has not improved for --patience
                       epochs (default ${CLI_DEFAULT_PATIENCE}) and keep the best epoch's weights
  --settings S         ${SETTINGS_NAMES.join(' | ')} | LIST.json (a tsfresh kind_to_fc_parameters
                       feature list, e.g. the artifact's); default minimal
  --seed N             base seed of splits, models and scoring (default 0)
  --apps LIST          app_name values to use (default: all in the labels)
  --labels LIST        anom_name values to use (default none,memleak)
  --workers N          cells trained at once, each in a worker thread (default: 2 on 2+ cores)
  --paper              the paper's setting: --repeats 5 --epochs 1000, no early stopping
  --quiet              no progress line`;

function list(args: Args, name: string): string[] | undefined {
  const text = args.string(name);
  if (text === undefined) return undefined;
  const items = text.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
  if (items.length === 0) throw new ArgumentError(`--${name} needs at least one value`);
  return items;
}

/** Writes a progress line: rewritten in place on a terminal, else one line per finished cell. */
function progressWriter(quiet: boolean): { write: (line: string, finished: boolean) => void; end: () => void } {
  const tty = process.stderr.isTTY === true;
  let shown = false;
  return {
    write(line, finished) {
      if (quiet) return;
      if (tty) {
        const width = Math.max(20, (process.stderr.columns ?? 120) - 1);
        process.stderr.write(`\r\x1b[2K${line.slice(0, width)}`);
        shown = true;
      } else if (finished) process.stderr.write(line + '\n');
    },
    end() {
      if (shown) process.stderr.write('\n');
      shown = false;
    },
  };
}

export const command: Command = {
  summary: "reproduce the paper's Figure 6 (macro F1 by number of healthy training samples)",
  usage,
  async run(args: Args): Promise<number> {
    const paper = args.flag('paper');
    const data = args.string('data');
    const preset = args.string('preset');
    const out = resolve(args.string('out', 'prodigy-results'));
    const repeats = args.int('repeats', paper ? 5 : CLI_DEFAULT_REPEATS);
    const configs = args.intList('configs');
    const epochs = args.int('epochs', 1000);
    const earlyStoppingFlag = args.flag('early-stopping');
    const patience = args.int('patience');
    const settingsSpec = args.string('settings');
    const seed = args.int('seed', 0);
    const apps = list(args, 'apps');
    const labels = list(args, 'labels');
    const workers = args.int('workers');
    const quiet = args.flag('quiet');
    args.rejectUnknown();
    if (repeats < 1) throw new ArgumentError(`--repeats must be at least 1, got ${repeats}`);
    if (epochs < 1) throw new ArgumentError(`--epochs must be at least 1, got ${epochs}`);
    if (workers !== undefined && workers < 1) throw new ArgumentError(`--workers must be at least 1, got ${workers}`);
    if (patience !== undefined && !earlyStoppingFlag) throw new ArgumentError('--patience needs --early-stopping');
    if (patience !== undefined && patience < 1) throw new ArgumentError(`--patience must be at least 1, got ${patience}`);
    if (paper && (earlyStoppingFlag || (epochs !== 1000))) throw new ArgumentError('--paper means 1000 epochs without early stopping; drop --epochs / --early-stopping');
    if (data !== undefined && preset !== undefined) throw new ArgumentError('--preset is for the embedded dataset; it cannot go with --data');
    const settings = settingsSpec === undefined ? undefined : await loadSettings(settingsSpec);
    const earlyStopping = earlyStoppingFlag ? { patience: patience ?? CLI_DEFAULT_PATIENCE, restoreBestWeights: true } : null;

    // TensorFlow.js and the experiment load only when this command runs.
    const { runExperiment } = await import('../evaluate/experiment.js');
    const { formatProgressLine, formatDuration } = await import('../evaluate/experiment-progress.js');
    const { formatSummaryTable } = await import('../evaluate/experiment-summary.js');

    const controller = new AbortController();
    const onSignal = () => {
      process.stderr.write('\nprodigy reproduce: stopping after the running epochs (Ctrl-C again to quit now)\n');
      controller.abort();
      process.once('SIGINT', () => process.exit(130));
    };
    process.once('SIGINT', onSignal);
    const progress = progressWriter(quiet);
    let result;
    try {
      result = await runExperiment({
        data,
        preset,
        out,
        repeats,
        configs,
        epochs,
        earlyStopping,
        settings,
        seed,
        apps,
        labels,
        workers: workers ?? 'auto',
        signal: controller.signal,
        onProgress: (p) => progress.write(formatProgressLine(p), p.phase === 'grid' ? p.finished !== undefined : p.phase !== 'features'),
      });
    } finally {
      progress.end();
      process.removeListener('SIGINT', onSignal);
    }

    for (const warning of result.data.warnings) process.stderr.write(`warning: ${warning}\n`);
    const lines: string[] = [];
    const d = result.data;
    const healthy = d.healthyRows.length;
    lines.push(`Prodigy Figure 6 reproduction${result.cancelled ? ' (STOPPED EARLY: partial results)' : ''}`);
    lines.push(`data:      ${d.source}: ${d.samples} samples (${healthy} healthy, ${d.anomalousRows.length} anomalous); apps ${d.selectedApps.join(', ')}; labels ${d.selectedLabels.join(', ')}`);
    lines.push(`features:  ${d.settingsDescription}, ${d.features} columns, extracted once in ${result.seconds.features.toFixed(1)} s`);
    const stopping = result.earlyStopping ? `, early stopping (patience ${result.earlyStopping.patience})` : '';
    lines.push(`training:  ${result.repeats} repeat(s) x ${result.configs.length} config(s), ${result.epochs} epochs${stopping}, seed ${result.seed}`);
    if (result.repeats !== 5 || result.epochs !== 1000 || result.earlyStopping) {
      lines.push('           (the paper: --paper, i.e. --repeats 5 --epochs 1000; the artifact says 10 repeats reproduce it exactly)');
    }
    lines.push(`backend:   ${result.backend}; ${result.concurrency} cell(s) at a time${result.concurrency > 1 ? ' in worker threads' : ''}`);
    lines.push('');
    lines.push(result.byConfig.length > 0 ? formatSummaryTable(result.byConfig) : '(no cell finished)');
    lines.push('');
    if (result.files) {
      const f = result.files;
      lines.push(`results:   ${f.results}/ (${result.cells.length * 2} files: expConfig_{c}_repeatNum_{r}_testResults.json, ..._dataStats.json)`);
      lines.push(`summary:   ${f.summary}`);
      if (f.model.length) lines.push(`model:     ${f.out}/ (${f.model.map((p) => p.slice(f.out.length + 1)).join(', ')}; the last cell's model)`);
      if (f.figure) {
        lines.push(`figure:    ${f.figure.pdf ?? f.figure.html}${f.figure.png ? `, ${f.figure.png}` : ''}${f.figure.pdf ? `, ${f.figure.html}` : ''}`);
        if (f.figure.note) lines.push(`           ${f.figure.note}`);
      }
    }
    const s = result.seconds;
    lines.push(`time:      ${formatDuration(s.total)} (telemetry ${s.load.toFixed(1)} s, features ${s.features.toFixed(1)} s, grid ${formatDuration(s.grid)}, files ${s.files.toFixed(1)} s); CPU time ${formatDuration(s.cpu)}`);
    process.stdout.write(lines.join('\n') + '\n');
    return result.cancelled ? 130 : 0;
  },
};
