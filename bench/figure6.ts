/**
 * Benchmark of the whole Figure 6 grid on the embedded dataset (prodigy preset, 160 samples,
 * Minimal features): 6 configs x 5 repeats at the paper's settings (1000 epochs), wall time on
 * this machine, macro F1 per config; optionally the same cells with early stopping, to report
 * the macro-F1 difference and the time saved.
 *
 *   node --import tsx bench/figure6.ts [--repeats 5] [--epochs 1000] [--configs 0,1,2,3,4,5]
 *        [--workers 2] [--seed 0] [--early-stopping-subset] [--patience 50]
 *        [--subset-configs 0,3,5] [--subset-repeats 2] [--out DIR]
 *
 * Timings depend on what else the machine runs; the backend and the load average are printed.
 */
import { loadavg } from 'node:os';
import { runExperiment, type ExperimentResult } from '../src/evaluate/experiment.js';
import { formatDuration } from '../src/evaluate/experiment-progress.js';
import { formatSummaryTable } from '../src/evaluate/experiment-summary.js';
import { Args } from '../src/util/args.js';

const args = new Args(process.argv.slice(2));
const repeats = args.int('repeats', 5);
const epochs = args.int('epochs', 1000);
const configs = args.intList('configs') ?? [0, 1, 2, 3, 4, 5];
const workers = args.int('workers');
const seed = args.int('seed', 0);
const compare = args.flag('early-stopping-subset');
const patience = args.int('patience', 50);
const subsetConfigs = args.intList('subset-configs') ?? [0, 3, 5];
const subsetRepeats = args.int('subset-repeats', 2);
const out = args.string('out');
args.rejectUnknown();

const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

async function grid(label: string, options: Parameters<typeof runExperiment>[0]): Promise<ExperimentResult> {
  process.stderr.write(`${label}: load average ${load()}\n`);
  let lastLine = 0;
  const result = await runExperiment({
    ...options,
    seed,
    workers: workers ?? 'auto',
    figure: options?.out !== undefined,
    onProgress: (p) => {
      if (p.phase !== 'grid') return;
      const now = performance.now();
      if (!p.finished && now - lastLine < 30_000) return;
      lastLine = now;
      const eta = p.etaSeconds === null ? '' : `, ETA ${formatDuration(p.etaSeconds)}`;
      process.stderr.write(`  ${p.done}/${p.total} cells, ${formatDuration(p.elapsedSeconds)}${eta}\n`);
    },
  });
  return result;
}

function report(label: string, r: ExperimentResult): void {
  console.log(`\n== ${label}`);
  console.log(`backend ${r.backend}; ${r.concurrency} cell(s) at a time; ${r.data.samples} samples, ${r.data.features} features (${r.data.settingsDescription})`);
  console.log(formatSummaryTable(r.byConfig));
  const cellSeconds = r.cells.reduce((s, c) => s + c.seconds, 0);
  const epochsRun = r.cells.reduce((s, c) => s + c.epochsRun, 0);
  console.log(
    `wall time ${formatDuration(r.seconds.total)} (grid ${formatDuration(r.seconds.grid)}, features ${r.seconds.features.toFixed(1)} s); ` +
      `${r.cells.length} cells, ${epochsRun} epochs, ${(cellSeconds / r.cells.length).toFixed(1)} s per cell (busy time, summed over cells: ${formatDuration(cellSeconds)}); ` +
      `CPU time ${formatDuration(r.seconds.cpu)} (all threads); load average now ${load()}`,
  );
  for (const row of r.byConfig) {
    const cells = r.cells.filter((c) => c.config === row.config);
    const ms = cells.reduce((s, c) => s + (c.seconds * 1000) / Math.max(1, c.epochsRun), 0) / cells.length;
    console.log(`  config ${row.config} (${row.nTrainHealthy} train): ${ms.toFixed(0)} ms per epoch (cell time / epochs, worker start and scoring included)`);
  }
}

const paper = await grid(`paper grid: ${configs.length} configs x ${repeats} repeats, ${epochs} epochs`, { repeats, epochs, configs, out });
report(`paper setting: ${repeats} repeats x ${configs.length} configs x ${epochs} epochs`, paper);

if (compare) {
  const stopped = await grid(`early stopping (patience ${patience}) on configs ${subsetConfigs.join(',')} x ${subsetRepeats} repeats`, {
    repeats: subsetRepeats,
    epochs,
    configs: subsetConfigs,
    earlyStopping: { patience, restoreBestWeights: true },
  });
  report(`early stopping, patience ${patience}`, stopped);
  console.log('\nper cell: macro F1 with early stopping minus with all epochs (same split, same initial weights)');
  const diffs: number[] = [];
  for (const cell of stopped.cells) {
    const full = paper.cells.find((c) => c.config === cell.config && c.repeat === cell.repeat);
    if (!full) continue;
    diffs.push(cell.macroF1 - full.macroF1);
    console.log(
      `  config ${cell.config} repeat ${cell.repeat}: ${cell.macroF1.toFixed(3)} (${cell.epochsRun} epochs, ${cell.seconds.toFixed(0)} s) vs ` +
        `${full.macroF1.toFixed(3)} (${full.epochsRun} epochs, ${full.seconds.toFixed(0)} s): ${(cell.macroF1 - full.macroF1 >= 0 ? '+' : '')}${(cell.macroF1 - full.macroF1).toFixed(3)}`,
    );
  }
  if (diffs.length) console.log(`  mean difference ${(diffs.reduce((s, d) => s + d, 0) / diffs.length).toFixed(3)} over ${diffs.length} cells`);
}
