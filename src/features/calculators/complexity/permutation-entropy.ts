/**
 * tsfresh `permutation_entropy(x, tau, dimension)` (Bandt & Pompe 2002).
 *
 * The series is cut into windows of `dimension` consecutive values starting every `tau`
 * values (tsfresh's `_into_subchunks(x, dimension, tau)`: windows at 0, tau, 2 tau, ...,
 * count `floor((n - dimension) / tau) + 1`). Each window is replaced by its ordinal pattern
 * (the permutation that sorts it; equal values keep their order, as numpy's argsort does for
 * rows this short), and
 *
 *     permutation_entropy = -sum_pattern p ln p,   p = (windows with the pattern) / windows
 *
 * Parameters: `dimension` (window length D >= 2; tsfresh uses 3..7) and `tau` (window step
 * >= 1; tsfresh uses 1). A series shorter than D has no window and gives NaN; exactly one
 * window gives 0. A series containing NaN gives NaN (tsfresh refuses such input anyway).
 *
 * Implementation (the counting runs in WebAssembly, kernels/stats-permutation-patterns.ts):
 * the pattern of a window `w_0..w_(D-1)` is the pattern of `w_0..w_(D-2)`
 * plus the place where `w_(D-1)` inserts among them, `#{k < D-1 : w_k <= w_(D-1)}` (ties
 * after, i.e. stable). So `code_D = code_(D-1) * D + place` numbers the D! patterns, and the
 * places depend only on the inserted value's position t and the look-back b:
 * `before(t, b) = #{u in [t-b, t) : x_u <= x_t}`. That row gains one look-back per dimension
 * (O(n * maxD) comparisons for all dimensions) and each window costs D - 1 multiply-adds. The
 * entropy groups patterns by count (one logarithm per distinct count); it differs from
 * tsfresh's pattern-by-pattern sum only in rounding (a few ulps).
 */
import { requireParams, type Calculator } from '../../calculator.js';
import { formatParamSet, num, type ParamSet } from '../../params.js';
import { KernelBuffer, kernels } from '../../../util/wasm-kernels.js';

/** Largest dimension supported: the D! pattern counters must stay small (10! = 3628800). */
const MAX_DIMENSION = 10;

const FACTORIALS = [1, 1, 2, 6, 24, 120, 720, 5040, 40320, 362880, 3628800];

/** Throws a RangeError naming the parameter when `tau` or `dimension` is out of range. */
function checkParameters(tau: number, dimension: number): void {
  if (!Number.isInteger(dimension) || dimension < 2 || dimension > MAX_DIMENSION) {
    throw new RangeError(`permutation_entropy: dimension must be an integer in [2, ${MAX_DIMENSION}], got ${dimension}`);
  }
  if (!Number.isInteger(tau) || tau < 1) throw new RangeError(`permutation_entropy: tau must be a positive integer, got ${tau}`);
}

/** The zeroed pattern counters of each dimension in kernel memory (d! i32s), reserved on first use. */
const counterTables: number[] = [];

function counterTable(dimension: number): number {
  return (counterTables[dimension] ??= kernels().reserve(Math.ceil(FACTORIALS[dimension]! / 2)));
}

const series = new KernelBuffer();
/** i32 pointers to the counter tables of the dimensions asked for (0 elsewhere), index = dimension. */
const tablePointers = new KernelBuffer();
const work = new KernelBuffer();
const histogram = new KernelBuffer();
const pairs = new KernelBuffer();
const entropyOfDimension = new Float64Array(MAX_DIMENSION + 1);

/**
 * Permutation entropies of several dimensions with one step `tau`: the kernel counts every
 * window's pattern for all dimensions at once and reports, per dimension, how many patterns
 * occur exactly c times; the entropy is then H = -sum_c (patterns seen c times) * (p ln p),
 * p = c / W over ascending c (one logarithm per distinct count). The entropy of
 * `dimensions[i]` (distinct, each >= 2 and <= n) goes to `out[offset + j]` for every j of
 * `at[i]`; all NaN when `x` holds a NaN.
 */
