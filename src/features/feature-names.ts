/**
 * tsfresh's feature naming contract: `<kind>__<calculator>` for a parameterless calculator and
 * `<kind>__<calculator>__<k1>_<v1>__<k2>_<v2>` otherwise (keys sorted, values as Python writes
 * them; see params.ts).
 */
import { formatParamSet, type ParamSet } from './params.js';

/** The separator tsfresh puts between kind, calculator and parameters. */
export const NAME_SEPARATOR = '__';

/**
 * The column-name suffixes tsfresh 0.20.3 writes for `calculator` with `params`: one per
 * parameter set, `convert_to_output_format(params)`, except where a combiner writes its own
 * name: `augmented_dickey_fuller` always adds `autolag_"AIC"` when the set has no `autolag`.
 */
export function tsfreshSuffixes(calculator: string, params: readonly ParamSet[] | null): string[] {
  if (params === null) return [''];
  if (calculator === 'augmented_dickey_fuller') {
    return params.map((p) => formatParamSet('autolag' in p ? p : { ...p, autolag: 'AIC' }));
  }
  return params.map(formatParamSet);
}

/** `<kind>__<calculator>[__<suffix>]`. */
export function featureName(kind: string, calculator: string, suffix: string): string {
  return kind + featureNameTail(calculator, suffix);
}

/**
 * `__<calculator>[__<suffix>]`: what follows the kind in {@link featureName}, the same for every
 * kind (a plan builds it once per calculator block and appends it to each kind: half the cost of
 * 78,200 `efficient` names).
 */
export function featureNameTail(calculator: string, suffix: string): string {
  return suffix === '' ? `${NAME_SEPARATOR}${calculator}` : `${NAME_SEPARATOR}${calculator}${NAME_SEPARATOR}${suffix}`;
}

/** A feature name split the way tsfresh's `from_columns` splits it. */
export interface FeatureNameParts {
  kind: string;
  calculator: string;
  /** The parameter part after `<kind>__<calculator>__`, `''` when there is none. */
  suffix: string;
}

/**
 * Splits `<kind>__<calculator>[__<suffix>]` at its first two separators (tsfresh takes
 * `parts[0]` as the kind and `parts[1]` as the calculator). Throws on a name with no
 * calculator part.
 */
export function splitFeatureName(name: string): FeatureNameParts {
  const first = name.indexOf(NAME_SEPARATOR);
  if (first <= 0) throw new Error(`feature name "${name}" has no "<kind>__<calculator>" part`);
  const rest = name.slice(first + NAME_SEPARATOR.length);
  const second = rest.indexOf(NAME_SEPARATOR);
  const calculator = second < 0 ? rest : rest.slice(0, second);
  if (calculator === '') throw new Error(`feature name "${name}" has an empty calculator part`);
  return { kind: name.slice(0, first), calculator, suffix: second < 0 ? '' : rest.slice(second + NAME_SEPARATOR.length) };
}
