/**
 * Splitting a plan's calculators between threads. A thread that runs a calculator for the first
 * time runs its JavaScript slowly (interpreted, then compiled; the inner loops are WebAssembly,
 * which needs no warm-up, but the code around them still costs ~0.3 s of CPU for the whole
 * `efficient` set on one thread). When each thread computes only its own group of calculators,
 * on every series, it compiles only that group: the threads then pay that start-up about once.
 *
 * Calculators that share costly per-series work (a memo: the FFT, Welch's density, the value
 * runs, the Friedrich fit, the autocovariances, the argsort) stay in one group; cheap shared
 * work (mean, standard deviation, a sorted copy) may be done by each group. The groups are
 * balanced on the measured cost of each calculator (microseconds per 600-point series, warm,
 * from bench/feature-calculators.ts); a calculator not in the table counts as 5.
 */
import type { KindToFcParameters } from './kind-to-fc-parameters.js';
import type { ExtractionPlan, PlanStep } from './plan.js';

/** Calculators with costly shared per-series work, by the work they share. */
const FAMILIES: Readonly<Record<string, readonly string[]>> = {
  rfft: ['fft_coefficient', 'fft_aggregated'],
  welch: ['spkt_welch_density', 'fourier_entropy'],
  valueRuns: [
    'has_duplicate',
    'has_duplicate_max',
    'has_duplicate_min',
    'percentage_of_reoccurring_datapoints_to_all_datapoints',
    'percentage_of_reoccurring_values_to_all_values',
    'sum_of_reoccurring_values',
    'sum_of_reoccurring_data_points',
    'ratio_value_number_to_time_series_length',
  ],
  friedrich: ['friedrich_coefficients', 'max_langevin_fixed_point'],
  autocovariance: ['agg_autocorrelation', 'autocorrelation', 'partial_autocorrelation'],
  argsort: ['approximate_entropy', 'sample_entropy'],
};

/**
 * Microseconds per 600-point series (warm, one thread, most loops in WebAssembly), for
 * balancing only; a family's shared work counted once, on its first member.
 */
const COST: Readonly<Record<string, number>> = {
  number_cwt_peaks: 54,
  augmented_dickey_fuller: 45,
  lempel_ziv_complexity: 35,
  change_quantiles: 32,
  friedrich_coefficients: 27,
  max_langevin_fixed_point: 7,
  permutation_entropy: 23,
  benford_correlation: 21,
  agg_linear_trend: 20,
  ar_coefficient: 18,
  quantile: 17,
  cwt_coefficients: 17,
  symmetry_looking: 17,
  mean_n_absolute_max: 16,
  fft_coefficient: 16,
  fft_aggregated: 8,
  spkt_welch_density: 15,
  fourier_entropy: 8,
  has_duplicate: 17,
  percentage_of_reoccurring_datapoints_to_all_datapoints: 3,
  percentage_of_reoccurring_values_to_all_values: 3,
  sum_of_reoccurring_values: 3,
  sum_of_reoccurring_data_points: 3,
  ratio_value_number_to_time_series_length: 3,
  ratio_beyond_r_sigma: 10,
  agg_autocorrelation: 9,
  autocorrelation: 3,
  partial_autocorrelation: 4,
  energy_ratio_by_chunks: 7,
  number_peaks: 3,
  approximate_entropy: 400,
  sample_entropy: 150,
};
const DEFAULT_COST = 5;

/** Which group computes each calculator (by tsfresh name); `count` groups, numbered from 0. */
export interface WorkGroups {
  readonly count: number;
  /** [calculator name, group] pairs (a plain array, so that it can be posted to a worker). */
  readonly assignment: readonly (readonly [string, number])[];
}

/**
 * Splits the calculators of `settings` into `count` groups of about equal cost, group g aiming
 * at `shares[g]` of the total (default: equal shares). Fewer groups come out when there are
 * fewer families than `count`. Needs only the settings (no compiled plan, no calculator
 * loaded), so that a worker pool can be started before the calculators are.
 */
