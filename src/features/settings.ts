/**
 * Named feature settings with tsfresh 0.20.3's exact parameter grids.
 *
 * An `FcParameters` object maps a calculator name to its parameter sets (or `null` for a
 * parameterless calculator), exactly like tsfresh's `default_fc_parameters` dicts. Key order is
 * the output column order; it follows tsfresh's `ComprehensiveFCParameters`: first every
 * parameterless calculator in the order feature_calculators.py defines them, then the
 * parameterised ones in the order of the `name_to_param.update({...})` call.
 *
 * - `comprehensive`: tsfresh's `ComprehensiveFCParameters` less `matrix_profile` (it needs the
 *   stumpy library and may come later). That is the golden file's 73 calculators (782 columns
 *   per kind) plus `linear_trend_timewise` (needs timestamps) and `query_similarity_count`
 *   (always NaN without a query, as in tsfresh).
 * - `efficient`: comprehensive less the calculators tsfresh marks `high_comp_cost`
 *   (`sample_entropy`, `approximate_entropy`), i.e. `EfficientFCParameters`.
 * - `minimal`: the 10 calculators tsfresh marks `minimal`, i.e. `MinimalFCParameters`.
 */
import { pyFloat, type ParamSet } from './params.js';

/** Calculator name -> parameter sets (`null` for a parameterless calculator), in output order. */
export type FcParameters = Readonly<Record<string, readonly ParamSet[] | null>>;

/** The named settings. */
export type SettingsName = 'minimal' | 'efficient' | 'comprehensive';

export const SETTINGS_NAMES: readonly SettingsName[] = ['minimal', 'efficient', 'comprehensive'];

/** The parameterless calculators, in the order tsfresh 0.20.3's feature_calculators.py defines them. */
const PARAMETERLESS: readonly string[] = [
  'variance_larger_than_standard_deviation',
  'has_duplicate_max',
  'has_duplicate_min',
  'has_duplicate',
  'sum_values',
  'abs_energy',
  'mean_abs_change',
  'mean_change',
  'mean_second_derivative_central',
  'median',
  'mean',
  'length',
  'standard_deviation',
  'variation_coefficient',
  'variance',
  'skewness',
  'kurtosis',
  'root_mean_square',
  'absolute_sum_of_changes',
  'longest_strike_below_mean',
  'longest_strike_above_mean',
  'count_above_mean',
  'count_below_mean',
  'last_location_of_maximum',
  'first_location_of_maximum',
  'last_location_of_minimum',
  'first_location_of_minimum',
  'percentage_of_reoccurring_values_to_all_values',
  'percentage_of_reoccurring_datapoints_to_all_datapoints',
  'sum_of_reoccurring_values',
  'sum_of_reoccurring_data_points',
  'ratio_value_number_to_time_series_length',
  'sample_entropy',
  'maximum',
  'absolute_maximum',
  'minimum',
  'benford_correlation',
];

const range = (start: number, stop: number): number[] => Array.from({ length: Math.max(0, stop - start) }, (_, i) => start + i);
const attrs = (...names: string[]): ParamSet[] => names.map((attr) => ({ attr }));
const LINREG_ATTRS = ['pvalue', 'rvalue', 'intercept', 'slope', 'stderr'];

/**
 * The parameterised calculators and their grids, transcribed from tsfresh 0.20.3's
 * `ComprehensiveFCParameters`. Python floats with integral values (`0.0`, `1.0`, `1e12`) are
 * `pyFloat`s so that names read `ql_0.0` and `min_-1000000000000.0`; `r * 0.05` is computed in
 * IEEE doubles exactly as Python does (`r_0.15000000000000002`).
 */
