/**
 * The contract every feature calculator keeps.
 *
 * A calculator is one tsfresh feature family (`mean`, `fft_coefficient`, ...). Extraction
 * compiles a plan once per settings — which calculators, which parameter sets, which output
 * columns — and then, per series, each calculator writes its values into a preallocated
 * Float64Array. Work that several calculators share (sorting, moments, the FFT, the
 * autocorrelation) is computed once per series through `SeriesContext.memo`.
 */
import { formatParamSet, type ParamSet } from './params.js';

/**
 * A memo slot: a small integer naming one shared per-series quantity, so that a lookup is an
 * array index rather than a string hash. `memoKey(name)` hands out the slots.
 */
export type MemoKey = number & { readonly __memoKey: never };

const memoKeysByName = new Map<string, MemoKey>();

/**
 * The memo slot named `name`: the same slot for the same name everywhere (a name means one
 * quantity, whichever family asks). Call it once, at module load, and keep the key.
 */
export function memoKey(name: string): MemoKey {
  let key = memoKeysByName.get(name);
  if (key === undefined) {
    key = memoKeysByName.size as MemoKey;
    memoKeysByName.set(name, key);
  }
  return key;
}

/**
 * Memo keys named by a calculator's parameters, `memoKey(\`${prefix}.${a}\`)` (or
 * `${prefix}.${a}.${b}`), each made once and then found by the parameter values: a series'
 * lookups build and hash no string (template-string keys cost ~10 ms of a worker's CPU on the
 * `efficient` bench command).
 */
export function parameterMemoKeys(prefix: string): (a: number | string | null, b?: number | string) => MemoKey {
  const keys = new Map<number | string | null, Map<number | string, MemoKey>>();
  return (a, b = '') => {
    let byB = keys.get(a);
    if (byB === undefined) keys.set(a, (byB = new Map()));
    let key = byB.get(b);
    if (key === undefined) byB.set(b, (key = memoKey(b === '' ? `${prefix}.${a}` : `${prefix}.${a}.${b}`)));
    return key;
  };
}

/** Marks a slot nothing has been memoised in yet (a memoised value may be `undefined`). */
const EMPTY: unique symbol = Symbol('not computed');

/** Per-series cache of shared intermediate results; a fresh one per series. */
export class SeriesContext {
  /** Slot `memoKey(name)` holds the value memoised under `name`, or EMPTY. */
  private readonly slots: unknown[];

  /**
   * `x`: the series values in time order. `timestamps`: their times in seconds (unix time for
   * date-times), when known; only index-aware calculators (`linear_trend_timewise`) read them.
   */
  constructor(
    readonly x: Float64Array,
    readonly timestamps: Float64Array | null = null,
  ) {
    this.slots = new Array<unknown>(memoKeysByName.size).fill(EMPTY);
  }

  /** The value memoised under `key` so far, if any (to use shared work only when it exists). */
  peek<T>(key: MemoKey | string): T | undefined {
    const slot = typeof key === 'string' ? memoKey(key) : key;
    const value = slot < this.slots.length ? this.slots[slot] : EMPTY;
    return value === EMPTY ? undefined : (value as T);
  }

  /**
   * Computes `compute(this)` once per series under `key` and returns the cached value after.
   * Hot callers pass a key made once by `memoKey` and a function that is not a fresh closure
   * (it is handed the context), so that a cached lookup allocates nothing.
   */
  memo<T>(key: MemoKey | string, compute: (ctx: SeriesContext) => T): T {
    const slot = typeof key === 'string' ? memoKey(key) : key;
    const slots = this.slots;
    if (slot < slots.length) {
      const cached = slots[slot];
      if (cached !== EMPTY) return cached as T;
    }
    const value = compute(this);
    // a key made after this context was created finds the array too short
    while (slots.length <= slot) slots.push(EMPTY);
    slots[slot] = value;
    return value;
  }
}

export interface Calculator {
  /** The tsfresh name, e.g. `fft_coefficient`. */
  readonly name: string;
  /**
   * The column-name suffixes this calculator writes for `params`, in output order: `['']`
   * for a parameterless calculator (the column is just `<kind>__<name>`), otherwise one
   * suffix per output such as `attr_"real"__coeff_0` (tsfresh's own spelling).
   */
  outputs(params: readonly ParamSet[] | null): string[];
  /** Writes `outputs(params).length` values for series `ctx.x` into `out` from `offset`. */
  compute(ctx: SeriesContext, params: readonly ParamSet[] | null, out: Float64Array, offset: number): void;
}

/** A parameterless calculator: one value per series. */
export function scalarCalculator(name: string, fn: (x: Float64Array, ctx: SeriesContext) => number): Calculator {
  return {
    name,
    outputs: () => [''],
    compute(ctx, _params, out, offset) {
      out[offset] = fn(ctx.x, ctx);
    },
  };
}

/** A calculator with one value per parameter set, named by tsfresh's default rule. */
export function paramCalculator(
  name: string,
  fn: (x: Float64Array, params: ParamSet, ctx: SeriesContext) => number,
): Calculator {
  return {
    name,
    outputs: (params) => requireParams(name, params).map(formatParamSet),
    compute(ctx, params, out, offset) {
      const list = requireParams(name, params);
      for (let i = 0; i < list.length; i++) out[offset + i] = fn(ctx.x, list[i]!, ctx);
    },
  };
}

/** Throws a clear error when a parameterised calculator is given no parameter sets. */
export function requireParams(name: string, params: readonly ParamSet[] | null): readonly ParamSet[] {
  if (!params || params.length === 0) throw new Error(`feature calculator ${name} needs parameters`);
  return params;
}
