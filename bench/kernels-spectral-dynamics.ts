/**
 * Micro-benchmark of the spectral/dynamics WebAssembly kernels as the efficient settings use
 * them: the calculators number_cwt_peaks, agg_linear_trend, friedrich_coefficients +
 * max_langevin_fixed_point, ar_coefficient and augmented_dickey_fuller run on seeded random
 * walks (default 1,600 series of 600 points, one shared context per series, as an extraction),
 * and every call of a kernel export is timed (wall-clock around the call, so each call carries
 * ~0.1 µs of timer overhead: compare before/after, not absolute numbers).
 *
 *     node --import tsx bench/kernels-spectral-dynamics.ts [--series 1600] [--length 600]
 *          [--seed 1] [--repeat 3]
 *
 * Prints, per kernel, the calls and the milliseconds (fastest of the repeats), then per
 * calculator the milliseconds without the per-call timers. Noisy on a shared machine.
 */
import { SeriesContext } from '../src/features/calculator.js';
import { calculators } from '../src/features/calculators/index.js';
import { efficient } from '../src/features/settings.js';
import { Args } from '../src/util/args.js';
import { randomWalks } from '../src/util/random.js';
import { kernels } from '../src/util/wasm-kernels.js';

const CALCULATORS = ['number_cwt_peaks', 'agg_linear_trend', 'friedrich_coefficients', 'max_langevin_fixed_point', 'ar_coefficient', 'augmented_dickey_fuller'];

function runAll(series: readonly Float64Array[], out: Float64Array): number {
  const start = performance.now();
  for (const x of series) {
    const ctx = new SeriesContext(x);
    for (const name of CALCULATORS) calculators.get(name)!.compute(ctx, efficient[name]!, out, 0);
  }
  return performance.now() - start;
}

function runOne(name: string, series: readonly Float64Array[], out: Float64Array): number {
  const start = performance.now();
  for (const x of series) calculators.get(name)!.compute(new SeriesContext(x), efficient[name]!, out, 0);
  return performance.now() - start;
}

function main(argv: readonly string[]): void {
  const args = new Args(argv);
  const seriesCount = args.int('series', 1600);
  const length = args.int('length', 600);
  const seed = args.int('seed', 1);
  const repeat = args.int('repeat', 3);
  args.rejectUnknown();
  const series = randomWalks(seriesCount, length, seed);
  const out = new Float64Array(4096);
  runAll(series.slice(0, 100), out);

  // Per calculator, no timers around the kernels.
  const perCalculator = new Map<string, number>();
  for (let r = 0; r < repeat; r++) {
    for (const name of CALCULATORS) perCalculator.set(name, Math.min(perCalculator.get(name) ?? Infinity, runOne(name, series, out)));
  }

  // Per kernel: every export wrapped with a timer.
  const holder = kernels() as unknown as { fn: Record<string, (...a: number[]) => number> };
  const exportsObject = holder.fn;
  const fn: Record<string, (...a: number[]) => number> = { ...exportsObject };
  holder.fn = fn;
  const totals = new Map<string, { calls: number; ms: number }>();
  const originals = new Map<string, (...a: number[]) => number>();
  for (const name of Object.keys(fn)) {
    const original = fn[name]!;
    if (typeof original !== 'function') continue;
    originals.set(name, original);
  }
  const best = new Map<string, { calls: number; ms: number }>();
  for (let r = 0; r < repeat; r++) {
    totals.clear();
    for (const [name, original] of originals) {
      const entry = { calls: 0, ms: 0 };
      totals.set(name, entry);
      fn[name] = (...a: number[]) => {
        const t = performance.now();
        const v = original(...a);
        entry.ms += performance.now() - t;
        entry.calls++;
        return v;
      };
    }
    runAll(series, out);
    for (const [name, entry] of totals) {
      const b = best.get(name);
      if (entry.calls > 0 && (!b || entry.ms < b.ms)) best.set(name, { ...entry });
    }
  }
  holder.fn = exportsObject;

  console.log(`${seriesCount} random walks x ${length} (seed ${seed}), fastest of ${repeat}; noisy`);
  console.log('kernel                        calls      ms');
  for (const [name, { calls, ms }] of [...best].sort((a, b) => b[1].ms - a[1].ms)) {
    console.log(`${name.padEnd(28)} ${String(calls).padStart(7)} ${ms.toFixed(2).padStart(7)}`);
  }
  console.log('\ncalculator                    ms (no timers)');
  for (const [name, ms] of perCalculator) console.log(`${name.padEnd(28)} ${ms.toFixed(2).padStart(7)}`);
}

main(process.argv.slice(2));