function parameterisedGrids(): [string, ParamSet[]][] {
  const quantiles = [0.1, 0.2, 0.3, 0.4, 0.6, 0.7, 0.8, 0.9];
  const changeQuantiles: ParamSet[] = [];
  for (const ql of [0.0, 0.2, 0.4, 0.6, 0.8]) {
    for (const qh of [0.2, 0.4, 0.6, 0.8, 1.0]) {
      for (const isabs of [false, true]) {
        for (const f_agg of ['mean', 'var']) {
          if (ql < qh) changeQuantiles.push({ ql: pyFloat(ql), qh: pyFloat(qh), isabs, f_agg });
        }
      }
    }
  }
  const fft: ParamSet[] = [];
  for (const attr of ['real', 'imag', 'abs', 'angle']) for (const coeff of range(0, 100)) fft.push({ coeff, attr });
  const cwt: ParamSet[] = [];
  for (const coeff of range(0, 15)) for (const w of [2, 5, 10, 20]) cwt.push({ widths: [2, 5, 10, 20], coeff, w });
  const aggLinearTrend: ParamSet[] = [];
  for (const attr of ['rvalue', 'intercept', 'slope', 'stderr']) {
    for (const chunk_len of [5, 10, 50]) for (const f_agg of ['max', 'min', 'mean', 'var']) aggLinearTrend.push({ attr, chunk_len, f_agg });
  }
  return [
    ['time_reversal_asymmetry_statistic', range(1, 4).map((lag) => ({ lag }))],
    ['c3', range(1, 4).map((lag) => ({ lag }))],
    ['cid_ce', [{ normalize: true }, { normalize: false }]],
    ['symmetry_looking', range(0, 20).map((r) => ({ r: pyFloat(r * 0.05) }))],
    ['large_standard_deviation', range(1, 20).map((r) => ({ r: pyFloat(r * 0.05) }))],
    ['quantile', quantiles.map((q) => ({ q }))],
    ['autocorrelation', range(0, 10).map((lag) => ({ lag }))],
    ['agg_autocorrelation', ['mean', 'median', 'var'].map((f_agg) => ({ f_agg, maxlag: 40 }))],
    ['partial_autocorrelation', range(0, 10).map((lag) => ({ lag }))],
    ['number_cwt_peaks', [1, 5].map((n) => ({ n }))],
    ['number_peaks', [1, 3, 5, 10, 50].map((n) => ({ n }))],
    ['binned_entropy', [{ max_bins: 10 }]],
    ['index_mass_quantile', quantiles.map((q) => ({ q }))],
    ['cwt_coefficients', cwt],
    ['spkt_welch_density', [2, 5, 8].map((coeff) => ({ coeff }))],
    ['ar_coefficient', range(0, 11).map((coeff) => ({ coeff, k: 10 }))],
    ['change_quantiles', changeQuantiles],
    ['fft_coefficient', fft],
    ['fft_aggregated', ['centroid', 'variance', 'skew', 'kurtosis'].map((aggtype) => ({ aggtype }))],
    ['value_count', [0, 1, -1].map((value) => ({ value }))],
    [
      'range_count',
      [
        { min: -1, max: 1 },
        { min: pyFloat(-1e12), max: 0 },
        { min: 0, max: pyFloat(1e12) },
      ],
    ],
    ['approximate_entropy', [0.1, 0.3, 0.5, 0.7, 0.9].map((r) => ({ m: 2, r }))],
    ['friedrich_coefficients', range(0, 4).map((coeff) => ({ coeff, m: 3, r: 30 }))],
    ['max_langevin_fixed_point', [{ m: 3, r: 30 }]],
    ['linear_trend', attrs(...LINREG_ATTRS)],
    ['agg_linear_trend', aggLinearTrend],
    ['augmented_dickey_fuller', attrs('teststat', 'pvalue', 'usedlag')],
    ['number_crossing_m', [0, -1, 1].map((m) => ({ m }))],
    ['energy_ratio_by_chunks', range(0, 10).map((segment_focus) => ({ num_segments: 10, segment_focus }))],
    ['ratio_beyond_r_sigma', [0.5, 1, 1.5, 2, 2.5, 3, 5, 6, 7, 10].map((r) => ({ r }))],
    ['linear_trend_timewise', attrs(...LINREG_ATTRS)],
    ['count_above', [{ t: 0 }]],
    ['count_below', [{ t: 0 }]],
    ['lempel_ziv_complexity', [2, 3, 5, 10, 100].map((bins) => ({ bins }))],
    ['fourier_entropy', [2, 3, 5, 10, 100].map((bins) => ({ bins }))],
    ['permutation_entropy', [3, 4, 5, 6, 7].map((dimension) => ({ tau: 1, dimension }))],
    ['query_similarity_count', [{ query: null, threshold: pyFloat(0.0) }]],
    // matrix_profile: left out (needs stumpy in tsfresh; may come later).
    // tsfresh 0.20.3 writes this grid as one dict with `number_of_maxima` repeated 3, 5, 7;
    // Python keeps the last key, so the grid is the single set {number_of_maxima: 7}.
    ['mean_n_absolute_max', [{ number_of_maxima: 7 }]],
  ];
}

/** Calculators tsfresh 0.20.3 marks `high_comp_cost` (dropped by `efficient`). */
export const HIGH_COMP_COST: ReadonlySet<string> = new Set(['sample_entropy', 'approximate_entropy']);

/** Calculators tsfresh 0.20.3 marks `minimal`. */
export const MINIMAL_CALCULATORS: ReadonlySet<string> = new Set([
  'sum_values',
  'median',
  'mean',
  'length',
  'standard_deviation',
  'variance',
  'root_mean_square',
  'maximum',
  'absolute_maximum',
  'minimum',
]);

/** Calculators that tsfresh has but that no setting here includes. */
export const LEFT_OUT_CALCULATORS: ReadonlySet<string> = new Set(['matrix_profile']);

function freezeSettings(entries: [string, readonly ParamSet[] | null][]): FcParameters {
  const out: Record<string, readonly ParamSet[] | null> = {};
  for (const [name, params] of entries) out[name] = params === null ? null : Object.freeze(params.map((p) => Object.freeze({ ...p })));
  return Object.freeze(out);
}

function comprehensiveEntries(): [string, readonly ParamSet[] | null][] {
  return [...PARAMETERLESS.map((name): [string, null] => [name, null]), ...parameterisedGrids()];
}

/** tsfresh's ComprehensiveFCParameters (less matrix_profile). */
export const comprehensive: FcParameters = freezeSettings(comprehensiveEntries());
/** tsfresh's EfficientFCParameters (less matrix_profile). */
export const efficient: FcParameters = freezeSettings(comprehensiveEntries().filter(([name]) => !HIGH_COMP_COST.has(name)));
/** tsfresh's MinimalFCParameters. */
export const minimal: FcParameters = freezeSettings(comprehensiveEntries().filter(([name]) => MINIMAL_CALCULATORS.has(name)));

/** Every calculator name tsfresh 0.20.3 knows (for `fromColumns` checks). */
export const TSFRESH_CALCULATORS: ReadonlySet<string> = new Set([...Object.keys(comprehensive), ...LEFT_OUT_CALCULATORS]);

/** The named settings object, or a clear error. */
export function namedSettings(name: string): FcParameters {
  switch (name) {
    case 'minimal':
      return minimal;
    case 'efficient':
      return efficient;
    case 'comprehensive':
      return comprehensive;
    default:
      throw new Error(`unknown feature settings "${name}" (expected ${SETTINGS_NAMES.join(', ')})`);
  }
}

/** True when `name` is one of the named settings. */
export function isSettingsName(name: unknown): name is SettingsName {
  return typeof name === 'string' && (SETTINGS_NAMES as readonly string[]).includes(name);
}
