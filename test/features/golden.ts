/**
 * The tsfresh reference values in ../shared/golden (format in its README), and the check that
 * compares our calculators with them: every non-null value within relative 1e-6 (absolute 1e-9
 * near zero), NaN exactly where tsfresh gives null, `fragile` values exempt.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { SeriesContext } from '../../src/features/calculator.js';
import { calculators } from '../../src/features/calculators/index.js';
import { parseParamSet, type ParamSet } from '../../src/features/params.js';

export interface GoldenSeries {
  id: string;
  kind: string;
  values: number[];
}

export interface GoldenFile {
  column: string;
  series: GoldenSeries[];
  features: Record<string, Record<string, number | null>>;
  fragile: Record<string, string[]>;
}

export const GOLDEN_PATH = fileURLToPath(new URL('../../../shared/golden/tsfresh-features.json.gz', import.meta.url));

export function loadGolden(path = GOLDEN_PATH): GoldenFile {
  return JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')) as GoldenFile;
}

/** `value__fft_coefficient__attr_"abs"__coeff_3` -> calculator and parameter suffix. */
export function splitFeatureName(name: string, column: string): { calculator: string; suffix: string } {
  const rest = name.slice(column.length + 2);
  const cut = rest.indexOf('__');
  return cut < 0 ? { calculator: rest, suffix: '' } : { calculator: rest.slice(0, cut), suffix: rest.slice(cut + 2) };
}

/**
 * The one documented exemption beyond the golden file's own `fragile` list: `ar_coefficient`
 * on a constant series. Its AR design matrix has rank 1, statsmodels solves it with an SVD
 * pseudo-inverse at rcond 1e-15, and what tsfresh reports is then LAPACK's rounding noise
 * (for a constant 895 it returns coefficients that do not even reproduce the series:
 * c + 895·Σφ ≈ 932). Our answer there is the exact minimum-norm solution, which
 * test/features/dynamics.test.ts checks by hand; where tsfresh's SVD happens to give that
 * answer too (the golden constant 3448 series), the values are still compared.
 */
export function exempt(calculator: string, values: readonly number[], expected: number | null, actual: number): boolean {
  if (calculator !== 'ar_coefficient' || values.length === 0 || !values.every((v) => v === values[0])) return false;
  return expected !== null && Number.isFinite(actual);
}

export interface Mismatch {
  series: string;
  feature: string;
  expected: number | null;
  actual: number;
}

export function closeEnough(actual: number, expected: number | null): boolean {
  if (expected === null) return !Number.isFinite(actual);
  if (!Number.isFinite(actual)) return false;
  return Math.abs(actual - expected) <= Math.max(1e-9, 1e-6 * Math.abs(expected));
}

/**
 * Runs every registered calculator named in the golden file (or only `only`) on every series
 * and returns the mismatches, plus the calculators the golden file names that are missing.
 */
export function compareWithGolden(golden: GoldenFile, only?: ReadonlySet<string>): {
  mismatches: Mismatch[];
  missing: string[];
  checked: number;
  exempted: number;
} {
  const firstId = golden.series[0]!.id;
  const byCalculator = new Map<string, { suffix: string; params: ParamSet }[]>();
  for (const name of Object.keys(golden.features[firstId]!)) {
    const { calculator, suffix } = splitFeatureName(name, golden.column);
    if (only && !only.has(calculator)) continue;
    const list = byCalculator.get(calculator) ?? [];
    list.push({ suffix, params: parseParamSet(suffix) });
    byCalculator.set(calculator, list);
  }
  const missing = [...byCalculator.keys()].filter((name) => !calculators.has(name));
  const mismatches: Mismatch[] = [];
  let checked = 0;
  let exempted = 0;
  for (const series of golden.series) {
    const expected = golden.features[series.id]!;
    const fragile = new Set(golden.fragile[series.id] ?? []);
    const ctx = new SeriesContext(Float64Array.from(series.values));
    for (const [name, entries] of byCalculator) {
      const calculator = calculators.get(name);
      if (!calculator) continue;
      const params = entries[0]!.suffix === '' ? null : entries.map((e) => e.params);
      const suffixes = calculator.outputs(params);
      const out = new Float64Array(suffixes.length).fill(Number.NaN);
      let error: unknown = null;
      try {
        calculator.compute(ctx, params, out, 0);
      } catch (err) {
        error = err;
      }
      suffixes.forEach((suffix, i) => {
        const feature = suffix === '' ? `${golden.column}__${name}` : `${golden.column}__${name}__${suffix}`;
        if (!(feature in expected)) {
          mismatches.push({ series: series.id, feature: `${feature} (not a tsfresh name)`, expected: null, actual: out[i]! });
          return;
        }
        if (fragile.has(feature)) return;
        checked++;
        if (!error && !closeEnough(out[i]!, expected[feature]!) && exempt(name, series.values, expected[feature]!, out[i]!)) {
          exempted++;
          return;
        }
        if (error || !closeEnough(out[i]!, expected[feature]!)) {
          mismatches.push({ series: series.id, feature: error ? `${feature} (threw ${String(error)})` : feature, expected: expected[feature]!, actual: out[i]! });
        }
      });
    }
  }
  return { mismatches, missing, checked, exempted };
}
