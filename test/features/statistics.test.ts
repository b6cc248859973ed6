/**
 * The statistics family against hand-computed values on small series, tsfresh's edge cases
 * (short, constant, all-zero and empty series, zero division) and numpy's exact arithmetic
 * where tsfresh's results depend on it (pairwise sums, quantile interpolation).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SeriesContext } from '../../src/features/calculator.js';
import { getCalculator } from '../../src/features/calculators/index.js';
import { statisticsCalculators } from '../../src/features/calculators/statistics/index.js';
import { leadingDigit } from '../../src/features/calculators/statistics/benford-correlation.js';
import { sortedMedian, sortedQuantile } from '../../src/features/calculators/statistics/numpy-quantile.js';
import { pairwiseSum as pairwiseSumOf } from '../../src/features/numeric/pairwise-sum.js';
import { PyFloat, type ParamSet } from '../../src/features/params.js';

/** Runs calculator `name` on `values` and returns its outputs. */
function run(name: string, values: readonly number[], params: ParamSet[] | null = null, ctx?: SeriesContext): number[] {
  const calculator = getCalculator(name);
  const context = ctx ?? new SeriesContext(Float64Array.from(values));
  const out = new Float64Array(calculator.outputs(params).length).fill(-12345);
  calculator.compute(context, params, out, 0);
  return [...out];
}

/** The single output of a calculator. */
function one(name: string, values: readonly number[], params: ParamSet | null = null): number {
  return run(name, values, params ? [params] : null)[0]!;
}

function near(actual: number, expected: number, tolerance = 1e-12): void {
  assert.ok(Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected)), `expected ${expected}, got ${actual}`);
}

test('the family registers the 53 tsfresh calculators under their tsfresh names', () => {
  const names = statisticsCalculators.map((c) => c.name);
  assert.equal(names.length, 53);
  assert.equal(new Set(names).size, 53);
  for (const name of ['variance_larger_than_standard_deviation', 'c3', 'cid_ce', 'change_quantiles', 'mean_n_absolute_max']) {
    assert.ok(names.includes(name), name);
  }
});

test('moments: mean, population variance and std, variation coefficient', () => {
  const x = [1, 2, 3, 4];
  assert.equal(one('mean', x), 2.5);
  assert.equal(one('variance', x), 1.25);
  assert.equal(one('standard_deviation', x), Math.sqrt(1.25));
  assert.equal(one('variation_coefficient', x), Math.sqrt(1.25) / 2.5);
  assert.ok(Number.isNaN(one('variation_coefficient', [-1, 1])), 'mean 0 gives NaN');
  assert.equal(one('variation_coefficient', [187]), 0);
  assert.equal(one('variance_larger_than_standard_deviation', x), 1); // 1.25 > 1.118
  assert.equal(one('variance_larger_than_standard_deviation', [0, 1]), 0); // 0.25 < 0.5
  assert.equal(one('variance_larger_than_standard_deviation', [5, 5]), 0); // 0 > 0 is false
  assert.equal(one('length', x), 4);
});

test('sums add pairwise like numpy: 1e16 plus fifteen ones is 1e16 + 14, not 1e16', () => {
  const x = [1e16, ...Array<number>(15).fill(1)];
  assert.equal(one('sum_values', x), 1.0000000000000014e16);
  assert.equal(one('mean', x), 1.0000000000000014e16 / 16);
  assert.equal(one('sum_values', []), 0);
  assert.equal(one('abs_energy', [1, -2, 3]), 14);
  assert.equal(one('root_mean_square', [1, -2, 3]), Math.sqrt(14 / 3));
  assert.ok(Number.isNaN(one('root_mean_square', [])));
});