function entropies(x: Float64Array, tau: number, dimensions: readonly number[], out: Float64Array, offset: number, at: readonly (readonly number[])[]): void {
  const n = x.length;
  let largest = 0;
  let smallest = Infinity;
  for (const d of dimensions) {
    largest = Math.max(largest, d);
    smallest = Math.min(smallest, d);
  }
  const k = kernels();
  // reserve everything first: growing the memory detaches the views made before
  for (const d of dimensions) counterTable(d);
  const xPointer = series.copyIn(x);
  const tables = tablePointers.pointer(Math.ceil((largest + 1) / 2));
  const tableView = new Int32Array(k.f64.buffer, tables, largest + 1);
  tableView.fill(0);
  for (const d of dimensions) tableView[d] = counterTable(d);
  const written = k.fn.permutationPatterns(
    xPointer,
    n,
    tau,
    smallest,
    largest,
    tables,
    work.pointer(Math.ceil(k.fn.permutationWorkSize(n) / 2)),
    histogram.pointer(Math.ceil((n + 1) / 2)),
    pairs.pointer((largest - 1) * (2 * n + 1)),
  );
  if (written < 0) {
    for (const targets of at) for (const j of targets) out[offset + j] = Number.NaN;
    return;
  }
  const report = pairs.view(written);
  let position = 0;
  for (let d = smallest; d <= largest; d++) {
    if (!dimensions.includes(d)) continue;
    const windows = Math.floor((n - d) / tau) + 1;
    const distinctCounts = report[position++]!;
    let sum = 0;
    for (let c = 0; c < distinctCounts; c++) {
      const count = report[position++]!;
      const patterns = report[position++]!;
      const p = count / windows;
      sum += patterns * (p * Math.log(p));
    }
    entropyOfDimension[d] = 0 - sum;
  }
  for (let i = 0; i < dimensions.length; i++) {
    const entropy = entropyOfDimension[dimensions[i]!]!;
    for (const j of at[i]!) out[offset + j] = entropy;
  }
}

/** Permutation entropy of `x` for window length `dimension` and window step `tau`. */
export function permutationEntropy(x: Float64Array, tau: number, dimension: number): number {
  checkParameters(tau, dimension);
  if (x.length < dimension) return Number.NaN;
  const out = new Float64Array(1);
  entropies(x, tau, [dimension], out, 0, [[0]]);
  return out[0]!;
}

export const permutationEntropyCalculator: Calculator = {
  name: 'permutation_entropy',
  outputs: (params) => requireParams('permutation_entropy', params).map(formatParamSet),
  compute(ctx, params, out, offset) {
    const list: readonly ParamSet[] = requireParams('permutation_entropy', params);
    const x = ctx.x;
    let plan = plans.get(list);
    if (!plan) plans.set(list, (plan = planOf(list)));
    if (x.length < plan.largest) {
      // some windows longer than the series: those sets NaN, the others grouped for this length
      for (let i = 0; i < list.length; i++) if (x.length < num(list[i]!['dimension'])) out[offset + i] = Number.NaN;
      for (const group of groupByTau(list, x.length)) entropies(x, group.tau, group.dimensions, out, offset, group.at);
      return;
    }
    // a series with a NaN: every entropy NaN (the kernel reports it)
    for (const group of plan.groups) entropies(x, group.tau, group.dimensions, out, offset, group.at);
  },
};

/** Parameter sets of one step tau: the distinct dimensions, and the output slots of each. */
interface TauGroup {
  readonly tau: number;
  readonly dimensions: number[];
  readonly at: number[][];
}

/** A parameter list read once (the same array object comes back for every series). */
interface Plan {
  /** The groups when every window fits the series. */
  readonly groups: readonly TauGroup[];
  readonly largest: number;
}

const plans = new WeakMap<readonly ParamSet[], Plan>();

/** Checks every set and groups them by tau for series of any length >= the largest dimension. */
function planOf(list: readonly ParamSet[]): Plan {
  let largest = 0;
  for (const set of list) {
    checkParameters(num(set['tau']), num(set['dimension']));
    largest = Math.max(largest, num(set['dimension']));
  }
  return { groups: groupByTau(list, Infinity), largest };
}

/** The sets whose window fits `length` values, grouped by tau (tsfresh's sets all have tau 1). */
function groupByTau(list: readonly ParamSet[], length: number): TauGroup[] {
  const groups: TauGroup[] = [];
  for (let i = 0; i < list.length; i++) {
    const dimension = num(list[i]!['dimension']);
    if (length < dimension) continue;
    const tau = num(list[i]!['tau']);
    let group = groups.find((g) => g.tau === tau);
    if (!group) groups.push((group = { tau, dimensions: [], at: [] }));
    const known = group.dimensions.indexOf(dimension);
    if (known >= 0) group.at[known]!.push(i);
    else {
      group.dimensions.push(dimension);
      group.at.push([i]);
    }
  }
  return groups;
}
