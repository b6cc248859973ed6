/** The features stage: tsfresh-compatible settings, names, extraction and selection. */
export { PyFloat, pyFloat, num, formatParamSet, parseParamSet, type ParamSet, type ParamValue } from './params.js';
export { SeriesContext, scalarCalculator, paramCalculator, type Calculator } from './calculator.js';
export { comprehensive, efficient, minimal, namedSettings, isSettingsName, SETTINGS_NAMES, type FcParameters, type SettingsName } from './settings.js';
export { KindToFcParameters, PUBLISHED_KEY } from './kind-to-fc-parameters.js';
export { parsePythonJson, stringifyPythonJson, type PythonJson } from './python-json.js';
export { featureName, splitFeatureName, tsfreshSuffixes } from './feature-names.js';
export { compilePlan, resolveCalculator, type ExtractionPlan } from './plan.js';
export { rollingWindows, type RollingOptions } from './rolling-windows.js';
export { FeatureMatrix, type FeatureKeys } from './feature-matrix.js';
export { extractFeatures, extractSeriesFeatures, type ExtractOptions, type ExtractionResult, type FeatureSettings } from './extract.js';
export { extractFeatureValues, type FeatureValues, type ValueExtractionResult } from './extract-values.js';
export type { TableLike } from './tidy-samples.js';
export { dropConstantColumns, columnVariances } from './select-constant.js';
export { selectKBest, chi2, minMaxScaled } from './select-k-best.js';
