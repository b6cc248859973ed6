/** Which features to extract, and resolving that against the metric columns of a table. */
import { KindToFcParameters } from './kind-to-fc-parameters.js';
import { namedSettings, type FcParameters, type SettingsName } from './settings.js';

/**
 * Which features to extract: a named setting or an FcParameters object (applied to every
 * metric column, like tsfresh's default_fc_parameters), or a KindToFcParameters (only its
 * kinds, each with its own calculators, like tsfresh's kind_to_fc_parameters).
 */
export type FeatureSettings = SettingsName | FcParameters | KindToFcParameters;

/** Resolves `settings` against the metric columns of a table (`kinds`, in table order). */
export function resolveSettings(settings: FeatureSettings, kinds: readonly string[]): KindToFcParameters {
  if (settings instanceof KindToFcParameters) return settings;
  const fc = typeof settings === 'string' ? namedSettings(settings) : settings;
  return KindToFcParameters.forKinds(kinds, fc);
}
