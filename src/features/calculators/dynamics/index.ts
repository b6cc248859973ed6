/**
 * The dynamics family of feature calculators: how a series depends on its own past
 * (autocorrelation, partial autocorrelation, AR coefficients, the ADF unit-root test), its
 * trend (linear_trend, agg_linear_trend) and its drift (Friedrich's Langevin model).
 */
import type { Calculator } from '../../calculator.js';
import { aggAutocorrelation } from './agg-autocorrelation.js';
import { aggLinearTrend } from './agg-linear-trend.js';
import { arCoefficient } from './ar-coefficient.js';
import { augmentedDickeyFullerCalculator } from './augmented-dickey-fuller.js';
import { autocorrelation } from './autocorrelation.js';
import { friedrichCoefficients, maxLangevinFixedPointCalculator } from './friedrich.js';
import { linearTrend } from './linear-trend.js';
import { partialAutocorrelation } from './partial-autocorrelation.js';

export const dynamicsCalculators: readonly Calculator[] = [
  autocorrelation,
  aggAutocorrelation,
  partialAutocorrelation,
  arCoefficient,
  augmentedDickeyFullerCalculator,
  linearTrend,
  aggLinearTrend,
  friedrichCoefficients,
  maxLangevinFixedPointCalculator,
];
