/**
 * Feature-extraction benchmark: a seeded tidy table of 16 samples x 100 metrics x 600 steps
 * (random walks), extracted with `minimal` and `efficient` in this process (series/s, seconds
 * per stage, features per series, peak memory), then the whole `prodigy features` command end
 * to end from dist/ (build first: `npx tsc -p tsconfig.build.json`).
 *
 * Peer (tsfresh 0.20.3, n_jobs=2, this machine): efficient 41 s, minimal 0.88 s.
 * Targets: efficient >= 50x faster (< 1 s for the whole command), minimal >= 10x.
 *
 * Each measurement is repeated (`--repeat`, default 3) and the fastest run reported (the command
 * lines also give the median: this machine's speed drifts from run to run), with its
 * CPU seconds (all threads) for the in-process runs and, on Linux, for the command runs, and the
 * load average before and after:
 * on a shared machine the wall clock says more about the neighbours than about the code.
 * A last `efficient` command run with `--timings` prints its timeline (timeline.ts): each
 * stage of each thread in milliseconds since the process started, and the CPU seconds by thread.
 *
 *   node --import tsx bench/features.ts [--samples 16] [--metrics 100] [--steps 600] [--seed 1] [--repeat 3]
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { table } from 'arquero';
import { Args } from '../src/util/args.js';
import { Random } from '../src/util/random.js';
import { writeCsvAtomic } from '../src/util/csv.js';
import { extractFeatures } from '../src/features/extract.js';
import type { SettingsName } from '../src/features/settings.js';

const PEER_SECONDS: Record<string, number> = { minimal: 0.88, efficient: 41 };
const TARGET_SPEEDUP: Record<string, number> = { minimal: 10, efficient: 50 };

const args = new Args(process.argv.slice(2));
const samples = args.int('samples', 16);
const metrics = args.int('metrics', 100);
const steps = args.int('steps', 600);
const seed = args.int('seed', 1);
const repeat = Math.max(1, args.int('repeat', 3));
args.rejectUnknown();
const load = (): string => loadavg().map((l) => l.toFixed(1)).join(' ');
console.log(`load average (1, 5, 15 min) before: ${load()}; fastest of ${repeat} runs per line`);

function tidyTable() {
  const rng = new Random(seed);
  const n = samples * steps;
  const job = new Float64Array(n);
  const component = new Float64Array(n);
  const timestamp = new Float64Array(n);
  const columns: Record<string, Float64Array> = {};
  for (let m = 0; m < metrics; m++) columns[`metric_${m}::bench`] = new Float64Array(n);
  for (let s = 0; s < samples; s++) {
    for (let t = 0; t < steps; t++) {
      const row = s * steps + t;
      job[row] = 1000 + Math.floor(s / 4);
      component[row] = s % 4;
      timestamp[row] = 1_600_000_000 + t;
    }
    for (let m = 0; m < metrics; m++) {
      const col = columns[`metric_${m}::bench`]!;
      let v = rng.normal() * 10;
      for (let t = 0; t < steps; t++) {
        v += rng.normal();
        col[s * steps + t] = v;
      }
    }
  }
  return table({ job_id: job, component_id: component, timestamp, ...columns });
}

const mb = (kb: number) => (kb / 1024).toFixed(0);

/**
 * CPU seconds (user + system, all threads) of the children this process has waited for, from
 * /proc/self/stat (Linux; clock ticks of 10 ms); undefined elsewhere.
 */
function childrenCpuSeconds(): number | undefined {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // after the command name: field 3 is the state; cutime and cstime are fields 16 and 17
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return undefined;
  }
}
const t0 = performance.now();
const data = tidyTable();
console.log(`tidy table: ${samples} samples x ${metrics} metrics x ${steps} steps, generated in ${((performance.now() - t0) / 1000).toFixed(2)} s`);

