/**
 * Feature extraction over a tidy telemetry table, tsfresh's `extract_features` with
 * column_id = (job_id, component_id), column_sort = timestamp and every metric column a kind;
 * optionally on rolling windows (tsfresh's `roll_time_series`, see rolling-windows.ts). The work
 * is done by extract-values.ts; this module hands back a FeatureMatrix.
 */
import { FeatureMatrix } from './feature-matrix.js';
import { KindToFcParameters } from './kind-to-fc-parameters.js';
import { compilePlan, computeKind, type CompileOptions, type ExtractionPlan } from './plan.js';
import { namedSettings, type FcParameters, type SettingsName } from './settings.js';
import type { TableLike } from './tidy-samples.js';
import { extractFeatureValues, type ExtractOptions, type FeatureSettings, type ValueExtractionResult } from './extract-values.js';

export { resolveSettings, type ExtractOptions, type ExtractionTimings, type FeatureSettings } from './extract-values.js';

export interface ExtractionResult extends Omit<ValueExtractionResult, 'features'> {
  matrix: FeatureMatrix;
}

/**
 * Extracts features from `table` (columns job_id, component_id, timestamp, then metric
 * columns `METRIC::SAMPLER`): one row per (job_id, component_id), ordered by job then
 * component, or one per window with `windows`; columns named as tsfresh names them. Rows of a
 * sample are sorted by timestamp first; samples may differ in length.
 */
export async function extractFeatures(table: TableLike, settings: FeatureSettings, options: ExtractOptions = {}): Promise<ExtractionResult> {
  const { features, ...rest } = await extractFeatureValues(table, settings, options);
  return { ...rest, matrix: new FeatureMatrix(features.keys, features.columns, features.values) };
}

/**
 * The features of one series, named `<kind>__<calculator>[__<params>]`: the single-series
 * entry point (no table, no NaN dropping). `timestamps` (seconds) feed index-aware calculators.
 */
export function extractSeriesFeatures(
  values: ArrayLike<number>,
  fcParameters: FcParameters | SettingsName = 'comprehensive',
  kind = 'value',
  options: CompileOptions & { timestamps?: ArrayLike<number> } = {},
): { columns: readonly string[]; values: Float64Array } {
  const fc = typeof fcParameters === 'string' ? namedSettings(fcParameters) : fcParameters;
  const plan: ExtractionPlan = compilePlan(KindToFcParameters.forKinds([kind], fc), options);
  const out = new Float64Array(plan.width);
  const timestamps = options.timestamps ? Float64Array.from(options.timestamps) : null;
  computeKind(plan.kinds[0]!, Float64Array.from(values), timestamps, out, 0, `series "${kind}"`);
  return { columns: plan.columns, values: out };
}
