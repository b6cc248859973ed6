/**
 * JSON as Python's `json` module reads and writes it, keeping what JavaScript numbers forget:
 * whether a number was written as a float. `0.0` reads as `PyFloat(0)` and `1e12` as
 * `PyFloat(1e12)` (so feature names come out as `ql_0.0`, `min_-1000000000000.0`), `0.5` as the
 * number 0.5, `3` as the integer 3. Python's non-standard `NaN`, `Infinity` and `-Infinity`
 * are accepted and written back the same way.
 */
import { PyFloat, formatPyFloat } from './params.js';

/** A value of Python-flavoured JSON. */
export type PythonJson = null | boolean | number | PyFloat | string | PythonJson[] | { [key: string]: PythonJson };

/** Parses `text`; errors name `source` (e.g. the file) and the offending position. */
export function parsePythonJson(text: string, source = 'JSON'): PythonJson {
  let i = 0;
  const fail = (what: string): never => {
    const before = text.slice(0, i);
    const line = before.split('\n').length;
    const column = i - before.lastIndexOf('\n');
    throw new SyntaxError(`${source}: ${what} at line ${line}, column ${column}`);
  };
  const skip = (): void => {
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else break;
    }
  };
  const literal = (word: string, value: PythonJson): PythonJson => {
    if (text.startsWith(word, i)) {
      i += word.length;
      return value;
    }
    return fail(`unexpected ${JSON.stringify(text.slice(i, i + 12))}`);
  };
  const parseString = (): string => {
    const start = i;
    i++; // opening quote
    while (i < text.length) {
      const c = text[i]!;
      if (c === '"') {
        i++;
        return JSON.parse(text.slice(start, i)) as string;
      }
      if (c === '\\') i += 2;
      else if (c === '\n') break;
      else i++;
    }
    i = start;
    return fail('unterminated string');
  };
  const parseNumber = (): number | PyFloat => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/.exec(text.slice(i, i + 400));
    if (!match) return fail('malformed number');
    i += match[0].length;
    const value = Number(match[0]);
    const isFloat = match[2] !== undefined || match[3] !== undefined;
    return isFloat && Number.isInteger(value) ? new PyFloat(value) : value;
  };
  const parseValue = (): PythonJson => {
    skip();
    const c = text[i];
    if (c === '{') {
      i++;
      const obj: { [key: string]: PythonJson } = {};
      skip();
      if (text[i] === '}') {
        i++;
        return obj;
      }
      for (;;) {
        skip();
        if (text[i] !== '"') fail('expected a string key');
        const key = parseString();
        skip();
        if (text[i] !== ':') fail('expected ":"');
        i++;
        obj[key] = parseValue();
        skip();
        if (text[i] === ',') i++;
        else if (text[i] === '}') {
          i++;
          return obj;
        } else fail('expected "," or "}"');
      }
    }
    if (c === '[') {
      i++;
      const list: PythonJson[] = [];
      skip();
      if (text[i] === ']') {
        i++;
        return list;
      }
      for (;;) {
        list.push(parseValue());
        skip();
        if (text[i] === ',') i++;
        else if (text[i] === ']') {
          i++;
          return list;
        } else fail('expected "," or "]"');
      }
    }
    if (c === '"') return parseString();
    if (c === 't') return literal('true', true);
    if (c === 'f') return literal('false', false);
    if (c === 'n') return literal('null', null);
    if (c === 'N') return literal('NaN', new PyFloat(Number.NaN));
    if (c === 'I') return literal('Infinity', new PyFloat(Infinity));
    if (c === '-' && text.startsWith('-Infinity', i)) return literal('-Infinity', new PyFloat(-Infinity));
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return parseNumber();
    return fail(c === undefined ? 'unexpected end of input' : `unexpected ${JSON.stringify(c)}`);
  };
  const value = parseValue();
  skip();
  if (i < text.length) fail('unexpected text after the value');
  return value;
}

function writeNumber(value: number | PyFloat): string {
  const x = typeof value === 'number' ? value : value.value;
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
  if (typeof value === 'number' && Number.isInteger(x)) return String(x);
  return formatPyFloat(x);
}

/**
 * Writes `value` as Python's `json.dumps` would (floats keep a `.0` or exponent, `NaN` and
 * `Infinity` as Python writes them). `indent` pretty-prints like `json.dumps(indent=...)`.
 */
export function stringifyPythonJson(value: PythonJson, indent?: number): string {
  const write = (v: PythonJson, depth: number): string => {
    if (v === null) return 'null';
    if (typeof v === 'boolean') return v ? 'true' : 'false';
    if (typeof v === 'number' || v instanceof PyFloat) return writeNumber(v);
    if (typeof v === 'string') return JSON.stringify(v);
    const pad = indent === undefined ? '' : '\n' + ' '.repeat(indent * (depth + 1));
    const end = indent === undefined ? '' : '\n' + ' '.repeat(indent * depth);
    const sep = indent === undefined ? ', ' : ',';
    if (Array.isArray(v)) {
      if (v.length === 0) return '[]';
      return '[' + v.map((item) => pad + write(item, depth + 1)).join(sep) + end + ']';
    }
    const keys = Object.keys(v);
    if (keys.length === 0) return '{}';
    return '{' + keys.map((key) => `${pad}${JSON.stringify(key)}: ${write(v[key]!, depth + 1)}`).join(sep) + end + '}';
  };
  return write(value, 0);
}
