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
  for (const [, fc] of settings.entries()) {
    for (const [name, params] of Object.entries(fc)) {
      if (params !== null && params.length === 0) continue; // asks for nothing (as compilePlan)
      const key = familyOf.get(name) ?? `:${name}`;
      let family = families.get(key);
      if (!family) families.set(key, (family = { names: new Set(), cost: 0 }));
      family.names.add(name);
      family.cost += COST[name] ?? DEFAULT_COST;
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
 * The share of another group's units that a thread leaves to that group's own thread, once that
 * thread is at work: having finished its own group, a thread claims units of another group only
 * while more than this share of them are unclaimed (or while the group's own thread has not
 * started, e.g. a worker still loading, or none is there). It would run that group's
 * calculators cold: their JavaScript interpreted, then compiled in its own isolate. With the
 * inner loops in WebAssembly (no warm-up) that costs much less than when all was JavaScript
 * (a first unit was then ~30 warm units' worth, and half the units were left to the owner).
 * Measured on the `efficient` bench command, 6 runs each: leaving 50% ends the two threads
 * ~90 ms apart (file written at ~1.05 s), 0% has them run much code cold (~1.05 s), 15% ends
 * them within ~40 ms (~1.01 s). A thread that has already run the group's calculators on
 * enough series (warm-calculators.ts: e.g. in an earlier extraction of the same process)
 * takes all it can.
 */
export const STEAL_RESERVE_SHARE = 0.15;

/** The distinct calculator names of `stepsByKind` (one group's steps of every kind), in first-seen order. */
export function stepNames(stepsByKind: readonly (readonly PlanStep[])[]): string[] {
  const names = new Set<string>();
  for (const steps of stepsByKind) for (const step of steps) names.add(step.calculator.name);
  return [...names];
}

/** Unclaimed units of a group, out of `chunks`, below which other threads leave it to its own thread. */
export function stealReserve(chunks: number): number {
  return Math.ceil(chunks * STEAL_RESERVE_SHARE);
}