test('skewness and kurtosis are pandas\' bias-corrected G1 and G2', () => {
  // x = [1, 2, 3, 10]: mean 4, deviations -3 -2 -1 6, m2 = 50, m3 = 180, m4 = 1394
  const x = [1, 2, 3, 10];
  near(one('skewness', x), ((4 * Math.sqrt(3)) / 2) * (180 / 50 ** 1.5));
  near(one('kurtosis', x), (4 * 5 * 3 * 1394) / (2 * 1 * 2500) - (3 * 9) / 2); // 3.228
  near(one('kurtosis', x), 3.228);
  assert.ok(Number.isNaN(one('skewness', [1, 2])), 'fewer than 3 values');
  assert.ok(Number.isNaN(one('kurtosis', [1, 2, 3])), 'fewer than 4 values');
  assert.equal(one('skewness', [7, 7, 7, 7]), 0);
  assert.equal(one('kurtosis', [7, 7, 7, 7]), 0);
  // a constant whose mean is off by an ulp: the 1e-14 cut makes the noise 0
  assert.equal(one('skewness', Array<number>(300).fill(0.1)), 0);
  assert.equal(one('kurtosis', Array<number>(300).fill(0.1)), 0);
  assert.equal(one('skewness', [66, 74, 82]), 0);
});

test('median and quantile follow numpy, including its lerp from the upper end when t >= 0.5', () => {
  assert.equal(one('median', [3, 1, 2]), 2);
  assert.equal(one('median', [4, 1, 3, 2]), 2.5);
  assert.equal(one('quantile', [5, 1, 4, 2, 3], { q: 0.1 }), 1.4);
  assert.equal(one('quantile', [1, 2, 3, 4], { q: 0.75 }), 3.25);
  assert.equal(one('quantile', [1, 2, 3, 4], { q: new PyFloat(1) }), 4);
  assert.equal(one('quantile', [1, 2, 3, 4], { q: new PyFloat(0) }), 1);
  // numpy: np.quantile([0.1, 0.7], 0.7) == 0.5199999999999999 (0.7 - 0.6 * 0.3), not 0.52
  assert.equal(sortedQuantile(Float64Array.of(0.1, 0.7), 0.7), 0.5199999999999999);
  assert.ok(Number.isNaN(one('quantile', [], { q: 0.5 })));
  assert.ok(Number.isNaN(sortedMedian(Float64Array.of(1, NaN))));
});

test('changes between consecutive values', () => {
  const x = [1, 4, 2, 8]; // changes 3, -2, 6
  assert.equal(one('absolute_sum_of_changes', x), 11);
  assert.equal(one('mean_abs_change', x), 11 / 3);
  assert.equal(one('mean_change', x), 7 / 3);
  assert.equal(one('mean_second_derivative_central', x), (8 - 2 - 4 + 1) / 4);
  assert.equal(one('absolute_sum_of_changes', [5]), 0);
  assert.ok(Number.isNaN(one('mean_abs_change', [5])));
  assert.ok(Number.isNaN(one('mean_change', [5])));
  assert.ok(Number.isNaN(one('mean_second_derivative_central', [5, 6])));
});

test('extremes, their locations and duplicates', () => {
  const x = [1, 5, 2, 5, 0, 0];
  assert.equal(one('maximum', x), 5);
  assert.equal(one('minimum', x), 0);
  assert.equal(one('absolute_maximum', [-7, 3]), 7);
  assert.equal(one('first_location_of_maximum', x), 1 / 6);
  assert.equal(one('last_location_of_maximum', x), 1 - 2 / 6);
  assert.equal(one('first_location_of_minimum', x), 4 / 6);
  assert.equal(one('last_location_of_minimum', x), 1);
  assert.equal(one('has_duplicate_max', x), 1);
  assert.equal(one('has_duplicate_min', x), 1);
  assert.equal(one('has_duplicate', x), 1);
  for (const name of ['has_duplicate_max', 'has_duplicate_min', 'has_duplicate']) assert.equal(one(name, [1, 2, 3]), 0, name);
  assert.equal(one('has_duplicate_max', [1]), 0);
  assert.equal(one('last_location_of_maximum', [4]), 1);
  assert.equal(one('first_location_of_maximum', [4]), 0);
  assert.ok(Number.isNaN(one('maximum', [1, NaN, 3])), 'NaN propagates as in np.max');
  assert.ok(Number.isNaN(one('first_location_of_minimum', [])));
});

