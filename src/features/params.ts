/**
 * Feature parameters and how tsfresh writes them into column names.
 *
 * tsfresh names a feature `<kind>__<calculator>` or `<kind>__<calculator>__<k1>_<v1>__<k2>_<v2>`
 * with the keys sorted and each value written as Python's `str()` would write it: strings in
 * double quotes (`attr_"abs"`), floats always with a decimal point or exponent (`r_0.0`,
 * `min_-1000000000000.0`, `r_1e-05`), tuples as `(2, 5, 10, 20)`, booleans `True`/`False`.
 * JavaScript numbers do not remember whether they were written `1` or `1.0`, so a float with an
 * integral value is carried as a `PyFloat`; every other number is written as an int when it is
 * integral and as a Python float otherwise.
 */

/** A Python float whose value happens to be integral (e.g. `0.0`, `-1e12`). */
export class PyFloat {
  constructor(readonly value: number) {}
  valueOf(): number {
    return this.value;
  }
  toJSON(): number {
    return this.value;
  }
}

export type ParamScalar = number | PyFloat | string | boolean | null;
export type ParamValue = ParamScalar | readonly ParamScalar[];
/** One parameter set of a calculator, e.g. `{ attr: 'abs', coeff: 3 }`. */
export type ParamSet = Readonly<Record<string, ParamValue>>;

/** The numeric value of a parameter (numbers and PyFloats). */
export function num(value: ParamValue | undefined): number {
  if (typeof value === 'number') return value;
  if (value instanceof PyFloat) return value.value;
  throw new TypeError(`expected a number parameter, got ${JSON.stringify(value)}`);
}

/** A Python float, whatever its value (`pyFloat(0)` is `0.0`). */
export function pyFloat(value: number): number | PyFloat {
  return Number.isInteger(value) ? new PyFloat(value) : value;
}

/** Python's repr of a float: shortest round-trip digits, exponent outside [1e-4, 1e16). */
export function formatPyFloat(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const abs = Math.abs(x);
  if (abs >= 1e16 || abs < 1e-4) {
    const [mantissa, exponent] = x.toExponential().split('e') as [string, string];
    const expNum = Number(exponent);
    const sign = expNum < 0 ? '-' : '+';
    return `${mantissa}e${sign}${String(Math.abs(expNum)).padStart(2, '0')}`;
  }
  const text = String(x);
  return text.includes('.') ? text : `${text}.0`;
}

/** Python's `str()` of one parameter value, as tsfresh writes it into a column name. */
export function formatParamValue(value: ParamValue): string {
  if (value === null) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'string') return `"${value}"`;
  if (value instanceof PyFloat) return formatPyFloat(value.value);
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : formatPyFloat(value);
  const items = value.map((v) => (typeof v === 'string' ? `'${v}'` : formatParamValue(v)));
  return items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
}

/** tsfresh's `convert_to_output_format`: `k1_v1__k2_v2` with keys in sorted order. */
export function formatParamSet(params: ParamSet): string {
  return Object.keys(params)
    .sort()
    .map((key) => `${key}_${formatParamValue(params[key]!)}`)
    .join('__');
}

/** Parses one written value back (`"abs"`, `0.0`, `(2, 5)`, `True`, `None`, `-1`). */
export function parseParamValue(text: string): ParamValue {
  if (text === 'None') return null;
  if (text === 'True') return true;
  if (text === 'False') return false;
  if (text.length >= 2 && text.startsWith('"') && text.endsWith('"')) return text.slice(1, -1);
  if (text.length >= 2 && text.startsWith("'") && text.endsWith("'")) return text.slice(1, -1);
  if (text.startsWith('(') && text.endsWith(')')) {
    const inner = text.slice(1, -1).trim();
    if (inner === '') return [];
    return inner
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== '')
      .map((part) => parseParamValue(part) as ParamScalar);
  }
  return parseNumber(text);
}

function parseNumber(text: string): number | PyFloat {
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text) && !/^[-+]?(inf|nan)$/.test(text)) {
    throw new SyntaxError(`cannot read parameter value ${JSON.stringify(text)}`);
  }
  const value = text.endsWith('nan') ? NaN : text.endsWith('inf') ? (text.startsWith('-') ? -Infinity : Infinity) : Number(text);
  const isFloat = /[.eE]|inf|nan/.test(text);
  return isFloat ? pyFloat(value) : value;
}

/**
 * Splits a parameter suffix `k1_v1__k2_v2` into a parameter set. Keys may contain `_`
 * (`num_segments_10`), so each part splits at the last `_` that is followed by a value.
 */
export function parseParamSet(suffix: string): ParamSet {
  const params: Record<string, ParamValue> = {};
  if (suffix === '') return params;
  for (const part of splitParts(suffix)) {
    const split = findKeyValueSplit(part);
    if (split < 0) throw new SyntaxError(`cannot read parameter ${JSON.stringify(part)}`);
    params[part.slice(0, split)] = parseParamValue(part.slice(split + 1));
  }
  return params;
}

/** Splits at `__` outside quotes and parentheses. */
function splitParts(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (depth === 0 && c === '_' && text[i + 1] === '_' && i > start) {
      parts.push(text.slice(start, i));
      start = i + 2;
      i++;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** The index of the `_` separating key and value: the first one whose remainder is a value. */
function findKeyValueSplit(part: string): number {
  for (let i = part.indexOf('_'); i >= 0; i = part.indexOf('_', i + 1)) {
    const rest = part.slice(i + 1);
    try {
      parseParamValue(rest);
      return i;
    } catch {
      // not a value yet: the key goes on
    }
  }
  return -1;
}
