/**
 * Micro-benchmark of the statistics / complexity WebAssembly kernels, each through the
 * calculator that calls it, with the `efficient` settings' parameter sets, on seeded random
 * walks (default 1,600 x 600 points). Shared per-series work (the summary, the sort) is done
 * before the clock starts, except for `sortSeries`, which times exactly that sort, so each line
 * is one kernel's call path (its TypeScript wrapper included). Prints ms per run, the
 * fastest and the median of `--repeat` runs (noisy on a shared machine).
 *
 *     node --import tsx bench/stats-kernels.ts [--series 1600] [--length 600] [--repeat 7] [--only a,b]
 */
import { SeriesContext, type Calculator } from '../src/features/calculator.js';
import { calculators } from '../src/features/calculators/index.js';
import { efficient } from '../src/features/settings.js';
import { seriesSorted, seriesStd } from '../src/features/calculators/statistics/series-moments.js';
import { histogramCounts } from '../src/features/numeric/equal-width-bins.js';
import { seriesWelchPointer } from '../src/features/calculators/spectral/welch.js';
import { Args } from '../src/util/args.js';
import { randomWalks } from '../src/util/random.js';

const out = new Float64Array(1024);

/** A step that runs one kernel path on every series. */
type Step = (series: readonly Float64Array[], contexts: readonly SeriesContext[]) => void;

function calculatorStep(name: string): Step {
  const calculator: Calculator = calculators.get(name)!;
  const params = efficient[name]!;
  return (_series, contexts) => {
    for (const ctx of contexts) calculator.compute(ctx, params, out, 0);
  };
}

const counts = new Int32Array(101);
const edges = new Float64Array(102);

const steps: Record<string, Step> = {
  // lempelZivPhrases + countPhrases: bins 2, 3, 5, 10, 100
  lempelZiv: calculatorStep('lempel_ziv_complexity'),
  permutationPatterns: calculatorStep('permutation_entropy'),
  corridorChanges: calculatorStep('change_quantiles'),
  sortSeries: (series) => {
    for (const x of series) seriesSorted(new SeriesContext(x));
  },
  // binned_entropy (10 bins) and fourier_entropy's five bin counts, on the series itself
  histogramCounts: (series) => {
    for (const x of series) for (const bins of [10, 2, 3, 5, 10, 100]) histogramCounts(x, bins, counts, edges);
  },
  // fourier_entropy's five bin counts on the normalised Welch density (its welch included:
  // subtract the welch line)
  fourierEntropy: calculatorStep('fourier_entropy'),
  welch: (_series, contexts) => {
    for (const ctx of contexts) seriesWelchPointer(ctx);
  },
  indexMassQuantiles: calculatorStep('index_mass_quantile'),
  countBeyondLimits: calculatorStep('ratio_beyond_r_sigma'),
};

function main(argv: readonly string[]): void {
  const args = new Args(argv);
  const seriesCount = args.int('series', 1600);
  const length = args.int('length', 600);
  const repeat = args.int('repeat', 7);
  const only = args.string('only')?.split(',');
  args.rejectUnknown();
  const series = randomWalks(seriesCount, length, 1);
  const contexts = series.map((x) => {
    const ctx = new SeriesContext(x);
    seriesStd(ctx);
    seriesSorted(ctx);
    return ctx;
  });
  for (const [name, step] of Object.entries(steps)) {
    if (only && !only.includes(name)) continue;
    step(series.slice(0, 50), contexts.slice(0, 50));
    const times: number[] = [];
    for (let r = 0; r < repeat; r++) {
      const start = performance.now();
      step(series, contexts);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    console.log(`${name.padEnd(20)} fastest ${times[0]!.toFixed(2).padStart(7)} ms  median ${times[times.length >> 1]!.toFixed(2).padStart(7)} ms`);
  }
}

main(process.argv.slice(2));