test('reoccurring values and data points', () => {
  const x = [3, 1, 2, 3, 1, 4, 3]; // 1 twice, 3 three times, 2 and 4 once
  assert.equal(one('percentage_of_reoccurring_values_to_all_values', x), 2 / 4);
  assert.equal(one('percentage_of_reoccurring_datapoints_to_all_datapoints', x), 5 / 7);
  assert.equal(one('sum_of_reoccurring_values', x), 1 + 3);
  assert.equal(one('sum_of_reoccurring_data_points', x), 1 + 1 + 3 + 3 + 3);
  assert.equal(one('ratio_value_number_to_time_series_length', x), 4 / 7);
  assert.equal(one('percentage_of_reoccurring_values_to_all_values', [1, 2]), 0);
  assert.equal(one('sum_of_reoccurring_values', [1, 2]), 0);
  assert.equal(one('percentage_of_reoccurring_datapoints_to_all_datapoints', [9, 9, 9]), 1);
  assert.ok(Number.isNaN(one('ratio_value_number_to_time_series_length', [])));
  assert.ok(Number.isNaN(one('percentage_of_reoccurring_values_to_all_values', [])));
});

test('counts and strikes relative to the mean are strict', () => {
  const x = [1, 2, 3, 4, 5, 1]; // mean 8/3
  assert.equal(one('count_above_mean', x), 3);
  assert.equal(one('count_below_mean', x), 3);
  assert.equal(one('longest_strike_above_mean', x), 3);
  assert.equal(one('longest_strike_below_mean', x), 2);
  assert.equal(one('count_above_mean', [1, 2, 3]), 1); // 2 equals the mean
  assert.equal(one('longest_strike_above_mean', [4, 4, 4]), 0);
  assert.equal(one('longest_strike_below_mean', []), 0);
});

test('benford_correlation reads the leading digit of numpy\'s shortest repr', () => {
  assert.equal(leadingDigit(0.00314), 3);
  assert.equal(leadingDigit(-2.5), 2);
  assert.equal(leadingDigit(3e-5), 3); // 10 ** -5 * 3 is 2.9999999999999997e-5
  assert.equal(leadingDigit(1e23), 1); // the double is 9.999999999999999e22, written 1e+23
  assert.equal(leadingDigit(9.999999999999997e22), 9);
  assert.equal(leadingDigit(120000986.53286065), 1);
  assert.equal(leadingDigit(999999999999999), 9);
  assert.equal(leadingDigit(5e-324), 5);
  assert.equal(leadingDigit(0), 0);
  assert.equal(leadingDigit(NaN), 0);
  assert.equal(leadingDigit(-Infinity), 1); // nan_to_num: the largest double, 1.79e308
  // all leading digits 1: correlation of Benford's P(d) with (1, 0, ..., 0)
  const benford = Array.from({ length: 9 }, (_, i) => Math.log10(1 + 1 / (i + 1)));
  const share = [1, 0, 0, 0, 0, 0, 0, 0, 0];
  const mb = benford.reduce((a, b) => a + b) / 9;
  const ms = 1 / 9;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let d = 0; d < 9; d++) {
    sab += (benford[d]! - mb) * (share[d]! - ms);
    saa += (benford[d]! - mb) ** 2;
    sbb += (share[d]! - ms) ** 2;
  }
  near(one('benford_correlation', [1, 12, 0.15, 1e8]), sab / Math.sqrt(saa * sbb));
  assert.ok(Number.isNaN(one('benford_correlation', [0, 0, 0])), 'all shares 0: undefined');
});

