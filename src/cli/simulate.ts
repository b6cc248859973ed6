/**
 * `prodigy simulate`: writes the embedded Eclipse-like dataset as a cluster would give it
 * (meminfo.csv, vmstat.csv, procstat.csv in the DSOS shape, and labels.csv). Imports only the
 * simulator, so it starts fast.
 */
import type { Command } from '../cli.js';
import { ArgumentError, type Args } from '../util/args.js';
import { PRESETS, simulate, writeSimulation, DEFAULT_SEED } from '../simulate/index.js';

const presetLines = Object.values(PRESETS)
  .map((p) => `                       ${p.name.padEnd(8)} ${p.description}`)
  .join('\n');

const usage = `usage: prodigy simulate --out DIR [--seed N] [--preset NAME] [--ground-truth] [--quiet]

Simulates LDMS telemetry (meminfo, vmstat, procstat; 1 s sampling) of the applications lammps,
sw4, sw4lite and exa on Eclipse-like nodes (36 cores, 72 hardware threads, 128 GB), with
HPAS-style anomalies injected on chosen nodes, and writes DIR/meminfo.csv, DIR/vmstat.csv,
DIR/procstat.csv (timestamp in unix seconds with microseconds, component_id, job_id, app_id,
then the metrics) and DIR/labels.csv (job_id, component_id, app_name, anom_name, binary_anom).
The same seed and preset give the same bytes.

  --out DIR            output folder (created if missing; the files appear together or not at all)
  --seed N             integer seed (default ${DEFAULT_SEED})
  --preset NAME        dataset shape (default prodigy):
${presetLines}
  --ground-truth       also write DIR/ground_truth.json (run parameters, anomaly parameters, start times)
  --quiet              no summary line`;

export const command: Command = {
  summary: 'write the embedded Eclipse-like dataset (sampler CSVs + labels)',
  usage,
  async run(args: Args): Promise<number> {
    const out = args.required('out');
    const seed = args.int('seed', DEFAULT_SEED);
    const presetName = args.string('preset', 'prodigy');
    const groundTruth = args.flag('ground-truth');
    const quiet = args.flag('quiet');
    args.rejectUnknown();
    if (!PRESETS[presetName]) throw new ArgumentError(`--preset must be one of ${Object.keys(PRESETS).join(', ')}, got "${presetName}"`);
    const started = performance.now();
    const dataset = simulate({ preset: presetName, seed });
    await writeSimulation(dataset, out, { groundTruth });
    if (!quiet) {
      const anomalous = dataset.labels.filter((l) => l.binary_anom === 1).length;
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      process.stderr.write(
        `prodigy simulate: preset ${presetName}, seed ${seed}: ${dataset.jobs.length} jobs, ${dataset.labels.length} samples ` +
          `(${dataset.labels.length - anomalous} healthy, ${anomalous} anomalous), ${dataset.samplers.meminfo.rowCount} rows per sampler -> ${out} in ${seconds} s\n`,
      );
    }
    return 0;
  },
};
