/**
 * Micro-benchmark of the feature calculators, one by one, to find hot spots.
 *
 * Generates seeded random walks (default 1,600 series of 600 points), runs every calculator of
 * a named setting (default `comprehensive`: tsfresh's ComprehensiveFCParameters grid, the
 * golden file's column names, e.g. all five `approximate_entropy__m_2__r_*` sets in one call)
 * and prints, sorted slowest first, the milliseconds per 1,000 series. Each calculator gets a
 * fresh `SeriesContext` per series, so its time includes the shared work it triggers
 * (sorting, moments, FFT) as if it ran alone. The summary lines then run the whole setting,
 * and its `efficient` part, on one shared context per series, as an extraction would (one
 * thread, no I/O).
 *
 *     node --import tsx bench/feature-calculators.ts [--settings comprehensive|efficient|minimal]
 *          [--series 1600] [--length 600] [--seed 1] [--only name1,name2] [--repeat 1]
 *
 * Timings are wall-clock on whatever else the machine is doing; `--repeat k` keeps the
 * fastest of k runs per calculator.
 */
import { SeriesContext, type Calculator } from '../src/features/calculator.js';
import { calculators } from '../src/features/calculators/index.js';
import type { ParamSet } from '../src/features/params.js';
import { efficient, namedSettings } from '../src/features/settings.js';
import { Args } from '../src/util/args.js';
import { randomWalks } from '../src/util/random.js';

/** One calculator with the parameter sets it is timed with (`null`: parameterless). */
interface Job {
  readonly calculator: Calculator;
  readonly params: readonly ParamSet[] | null;
  readonly outputs: number;
}

interface Row {
  readonly name: string;
  readonly outputs: number;
  readonly msPer1000: number;
  readonly note: string;
}

/** Milliseconds to run `job` on every series, each with a fresh context. */
function timeJob(job: Job, series: readonly Float64Array[], out: Float64Array): number {
  const start = performance.now();
  for (const x of series) job.calculator.compute(new SeriesContext(x), job.params, out, 0);
  return performance.now() - start;
}

/** Milliseconds per 1,000 series to run all `jobs` on one shared context per series. */
function timeShared(jobs: readonly Job[], series: readonly Float64Array[], out: Float64Array): number {
  const start = performance.now();
  for (const x of series) {
    const ctx = new SeriesContext(x);
    for (const job of jobs) job.calculator.compute(ctx, job.params, out, 0);
  }
  return ((performance.now() - start) / series.length) * 1000;
}

function formatTable(rows: readonly Row[], total: number): string {
  const header = ['#', 'calculator', 'outputs', 'efficient', 'ms/1000 series', 'share'];
  const body = rows.map((row, i) => [
    String(i + 1),
    row.name,
    String(row.outputs),
    row.name in efficient ? 'yes' : 'no',
    Number.isFinite(row.msPer1000) ? row.msPer1000.toFixed(2) : '-',
    Number.isFinite(row.msPer1000) && total > 0 ? `${((100 * row.msPer1000) / total).toFixed(1)}%` : row.note,
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...body.map((r) => r[c]!.length)));
  const line = (cells: string[]) => cells.map((cell, c) => (c === 1 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

function main(argv: readonly string[]): void {
  const args = new Args(argv);
  const settingsName = args.string('settings', 'comprehensive');
  const seriesCount = args.int('series', 1600);
  const length = args.int('length', 600);
  const seed = args.int('seed', 1);
  const repeat = args.int('repeat', 1);
  const only = args.string('only')?.split(',').map((s) => s.trim()).filter(Boolean);
  args.rejectUnknown();
  if (seriesCount < 1 || length < 1 || repeat < 1) throw new Error('--series, --length and --repeat must be at least 1');
  const settings = namedSettings(settingsName);
  for (const name of only ?? []) if (!(name in settings)) throw new Error(`--only: "${name}" is not in the ${settingsName} settings`);

  const jobs: Job[] = [];
  const rows: Row[] = [];
  for (const [name, params] of Object.entries(settings)) {
    if (only && !only.includes(name)) continue;
    const calculator = calculators.get(name);
    if (!calculator) {
      rows.push({ name, outputs: 0, msPer1000: Number.NaN, note: 'not implemented' });
      continue;
    }
    jobs.push({ calculator, params, outputs: calculator.outputs(params).length });
  }
  const series = randomWalks(seriesCount, length, seed);
  const out = new Float64Array(Math.max(1, ...jobs.map((j) => j.outputs)));
  console.log(
    `feature calculators (${settingsName}): ${jobs.length} calculators, ${seriesCount} random walks x ${length} points ` +
      `(seed ${seed}), node ${process.version}; wall-clock, noisy on a shared machine`,
  );

  // Warm-up so that each calculator is timed after the JIT has compiled it.
  const warm = series.slice(0, Math.min(100, series.length));
  const failed = new Set<Job>();
  for (const job of jobs) {
    try {
      timeJob(job, warm, out);
    } catch (err) {
      failed.add(job);
      rows.push({ name: job.calculator.name, outputs: job.outputs, msPer1000: Number.NaN, note: `error: ${(err as Error).message}` });
    }
  }
  const working = jobs.filter((job) => !failed.has(job));
  for (const job of working) {
    let best = Number.POSITIVE_INFINITY;
    for (let r = 0; r < repeat; r++) best = Math.min(best, timeJob(job, series, out));
    rows.push({ name: job.calculator.name, outputs: job.outputs, msPer1000: (best / seriesCount) * 1000, note: '' });
  }
  const finite = (row: Row) => (Number.isFinite(row.msPer1000) ? row.msPer1000 : -1);
  rows.sort((a, b) => finite(b) - finite(a));
  const total = rows.reduce((sum, row) => sum + Math.max(0, finite(row)), 0);
  console.log(formatTable(rows, total));

  const columns = (list: readonly Job[]) => list.reduce((sum, job) => sum + job.outputs, 0);
  const efficientJobs = working.filter((job) => job.calculator.name in efficient);
  console.log(`\nsum of the rows: ${total.toFixed(2)} ms/1000 series`);
  console.log(
    `all ${working.length} calculators (${columns(working)} columns), one shared context per series: ` +
      `${timeShared(working, series, out).toFixed(2)} ms/1000 series`,
  );
  if (efficientJobs.length !== working.length) {
    console.log(
      `the efficient ones, ${efficientJobs.length} calculators (${columns(efficientJobs)} columns), shared context: ` +
        `${timeShared(efficientJobs, series, out).toFixed(2)} ms/1000 series`,
    );
  }
}

try {
  main(process.argv.slice(2));
} catch (err) {
  console.error(`bench/feature-calculators: ${(err as Error).message}`);
  process.exitCode = 1;
}