test('leadingDigit is the first digit of the shortest scientific repr, around every power of ten', () => {
  const reference = (v: number): number => Number(Math.abs(v).toExponential()[0]);
  let state = 17;
  const next = (): number => (state = (state * 48271) % 2147483647) / 2147483647;
  let checked = 0;
  const check = (v: number): void => {
    assert.equal(leadingDigit(v), reference(v), `${v}`);
    checked++;
  };
  for (let e = -289; e <= 307; e++) {
    for (const d of [1, 2, 5, 9, 9.999999999999998]) {
      const p = Number(`${d}e${e}`);
      // the double itself and its neighbours: the decimal exponent and the digit flip here
      for (const v of [p, p * (1 + 2 ** -52), p * (1 - 2 ** -53)]) check(v);
    }
    check(-(next() + 0.01) * 10 ** e);
  }
  assert.equal(checked, 597 * 16);
});

test('c3 and time_reversal_asymmetry_statistic', () => {
  const x = [1, 2, 3, 4];
  assert.equal(one('c3', x, { lag: 1 }), (3 * 2 * 1 + 4 * 3 * 2) / 2);
  assert.equal(one('c3', x, { lag: 2 }), 0); // 2 lag >= n
  // lag 1: (9 * 2 - 2 * 1) and (16 * 3 - 3 * 4)
  assert.equal(one('time_reversal_asymmetry_statistic', x, { lag: 1 }), (16 + 36) / 2);
  assert.equal(one('time_reversal_asymmetry_statistic', [1, 2], { lag: 1 }), 0);
});

test('cid_ce, raw and z-normalised', () => {
  assert.equal(one('cid_ce', [1, 4, 2], { normalize: false }), Math.sqrt(13));
  assert.equal(one('cid_ce', [0, 2], { normalize: true }), 2); // z-scores -1, 1
  assert.equal(one('cid_ce', [3, 3, 3], { normalize: true }), 0);
  assert.equal(one('cid_ce', [3], { normalize: false }), 0);
});

test('symmetry_looking, large_standard_deviation and ratio_beyond_r_sigma', () => {
  const x = [1, 2, 3, 10]; // |mean - median| = 1.5, range 9, std sqrt(12.5)
  assert.deepEqual(run('symmetry_looking', x, [{ r: 0.1 }, { r: 0.2 }]), [0, 1]);
  assert.deepEqual(run('symmetry_looking', [4, 4], [{ r: new PyFloat(0) }]), [0]);
  assert.deepEqual(getCalculator('symmetry_looking').outputs([{ r: new PyFloat(0) }, { r: 0.05 }]), ['r_0.0', 'r_0.05']);
  assert.equal(one('large_standard_deviation', [0, 10], { r: 0.4 }), 1); // 5 > 4
  assert.equal(one('large_standard_deviation', [0, 10], { r: 0.5 }), 0); // 5 > 5 is false
  const y = [0, 0, 0, 0, 10]; // mean 2, std 4
  assert.equal(one('ratio_beyond_r_sigma', y, { r: 1 }), 1 / 5);
  assert.equal(one('ratio_beyond_r_sigma', y, { r: 2 }), 0); // 8 > 8 is false
});

test('number_peaks counts strict peaks of the given support', () => {
  const x = [0, 3, 0, 5, 1, 2, 0];
  assert.equal(one('number_peaks', x, { n: 1 }), 3);
  assert.equal(one('number_peaks', x, { n: 2 }), 1);
  assert.equal(one('number_peaks', x, { n: 3 }), 1);
  assert.equal(one('number_peaks', x, { n: 4 }), 0);
  assert.equal(one('number_peaks', [0, 1, 1, 0], { n: 1 }), 0);
});

