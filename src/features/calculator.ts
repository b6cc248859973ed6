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

/** Per-series cache of shared intermediate results; a fresh one per series. */
export class SeriesContext {
  private readonly cache = new Map<string, unknown>();

  /**
   * `x`: the series values in time order. `timestamps`: their times in seconds (unix time for
   * date-times), when known; only index-aware calculators (`linear_trend_timewise`) read them.
   */
  constructor(
    readonly x: Float64Array,
    readonly timestamps: Float64Array | null = null,
  ) {}

  /** The value memoised under `key` so far, if any (to use shared work only when it exists). */
  peek<T>(key: string): T | undefined {
    return this.cache.get(key) as T | undefined;
  }

  /** Computes `compute()` once per series under `key` and returns the cached value after. */
  memo<T>(key: string, compute: () => T): T {
    if (this.cache.has(key)) return this.cache.get(key) as T;
    const value = compute();
    this.cache.set(key, value);
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
