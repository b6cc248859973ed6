/**
 * tsfresh's `kind_to_fc_parameters`: for each kind (metric column), which calculators with
 * which parameter sets. Prodigy publishes its feature list in this form as JSON under the key
 * `tsfresh_column_names` (`{metric: {calculator: [param dicts] | null}}`).
 *
 * `KindToFcParameters.fromColumns(names)` is tsfresh's `from_columns`; `columns()` goes the other
 * way; `parse` / `stringify` read and write the published JSON, keeping Python float-ness so
 * that names round-trip exactly (`ql_0.0`, not `ql_0`).
 */
import type { ParamScalar, ParamSet, ParamValue } from './params.js';
import { PyFloat, parseParamSet } from './params.js';
import { parsePythonJson, stringifyPythonJson, type PythonJson } from './python-json.js';
import { TSFRESH_CALCULATORS, type FcParameters } from './settings.js';
import { featureName, splitFeatureName, tsfreshSuffixes } from './feature-names.js';

/** The key under which Prodigy's published feature list holds the kind_to_fc_parameters object. */
export const PUBLISHED_KEY = 'tsfresh_column_names';

/** Kind -> FcParameters, in column order. Immutable. */
export class KindToFcParameters {
  private readonly byKind: ReadonlyMap<string, FcParameters>;

  constructor(entries: Iterable<readonly [string, FcParameters]>) {
    this.byKind = new Map(entries);
  }

  /** The kinds (metric columns), in order. */
  get kinds(): string[] {
    return [...this.byKind.keys()];
  }

  /** The settings for `kind`, or undefined. */
  get(kind: string): FcParameters | undefined {
    return this.byKind.get(kind);
  }

  /** `[kind, settings]` pairs in order. */
  entries(): [string, FcParameters][] {
    return [...this.byKind.entries()];
  }

  /**
   * The distinct settings objects (by identity) in order of first use, each with how many
   * kinds use it: named settings give every kind the same object, so per-calculator work over
   * the kinds (costs, widths) needs one pass per object, not per kind.
   */
  blocks(): [FcParameters, number][] {
    const uses = new Map<FcParameters, number>();
    for (const fc of this.byKind.values()) uses.set(fc, (uses.get(fc) ?? 0) + 1);
    return [...uses.entries()];
  }

  /**
   * The tsfresh column names this object asks for, in order (kind, then calculator, then
   * parameter set), spelt the way tsfresh's calculators spell them.
   */
  columns(): string[] {
    const names: string[] = [];
    for (const [kind, fc] of this.byKind) {
      for (const [calculator, params] of Object.entries(fc)) {
        for (const suffix of tsfreshSuffixes(calculator, params)) names.push(featureName(kind, calculator, suffix));
      }
    }
    return names;
  }

  /** The same settings for every kind in `kinds` (tsfresh's default_fc_parameters applied to each). */
  static forKinds(kinds: readonly string[], fc: FcParameters): KindToFcParameters {
    return new KindToFcParameters(kinds.map((kind) => [kind, fc] as const));
  }

  /**
   * tsfresh's `from_columns`: each name `<kind>__<calculator>[__<k>_<v>...]` adds its parameter
   * set to `calculator` of `kind` (or sets it to `null` when it has no parameters). Names in
   * `columnsToIgnore` are skipped. Repeated names are kept once. Throws on a name that is not a
   * tsfresh feature name, naming it.
   */
  static fromColumns(names: Iterable<string>, columnsToIgnore: Iterable<string> = []): KindToFcParameters {
    const ignore = new Set(columnsToIgnore);
    const kinds = new Map<string, Map<string, ParamSet[] | null>>();
    const seen = new Set<string>();
    for (const name of names) {
      if (ignore.has(name) || seen.has(name)) continue;
      seen.add(name);
      const { kind, calculator, suffix } = splitFeatureName(name);
      if (!TSFRESH_CALCULATORS.has(calculator)) throw new Error(`feature name "${name}": unknown feature calculator "${calculator}"`);
      let params: ParamSet;
      try {
        params = parseParamSet(suffix);
      } catch (err) {
        throw new Error(`feature name "${name}": ${err instanceof Error ? err.message : String(err)}`);
      }
      const fc = kinds.get(kind) ?? new Map<string, ParamSet[] | null>();
      kinds.set(kind, fc);
      if (suffix === '') fc.set(calculator, null);
      else {
        const list = fc.get(calculator) ?? [];
        list.push(params);
        fc.set(calculator, list);
      }
    }
    return new KindToFcParameters([...kinds].map(([kind, fc]) => [kind, Object.freeze(Object.fromEntries(fc))] as const));
  }