test('number_peaks from peak reaches agrees with the definition, with ties, plateaus and NaN', () => {
  const supports = [0, 1, 2, 3, 5, 10, 50];
  const definition = (x: number[], n: number): number => {
    let peaks = 0;
    for (let i = n; i < x.length - n && n > 0; i++) {
      let peak = true;
      for (let k = 1; k <= n; k++) peak &&= x[i]! > x[i - k]! && x[i]! > x[i + k]!;
      if (peak) peaks++;
    }
    return peaks;
  };
  let state = 99;
  const next = (): number => (state = (state * 48271) % 2147483647) / 2147483647;
  let nonzero = 0;
  for (let trial = 0; trial < 200; trial++) {
    const length = trial < 30 ? trial : 30 + Math.floor(next() * 300);
    let v = 0;
    const x = Array.from({ length }, () => (trial % 2 ? Math.floor(next() * 4) : (v += next() - 0.5)));
    if (trial % 10 === 9 && length > 3) x[Math.floor(next() * length)] = Number.NaN;
    const got = run('number_peaks', x, supports.map((n) => ({ n })));
    supports.forEach((n, k) => {
      assert.equal(got[k], definition(x, n), `trial ${trial}, n ${n}`);
      if (got[k]! > 0 && n >= 3) nonzero++;
    });
  }
  assert.ok(nonzero > 100, `${nonzero} counts of support >= 3 are nonzero`);
});

test('change_quantiles computes every corridor in one pass as a scan of each corridor does', () => {
  // reference: per parameter set, the corridor from the sorted copy, a scan for the changes with
  // both ends inside, then numpy's mean / var / std / median of them
  const reference = (x: number[], p: { ql: number; qh: number; isabs: boolean; f_agg: string }): number => {
    if (!(p.ql < p.qh && p.ql >= 0 && p.qh <= 1) || x.length < 2) return 0;
    const sorted = Float64Array.from(x).sort();
    const lower = sortedQuantile(sorted, (p.ql * 100) / 100);
    const upper = sortedQuantile(sorted, (p.qh * 100) / 100);
    const picked: number[] = [];
    for (let i = 0; i + 1 < x.length; i++) {
      if (x[i]! >= lower && x[i]! <= upper && x[i + 1]! >= lower && x[i + 1]! <= upper) {
        const change = x[i + 1]! - x[i]!;
        picked.push(p.isabs ? Math.abs(change) : change);
      }
    }
    const m = picked.length;
    if (m === 0) return 0;
    const values = Float64Array.from(picked);
    const mean = pairwiseSumOf(values) / m;
    if (p.f_agg === 'mean') return mean;
    if (p.f_agg === 'median') return sortedMedian(values.slice().sort());
    const variance = pairwiseSumOf(values.map((v) => (v - mean) * (v - mean))) / m;
    return p.f_agg === 'var' ? variance : Math.sqrt(variance);
  };
  const levels = [0, 0.2, 0.4, 0.6, 0.8, 1];
  const params: { ql: number; qh: number; isabs: boolean; f_agg: string }[] = [];
  for (const ql of levels) for (const qh of levels) for (const isabs of [false, true]) for (const f_agg of ['mean', 'var']) params.push({ ql, qh, isabs, f_agg });
  params.push({ ql: 0.1, qh: 0.9, isabs: true, f_agg: 'median' }, { ql: 0.25, qh: 0.75, isabs: false, f_agg: 'std' }, { ql: 0.2, qh: 0.8, isabs: true, f_agg: 'std' }, { ql: -0.1, qh: 0.5, isabs: false, f_agg: 'mean' });
  let state = 7;
  const next = (): number => (state = (state * 48271) % 2147483647) / 2147483647;
  let nonzero = 0;
  for (let trial = 0; trial < 60; trial++) {
    const length = trial < 6 ? trial : 20 + Math.floor(next() * 200);
    let v = 0;
    const x = Array.from({ length }, () => (trial % 3 === 0 ? Math.floor(next() * 5) : (v += next() - 0.5)));
    if (trial === 59) x[7] = Number.NaN;
    const got = run('change_quantiles', x, params.map((p) => ({ ...p, ql: new PyFloat(p.ql), qh: new PyFloat(p.qh) })));
    params.forEach((p, k) => {
      assert.ok(Object.is(got[k], reference(x, p)), `trial ${trial}, ${JSON.stringify(p)}: ${got[k]} vs ${reference(x, p)}`);
      if (got[k] !== 0) nonzero++;
    });
  }
  assert.ok(nonzero > 2000, `${nonzero} nonzero results`);
});

