/**
 * `prodigy train`: trains an AnomalyDetector on healthy telemetry and saves the bundle
 * (model.json + weights.bin, scaler.json, deployment_metadata.json) atomically.
 */
import type { Command } from '../cli.js';
import { loadSettings } from './settings-option.js';
import { ArgumentError, type Args } from '../util/args.js';
import { ProgressBar } from '../util/progress.js';
import { SETTINGS_NAMES } from '../features/settings.js';
import { readLabels } from '../telemetry/labels.js';
import { useBestBackend } from '../model/backend.js';
import { AnomalyDetector, readTelemetry } from '../model/detector.js';
import type { ThresholdRule } from '../model/threshold.js';

const usage = `usage: prodigy train --data DIR|FILE.csv --out MODEL_DIR [options]

Trains the Prodigy detector (features -> MinMax scaler -> VAE -> threshold) on healthy samples
and saves it to MODEL_DIR (model.json + weights.bin, scaler.json, deployment_metadata.json).

  --data DIR|FILE.csv   a folder of LDMS sampler CSVs (meminfo, vmstat, procstat), or a tidy
                        table (job_id, component_id, timestamp, METRIC::SAMPLER columns)
  --out MODEL_DIR       the bundle folder (replaced atomically when it exists)
  --labels FILE         labels CSV (job_id, component_id, ..., binary_anom): only samples
                        with binary_anom 0 are trained on (default: every sample)
  --settings S          ${SETTINGS_NAMES.join(' | ')} | LIST.json (default minimal)
  --epochs N            training epochs (default 1000, the paper's)
  --seed N              seed of weights, shuffles and noise (default 0)
  --early-stopping      stop when the validation loss has not improved for --patience epochs
                        (off by default: the paper trains every epoch)
  --patience N          epochs without improvement before stopping (default 50)
  --threshold RULE      pNN (percentile, default p99) | max | a number
  --workers N           feature-extraction worker threads (default automatic; 0 = none)
  --quiet               no progress output`;

/** `p99` -> 99th percentile, `max`, or a fixed number. */
export function parseThresholdRule(text: string): ThresholdRule {
  if (text === 'max') return { kind: 'max' };
  const p = /^p(\d+(?:\.\d+)?)$/.exec(text);
  if (p) {
    const percentile = Number(p[1]);
    if (percentile > 100) throw new ArgumentError(`--threshold percentile must be at most 100, got ${percentile}`);
    return { kind: 'percentile', percentile };
  }
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) throw new ArgumentError(`--threshold must be pNN, max or a number, got "${text}"`);
  return { kind: 'value', value };
}

export const command: Command = {
  summary: 'train the anomaly detector on healthy telemetry and save it',
  usage,
  async run(args: Args) {
    const data = args.required('data');
    const out = args.required('out');
    const labelsPath = args.string('labels');
    const settingsSpec = args.string('settings', 'minimal');
    const epochs = args.int('epochs');
    if (epochs !== undefined && epochs < 1) throw new ArgumentError(`--epochs must be a positive integer, got ${epochs}`);
    const seed = args.int('seed', 0);
    const earlyStopping = args.flag('early-stopping');
    const patience = args.int('patience');
    if (patience !== undefined && !earlyStopping) throw new ArgumentError('--patience needs --early-stopping');
    if (patience !== undefined && patience < 1) throw new ArgumentError(`--patience must be a positive integer, got ${patience}`);
    const thresholdText = args.string('threshold');
    const threshold = thresholdText === undefined ? undefined : parseThresholdRule(thresholdText);
    const workersText = args.string('workers');
    const workers = workersText === undefined ? 'auto' : Number(workersText);
    if (workers !== 'auto' && (!Number.isInteger(workers) || workers < 0)) throw new ArgumentError(`--workers must be an integer >= 0, got "${workersText}"`);
    const quiet = args.flag('quiet');
    args.rejectUnknown();

    const settings = await loadSettings(settingsSpec);
    const backend = await useBestBackend();
    process.stdout.write(`backend: ${backend.description}\n`);
    const table = await readTelemetry(data);
    const labels = labelsPath === undefined ? undefined : await readLabels(labelsPath);
    const totalEpochs = epochs ?? 1000;
    let bar: ProgressBar | null = null;
    const detector = await AnomalyDetector.fit(table, {
      settings,
      labels,
      seed,
      threshold,
      vae: { epochs: totalEpochs, ...(earlyStopping ? { earlyStopping: { patience: patience ?? 50 } } : {}) },
      extract: { workers },
      onEpochEnd: quiet
        ? undefined
        : (log) => {
            bar ??= new ProgressBar({ total: totalEpochs, label: 'train' });
            bar.update(log.epoch, `loss ${log.loss.toFixed(2)}${log.valLoss === null ? '' : `  val ${log.valLoss.toFixed(2)}`}`);
          },
    });
    try {
      const training = detector.training!;
      (bar as ProgressBar | null)?.done(
        training.stopReason === 'early-stopping' ? `train: stopped early after ${training.epochs} epochs (no validation improvement in ${patience ?? 50})` : undefined,
      );
      await detector.save(out);
      process.stdout.write(
        `trained on ${training.samples} healthy samples x ${detector.columns.length} features, ${training.epochs} epochs` +
          `${training.stopReason === 'completed' ? '' : ` (${training.stopReason})`}; threshold ${detector.threshold}\n` +
          `wrote ${out}\n`,
      );
    } finally {
      detector.dispose();
    }
    return 0;
  },
};