export function splitWork(settings: KindToFcParameters, count: number, shares?: readonly number[]): WorkGroups {
  const familyOf = new Map<string, string>();
  for (const [family, names] of Object.entries(FAMILIES)) for (const name of names) familyOf.set(name, family);
  // the cost of each family over the whole plan (every kind that runs it)
  const families = new Map<string, { names: Set<string>; cost: number }>();
  for (const [fc, kinds] of settings.blocks()) {
    for (const [name, params] of Object.entries(fc)) {
      if (params !== null && params.length === 0) continue; // asks for nothing (as compilePlan)
      const key = familyOf.get(name) ?? `:${name}`;
      let family = families.get(key);
      if (!family) families.set(key, (family = { names: new Set(), cost: 0 }));
      family.names.add(name);
      family.cost += (COST[name] ?? DEFAULT_COST) * kinds;
    }
  }
  const groups = Math.max(1, Math.min(Math.floor(count), families.size));
  const share = Array.from({ length: groups }, (_, g) => Math.max(1e-3, shares?.[g] ?? 1));
  const load = new Float64Array(groups);
  const assignment: [string, number][] = [];
  // largest first, each to the group furthest below its share (ties: the lowest group)
  const ordered = [...families.entries()].sort((a, b) => b[1].cost - a[1].cost || (a[0] < b[0] ? -1 : 1));
  for (const [, family] of ordered) {
    let best = 0;
    for (let g = 1; g < groups; g++) if (load[g]! / share[g]! < load[best]! / share[best]!) best = g;
    load[best]! += family.cost;
    for (const name of family.names) assignment.push([name, best]);
  }
  return { count: groups, assignment };
}

/** All in one group: what a single thread runs. */
export function singleGroup(): WorkGroups {
  return { count: 1, assignment: [] };
}

/**
 * The steps of each kind in each group: `[kind][group]`, in plan order. A calculator missing from
 * the assignment (e.g. single group) goes to group 0.
 */
export function groupSteps(plan: ExtractionPlan, groups: WorkGroups): PlanStep[][][] {
  const groupOf = new Map(groups.assignment);
  return plan.kinds.map((kind) => {
    const byGroup: PlanStep[][] = Array.from({ length: groups.count }, () => []);
    for (const step of kind.steps) byGroup[groupOf.get(step.calculator.name) ?? 0]!.push(step);
    return byGroup;
  });
}

/**
 * What a thread's first units of another group cost beyond that group's own thread's: they run
 * that group's calculators cold (their JavaScript interpreted, then compiled in this isolate;
 * the inner loops are WebAssembly and need no warm-up). Measured on the `efficient` bench
 * command (`--timings`): a worker's first stolen units took 9.9, 7.1, then 3.9 ms against ~4.5 ms
 * warm, about 8 ms extra in all.
 */
export const COLD_GROUP_MS = 8;

/**
 * The units of another group that a thread done with its own leaves to that group's own thread
 * (once that one is at work): with R units left, both threads at them end after about
 * (R u + COLD_GROUP_MS) / 2 instead of R u, so taking them pays while R u > COLD_GROUP_MS, u a
 * unit's time, estimated by this thread's mean on its own group (`meanUnitMs`, 0 when it ran
 * none: then 2 units). A thread that has already run the group's calculators on enough series
 * (warm-calculators.ts: e.g. in an earlier extraction of the same process) takes all it can.
 * The fixed share of units used before (15%) left the two threads ~60 ms apart on that bench.
 */
export function stealReserve(meanUnitMs: number): number {
  return meanUnitMs > 0 ? Math.ceil(COLD_GROUP_MS / meanUnitMs) : 2;
}

/** The distinct calculator names of `stepsByKind` (one group's steps of every kind), in first-seen order. */
export function stepNames(stepsByKind: readonly (readonly PlanStep[])[]): string[] {
  const names = new Set<string>();
  for (const steps of stepsByKind) for (const step of steps) names.add(step.calculator.name);
  return [...names];
}