test('index_mass_quantile', () => {
  assert.deepEqual(run('index_mass_quantile', [1, 1, 1, 1], [{ q: 0.2 }, { q: 0.5 }, { q: 0.9 }]), [0.25, 0.5, 1]);
  assert.deepEqual(run('index_mass_quantile', [0, -3, 1], [{ q: 0.5 }]), [2 / 3]);
  assert.ok(run('index_mass_quantile', [0, 0], [{ q: 0.5 }]).every(Number.isNaN));
  assert.deepEqual(getCalculator('index_mass_quantile').outputs([{ q: 0.1 }]), ['q_0.1']);
});

test('change_quantiles aggregates the changes inside the quantile corridor', () => {
  // sorted 0 1 2 3 4 5 9: quantile 0.2 = 1.2, quantile 0.8 = 4.8; inside: 2, 4, 3
  // changes inside: 2 -> 4 (+2), 4 -> 3 (-1)
  const x = [1, 5, 2, 4, 3, 9, 0];
  const corridor = { ql: 0.2, qh: 0.8 };
  const params: ParamSet[] = [
    { ...corridor, isabs: false, f_agg: 'mean' },
    { ...corridor, isabs: false, f_agg: 'var' },
    { ...corridor, isabs: true, f_agg: 'mean' },
    { ...corridor, isabs: true, f_agg: 'var' },
    { ql: new PyFloat(0), qh: new PyFloat(1), isabs: false, f_agg: 'mean' },
    { ql: 0.8, qh: 0.2, isabs: false, f_agg: 'mean' },
    { ...corridor, isabs: false, f_agg: 'median' },
  ];
  assert.deepEqual(run('change_quantiles', x, params), [0.5, 2.25, 1.5, 0.25, -1 / 6, 0, 0.5]);
  // the lower edge is inclusive: quantile 0 is the minimum itself
  assert.equal(one('change_quantiles', [0, 0, 5, 9], { ql: new PyFloat(0), qh: 0.4, isabs: false, f_agg: 'mean' }), 0);
  assert.equal(one('change_quantiles', [0, 1, 5, 9], { ql: new PyFloat(0), qh: 0.4, isabs: false, f_agg: 'mean' }), 1);
  assert.equal(one('change_quantiles', [7, 7, 7], { ql: 0.2, qh: 0.8, isabs: true, f_agg: 'var' }), 0);
});

test('value_count, range_count, count_above, count_below and number_crossing_m', () => {
  const x = [1, 2, 2, NaN];
  assert.equal(one('value_count', x, { value: 2 }), 2);
  assert.equal(one('value_count', x, { value: NaN }), 1);
  assert.equal(one('range_count', [0, 1, 1.5, 2], { min: 1, max: 2 }), 2);
  assert.equal(one('count_above', x, { t: 2 }), 0.5);
  assert.equal(one('count_below', x, { t: 1 }), 0.25);
  assert.equal(one('number_crossing_m', [1, 3, 2, 0, 2], { m: 2 }), 2); // 2 itself is not above
  assert.equal(one('number_crossing_m', [5], { m: 0 }), 0);
});