  /**
   * Reads the published JSON form: either `{"tsfresh_column_names": {...}}` or the bare
   * `{kind: {calculator: [params] | null}}` object. Errors name `source`, the kind and the
   * calculator at fault.
   */
  static parse(text: string, source = 'feature list'): KindToFcParameters {
    const root = parsePythonJson(text, source);
    if (!isObject(root)) throw new Error(`${source}: expected a JSON object`);
    const body = PUBLISHED_KEY in root ? root[PUBLISHED_KEY]! : root;
    if (!isObject(body)) throw new Error(`${source}: "${PUBLISHED_KEY}" must be an object of kinds`);
    const entries: [string, FcParameters][] = [];
    for (const [kind, fcJson] of Object.entries(body)) {
      if (!isObject(fcJson)) throw new Error(`${source}: kind "${kind}" must map calculator names to parameter lists or null`);
      const fc: Record<string, readonly ParamSet[] | null> = {};
      for (const [calculator, paramsJson] of Object.entries(fcJson)) {
        const where = `${source}: kind "${kind}", calculator "${calculator}"`;
        if (!TSFRESH_CALCULATORS.has(calculator)) throw new Error(`${where}: unknown feature calculator`);
        if (paramsJson === null) fc[calculator] = null;
        else if (Array.isArray(paramsJson)) fc[calculator] = paramsJson.map((p) => toParamSet(p, where));
        else throw new Error(`${where}: parameters must be a list of objects or null`);
      }
      entries.push([kind, Object.freeze(fc)]);
    }
    return new KindToFcParameters(entries);
  }

  /** The published JSON form `{"tsfresh_column_names": {...}}` as a Python-JSON value. */
  toJSON(): { [PUBLISHED_KEY]: PythonJson } {
    const body: { [kind: string]: PythonJson } = {};
    for (const [kind, fc] of this.byKind) {
      const calcs: { [name: string]: PythonJson } = {};
      for (const [calculator, params] of Object.entries(fc)) {
        calcs[calculator] = params === null ? null : params.map((p) => Object.fromEntries(Object.entries(p).map(([k, v]) => [k, paramToJson(v)])));
      }
      body[kind] = calcs;
    }
    return { [PUBLISHED_KEY]: body };
  }

  /** The published JSON text (Python float-ness kept: `0.0` stays `0.0`). */
  stringify(indent?: number): string {
    return stringifyPythonJson(this.toJSON(), indent);
  }
}

function isObject(value: PythonJson | undefined): value is { [key: string]: PythonJson } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof PyFloat);
}

function toScalar(value: PythonJson, where: string): ParamScalar {
  if (value === null || typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string' || value instanceof PyFloat) return value;
  throw new Error(`${where}: parameter values must be numbers, strings, booleans, null or lists of them`);
}

function toParamSet(value: PythonJson, where: string): ParamSet {
  if (!isObject(value)) throw new Error(`${where}: each parameter set must be an object`);
  const out: Record<string, ParamValue> = {};
  for (const [key, v] of Object.entries(value)) out[key] = Array.isArray(v) ? v.map((item) => toScalar(item, where)) : toScalar(v, where);
  return Object.freeze(out);
}

function paramToJson(value: ParamValue): PythonJson {
  return Array.isArray(value) ? value.map((v) => v as PythonJson) : (value as PythonJson);
}
