/**
 * Reading one calculator parameter with an error that names the calculator, the parameter and
 * what was wrong, e.g. `quantile: parameter "q" must be a number in [0, 1], got "0.5"`.
 */
import { PyFloat, type ParamSet } from '../../params.js';

function fail(calculator: string, key: string, expected: string, value: unknown): never {
  const shown = value instanceof PyFloat ? value.value : value;
  throw new RangeError(`${calculator}: parameter "${key}" must be ${expected}, got ${shown === undefined ? 'nothing' : JSON.stringify(shown)}`);
}

/** The number `params[key]` (a number or a PyFloat); `min`/`max` bound it inclusively when given. */
export function numberParam(calculator: string, params: ParamSet, key: string, min = -Infinity, max = Infinity): number {
  const raw = params[key];
  const value = typeof raw === 'number' ? raw : raw instanceof PyFloat ? raw.value : undefined;
  // unbounded, any number passes (NaN too: value_count counts NaN)
  const bounded = min !== -Infinity || max !== Infinity;
  if (value === undefined || (bounded && !(value >= min && value <= max))) fail(calculator, key, bounded ? `a number in [${min}, ${max}]` : 'a number', raw);
  return value;
}

/** The integer `params[key]`, at least `min`. */
export function integerParam(calculator: string, params: ParamSet, key: string, min: number): number {
  const raw = params[key];
  const value = typeof raw === 'number' ? raw : raw instanceof PyFloat ? raw.value : undefined;
  if (value === undefined || !Number.isInteger(value) || value < min) fail(calculator, key, `an integer >= ${min}`, raw);
  return value;
}

/** The boolean `params[key]`. */
export function booleanParam(calculator: string, params: ParamSet, key: string): boolean {
  const raw = params[key];
  if (typeof raw !== 'boolean') fail(calculator, key, 'True or False', raw);
  return raw;
}

/** The string `params[key]`, one of `allowed`. */
export function choiceParam<T extends string>(calculator: string, params: ParamSet, key: string, allowed: readonly T[]): T {
  const raw = params[key];
  if (typeof raw !== 'string' || !(allowed as readonly string[]).includes(raw)) {
    fail(calculator, key, `one of ${allowed.map((a) => `"${a}"`).join(', ')}`, raw);
  }
  return raw as T;
}