test('energy_ratio_by_chunks splits like np.array_split', () => {
  const x = [1, 2, 3, 4, 5]; // energy 55
  assert.deepEqual(
    run('energy_ratio_by_chunks', x, [
      { num_segments: 2, segment_focus: 0 }, // [1, 2, 3]
      { num_segments: 2, segment_focus: 1 }, // [4, 5]
      { num_segments: 3, segment_focus: 2 }, // [1, 2] [3, 4] [5]
      { num_segments: 10, segment_focus: 9 }, // empty chunk
    ]),
    [14 / 55, 41 / 55, 25 / 55, 0],
  );
  assert.ok(Number.isNaN(one('energy_ratio_by_chunks', [0, 0], { num_segments: 2, segment_focus: 0 })));
  assert.throws(() => one('energy_ratio_by_chunks', x, { num_segments: 2, segment_focus: 2 }), /segment_focus/);
});

test('mean_n_absolute_max averages the largest magnitudes and needs n > k', () => {
  assert.equal(one('mean_n_absolute_max', [-10, 1, 2, 9, 3], { number_of_maxima: 2 }), 9.5);
  assert.equal(one('mean_n_absolute_max', [-10, 1, 2, 9, 3], { number_of_maxima: 4 }), (10 + 9 + 3 + 2) / 4);
  assert.ok(Number.isNaN(one('mean_n_absolute_max', [1, 2, 3], { number_of_maxima: 3 })));
  assert.throws(() => one('mean_n_absolute_max', [1, 2, 3], { number_of_maxima: 0 }), /number_of_maxima/);
});

test('shared memo keys hold numpy\'s mean, population std and the sorted copy', () => {
  const ctx = new SeriesContext(Float64Array.of(4, 1, 3, 2));
  run('standard_deviation', [], null, ctx);
  // median alone selects (no sort); quantile makes the shared sorted copy
  run('median', [], null, ctx);
  assert.equal(ctx.peek('sorted'), undefined);
  run('quantile', [], [{ q: 0.5 }], ctx);
  assert.equal(ctx.memo('mean', () => NaN), 2.5);
  assert.equal(ctx.memo('std', () => NaN), Math.sqrt(1.25));
  assert.deepEqual([...ctx.memo<Float64Array>('sorted', () => new Float64Array(0))], [1, 2, 3, 4]);
  assert.deepEqual([...ctx.x], [4, 1, 3, 2], 'the series itself is left alone');
});

test('bad parameters get an error naming the calculator, the parameter and the problem', () => {
  assert.throws(() => run('quantile', [1, 2], null), /quantile needs parameters/);
  assert.throws(() => run('change_quantiles', [1, 2], []), /change_quantiles needs parameters/);
  assert.throws(() => one('quantile', [1, 2], { q: 1.5 }), /^RangeError: quantile: parameter "q" must be a number in \[0, 1\], got 1.5$/);
  assert.throws(() => one('quantile', [1, 2], { quantile: 0.5 }), /quantile: parameter "q" must be a number in \[0, 1\], got nothing/);
  assert.throws(() => one('c3', [1, 2, 3], { lag: 1.5 }), /c3: parameter "lag" must be an integer >= 0, got 1.5/);
  assert.throws(() => one('number_peaks', [1, 2, 3], { n: -1 }), /number_peaks: parameter "n" must be an integer >= 0/);
  assert.throws(() => one('cid_ce', [1, 2, 3], { normalize: 'yes' }), /cid_ce: parameter "normalize" must be True or False, got "yes"/);
  assert.throws(() => one('value_count', [1, 2, 3], { value: 'one' }), /value_count: parameter "value" must be a number, got "one"/);
  assert.throws(
    () => one('change_quantiles', [1, 2, 3], { ql: 0.2, qh: 0.8, isabs: true, f_agg: 'sum' }),
    /change_quantiles: parameter "f_agg" must be one of "mean", "var", "std", "median", got "sum"/,
  );
  // quantiles outside [0, 1] make pandas raise inside tsfresh's try, which returns 0
  assert.equal(one('change_quantiles', [1, 5, 2, 4], { ql: -0.5, qh: 0.8, isabs: false, f_agg: 'mean' }), 0);
});
