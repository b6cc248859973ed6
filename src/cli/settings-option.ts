/** The `--settings` option shared by features, train and reproduce. */
import { readFile } from 'node:fs/promises';
import type { FeatureSettings } from '../features/extract.js';
import { KindToFcParameters } from '../features/kind-to-fc-parameters.js';
import { isSettingsName, SETTINGS_NAMES } from '../features/settings.js';
import { ArgumentError } from '../util/args.js';

/** A named setting (`minimal`, `efficient`, `comprehensive`) or a tsfresh feature-list .json file. */
export async function loadSettings(spec: string): Promise<FeatureSettings> {
  if (isSettingsName(spec)) return spec;
  if (!spec.toLowerCase().endsWith('.json')) throw new ArgumentError(`--settings must be ${SETTINGS_NAMES.join(', ')} or a .json feature list, got "${spec}"`);
  let text: string;
  try {
    text = await readFile(spec, 'utf8');
  } catch (err) {
    throw new Error(`cannot read the feature list ${spec}: ${(err as Error).message}`);
  }
  return KindToFcParameters.parse(text, spec);
}