for (const name of ['minimal', 'efficient'] as SettingsName[]) {
  let best: { seconds: number; cpu: number; result: Awaited<ReturnType<typeof extractFeatures>> } | undefined;
  for (let run = 0; run < repeat; run++) {
    const start = performance.now();
    const cpu0 = process.cpuUsage();
    const result = await extractFeatures(data, name, { missingCalculators: 'skip', keepNaN: false });
    const cpu = process.cpuUsage(cpu0);
    const seconds = (performance.now() - start) / 1000;
    if (!best || seconds < best.seconds) best = { seconds, cpu: (cpu.user + cpu.system) / 1e6, result };
  }
  const { seconds, cpu, result } = best!;
  const perSeries = result.featuresPerRow / metrics;
  const { prepare, compute, dropNaN } = result.timings;
  console.log(
    `${name.padEnd(9)} ${seconds.toFixed(3)} s  ${(result.series / seconds).toFixed(0)} series/s  ` +
      `${perSeries} features/series  (prepare ${prepare.toFixed(3)} s, compute ${compute.toFixed(3)} s, drop NaN ${dropNaN.toFixed(3)} s; ` +
      `workers ${result.workersUsed}; ${result.dropped.length} NaN columns dropped; CPU ${cpu.toFixed(3)} s)` +
      `  vs tsfresh ${PEER_SECONDS[name]} s: ${(PEER_SECONDS[name]! / seconds).toFixed(1)}x (target ${TARGET_SPEEDUP[name]}x)`,
  );
  if (result.skippedCalculators.length) console.log(`          not yet implemented, left out: ${result.skippedCalculators.join(', ')}`);
}
console.log(`peak memory (maxRSS) in process: ${mb(process.resourceUsage().maxRSS)} MB`);

// The whole command, start-up included, from dist/.
const root = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'prodigy-bench-'));
try {
  const input = join(dir, 'tidy.csv');
  const names = data.columnNames();
  const cols = names.map((n) => data.array(n) as Float64Array);
  await writeCsvAtomic(input, names, (function* () {
    for (let r = 0; r < data.numRows(); r++) yield cols.map((c) => c[r]!);
  })());
  for (const name of ['minimal', 'efficient']) {
    let seconds = Infinity;
    let cpu: number | undefined;
    let run: SpawnSyncReturns<string> | undefined;
    const all: number[] = [];
    for (let r = 0; r < repeat; r++) {
      const start = performance.now();
      const cpuBefore = childrenCpuSeconds();
      run = spawnSync(process.execPath, [join(root, 'bin/prodigy.js'), 'features', '--input', input, '--settings', name, '--out', join(dir, `${name}.csv`), '--quiet'], { encoding: 'utf8' });
      const elapsed = (performance.now() - start) / 1000;
      const cpuAfter = childrenCpuSeconds();
      all.push(elapsed);
      if (elapsed < seconds) {
        seconds = elapsed;
        cpu = cpuBefore !== undefined && cpuAfter !== undefined ? cpuAfter - cpuBefore : undefined;
      }
      if (run.status !== 0) break;
    }
    const last = run!;
    if (last.status !== 0) {
      console.log(`command ${name}: failed (${last.status}): ${last.stderr.trim().split('\n')[0]}`);
      continue;
    }
    const cpuText = cpu === undefined ? '' : `, CPU ${cpu.toFixed(2)} s`;
    const median = all.sort((a, b) => a - b)[Math.floor((all.length - 1) / 2)]!;
    console.log(
      `command ${name.padEnd(9)} ${seconds.toFixed(3)} s end to end${cpuText}  vs tsfresh ${PEER_SECONDS[name]} s: ${(PEER_SECONDS[name]! / seconds).toFixed(1)}x; ` +
        `median of ${all.length} ${median.toFixed(3)} s (${(PEER_SECONDS[name]! / median).toFixed(1)}x)  (${last.stdout.trim().split('\n')[0]})`,
    );
  }
  const timed = spawnSync(process.execPath, [join(root, 'bin/prodigy.js'), 'features', '--input', input, '--settings', 'efficient', '--out', join(dir, 'timed.csv'), '--quiet', '--timings'], { encoding: 'utf8' });
  console.log('timeline of one more command efficient run (--timings):');
  for (const line of timed.stderr.split('\n')) if (line.startsWith('timeline ')) console.log(`  ${line.slice('timeline '.length)}`);
  console.log(`load average after: ${load()}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
