/**
 * Micro-benchmark of the feature calculators, one by one, to find hot spots.
 *
 * Generates seeded random walks (default 1,600 series of 600 points), runs every registered
 * calculator with tsfresh's comprehensive parameter grid (read from the golden file's column
 * names, e.g. all five `approximate_entropy__m_2__r_*` sets in one call) and prints, sorted
 * slowest first, the milliseconds per 1,000 series. Each calculator gets a fresh
 * `SeriesContext` per series, so its time includes the shared work it would trigger (sorting,
 * moments, FFT) if it ran alone; the last line runs all of them on one context per series,
 * as an extraction would.
 *
 *     node --import tsx bench/feature-calculators.ts [--series 1600] [--length 600] [--seed 1]
 *          [--only name1,name2] [--repeat 1] [--golden PATH]
 *
 * Timings are wall-clock on whatever else the machine is doing; `--repeat k` keeps the
 * fastest of k runs per calculator.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { SeriesContext, type Calculator } from '../src/features/calculator.js';
import { calculators } from '../src/features/calculators/index.js';
import { parseParamSet, type ParamSet } from '../src/features/params.js';
import { Args } from '../src/util/args.js';
import { Random } from '../src/util/random.js';

const DEFAULT_GOLDEN = fileURLToPath(new URL('../../shared/golden/tsfresh-features.json.gz', import.meta.url));

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

/** The parameter sets per calculator named in the golden file's columns (`value__<calc>__<params>`). */
function goldenParameterGrid(path: string): Map<string, ParamSet[] | null> {
  let golden: { column: string; features: Record<string, Record<string, unknown>> };
  try {
    golden = JSON.parse(gunzipSync(readFileSync(path)).toString('utf8'));
  } catch (err) {
    throw new Error(`cannot read the golden file ${path} for the parameter grid: ${(err as Error).message}`);
  }
  const firstSeries = Object.values(golden.features)[0];
  if (!firstSeries) throw new Error(`golden file ${path} has no feature values`);
  const grid = new Map<string, ParamSet[] | null>();
  for (const name of Object.keys(firstSeries)) {
    const rest = name.slice(golden.column.length + 2);
    const cut = rest.indexOf('__');
    const calculator = cut < 0 ? rest : rest.slice(0, cut);
    if (cut < 0) {
      grid.set(calculator, null);
      continue;
    }
    const list = grid.get(calculator) ?? [];
    list.push(parseParamSet(rest.slice(cut + 2)));
    grid.set(calculator, list);
  }
  return grid;
}

/** `count` seeded Gaussian random walks of `length` points. */
function randomWalks(count: number, length: number, seed: number): Float64Array[] {
  const rng = new Random(seed);
  return Array.from({ length: count }, () => {
    const x = new Float64Array(length);
    let v = 0;
    for (let i = 0; i < length; i++) x[i] = v += rng.normal();
    return x;
  });
}

/** Milliseconds to run `job` on every series, each with a fresh context. */
function timeJob(job: Job, series: readonly Float64Array[], out: Float64Array): number {
  const start = performance.now();
  for (const x of series) job.calculator.compute(new SeriesContext(x), job.params, out, 0);
  return performance.now() - start;
}

function formatTable(rows: readonly Row[], total: number): string {
  const header = ['#', 'calculator', 'outputs', 'ms/1000 series', 'share'];
  const body = rows.map((row, i) => [
    String(i + 1),
    row.name,
    String(row.outputs),
    Number.isFinite(row.msPer1000) ? row.msPer1000.toFixed(2) : '-',
    Number.isFinite(row.msPer1000) && total > 0 ? `${((100 * row.msPer1000) / total).toFixed(1)}%` : row.note,
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...body.map((r) => r[c]!.length)));
  const line = (cells: string[]) => cells.map((cell, c) => (c === 1 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

function main(argv: readonly string[]): void {
  const args = new Args(argv);
  const seriesCount = args.int('series', 1600);
  const length = args.int('length', 600);
  const seed = args.int('seed', 1);
  const repeat = args.int('repeat', 1);
  const only = args.string('only')?.split(',').map((s) => s.trim()).filter(Boolean);
  const goldenPath = args.string('golden', DEFAULT_GOLDEN);
  args.rejectUnknown();
  if (seriesCount < 1 || length < 1 || repeat < 1) throw new Error('--series, --length and --repeat must be at least 1');

  const grid = goldenParameterGrid(goldenPath);
  for (const name of only ?? []) if (!calculators.has(name)) throw new Error(`--only: unknown feature calculator "${name}"`);
  const jobs: Job[] = [];
  const rows: Row[] = [];
  for (const calculator of calculators.values()) {
    if (only && !only.includes(calculator.name)) continue;
    const params = grid.has(calculator.name) ? grid.get(calculator.name)! : null;
    try {
      jobs.push({ calculator, params, outputs: calculator.outputs(params).length });
    } catch (err) {
      rows.push({ name: calculator.name, outputs: 0, msPer1000: Number.NaN, note: `skipped: ${(err as Error).message}` });
    }
  }
  const series = randomWalks(seriesCount, length, seed);
  const maxOutputs = Math.max(1, ...jobs.map((j) => j.outputs));
  const out = new Float64Array(maxOutputs);
  console.log(
    `feature calculators: ${jobs.length} calculators, ${seriesCount} random walks x ${length} points (seed ${seed}), ` +
      `node ${process.version}; wall-clock, noisy on a shared machine`,
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
  for (const job of jobs) {
    if (failed.has(job)) continue;
    let best = Number.POSITIVE_INFINITY;
    for (let r = 0; r < repeat; r++) best = Math.min(best, timeJob(job, series, out));
    rows.push({ name: job.calculator.name, outputs: job.outputs, msPer1000: (best / seriesCount) * 1000, note: '' });
  }
  rows.sort((a, b) => (Number.isFinite(b.msPer1000) ? b.msPer1000 : -1) - (Number.isFinite(a.msPer1000) ? a.msPer1000 : -1));
  const total = rows.reduce((sum, row) => sum + (Number.isFinite(row.msPer1000) ? row.msPer1000 : 0), 0);
  console.log(formatTable(rows, total));

  // All calculators together, sharing one context per series.
  const working = jobs.filter((job) => !failed.has(job));
  const start = performance.now();
  for (const x of series) {
    const ctx = new SeriesContext(x);
    for (const job of working) job.calculator.compute(ctx, job.params, out, 0);
  }
  const shared = ((performance.now() - start) / seriesCount) * 1000;
  const columns = working.reduce((sum, job) => sum + job.outputs, 0);
  console.log(
    `\nsum of the above: ${total.toFixed(2)} ms/1000 series; all ${working.length} calculators (${columns} columns) ` +
      `sharing one context per series: ${shared.toFixed(2)} ms/1000 series`,
  );
}

try {
  main(process.argv.slice(2));
} catch (err) {
  console.error(`bench/feature-calculators: ${(err as Error).message}`);
  process.exitCode = 1;
}
