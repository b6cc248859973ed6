/**
 * `prodigy predict`: loads a detector bundle and writes one verdict per (job_id, component_id)
 * of new telemetry: pred, recon_error, top_metrics.
 */
import type { Command } from '../cli.js';
import { ArgumentError, type Args } from '../util/args.js';
import { writeCsvAtomic } from '../util/csv.js';
import { useBestBackend } from '../model/backend.js';
import { AnomalyDetector, PREDICTION_COLUMNS } from '../model/detector.js';

const usage = `usage: prodigy predict --model MODEL_DIR --data DIR|FILE.csv --out FILE.csv [options]

Scores telemetry with a detector saved by \`prodigy train\`: features (the saved ones only),
scaling, reconstruction error, verdict. Writes ${PREDICTION_COLUMNS.join(', ')}.

  --model MODEL_DIR     the bundle folder
  --data DIR|FILE.csv   a folder of LDMS sampler CSVs, or a tidy telemetry table
  --out FILE.csv        the predictions (written atomically)
  --seed N              seed of the latent noise (default: the model's training seed)
  --top N               metrics listed in top_metrics (default 3)
  --workers N           feature-extraction worker threads (default automatic; 0 = none)`;

export const command: Command = {
  summary: 'score telemetry with a trained detector (one verdict per job and node)',
  usage,
  async run(args: Args) {
    const modelDir = args.required('model');
    const data = args.required('data');
    const out = args.required('out');
    const seed = args.int('seed');
    const top = args.int('top', 3);
    if (top < 0) throw new ArgumentError(`--top must be >= 0, got ${top}`);
    const workersText = args.string('workers');
    const workers = workersText === undefined ? 'auto' : Number(workersText);
    if (workers !== 'auto' && (!Number.isInteger(workers) || workers < 0)) throw new ArgumentError(`--workers must be an integer >= 0, got "${workersText}"`);
    args.rejectUnknown();

    const backend = await useBestBackend();
    process.stdout.write(`backend: ${backend.description}\n`);
    const detector = await AnomalyDetector.load(modelDir);
    try {
      const result = await detector.predict(data, { seed, topMetricsInCell: top, topMetrics: Math.max(top, 5), extract: { workers } });
      await writeCsvAtomic(
        out,
        PREDICTION_COLUMNS,
        result.rows.map((r) => [r.job_id, r.component_id, r.pred, r.recon_error, r.top_metrics]),
      );
      const anomalous = result.rows.filter((r) => r.pred === 1).length;
      process.stdout.write(`${result.rows.length} samples, ${anomalous} predicted anomalous (threshold ${detector.threshold})\nwrote ${out}\n`);
    } finally {
      detector.dispose();
    }
    return 0;
  },
};
