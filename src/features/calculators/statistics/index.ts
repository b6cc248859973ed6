/**
 * The statistics family of feature calculators: tsfresh 0.20.3's moments, order statistics,
 * counts, extremes, repeated values and simple non-linearity measures (52 calculators).
 */
import type { Calculator } from '../../calculator.js';
import { benfordCorrelation } from './benford-correlation.js';
import { absoluteSumOfChanges, meanAbsChange, meanChange, meanSecondDerivativeCentral } from './changes.js';
import { changeQuantiles } from './change-quantiles.js';
import { cidCe } from './cid-ce.js';
import { energyRatioByChunks } from './energy-ratio-by-chunks.js';
import {
  firstLocationOfMaximum,
  firstLocationOfMinimum,
  lastLocationOfMaximum,
  lastLocationOfMinimum,
} from './extreme-locations.js';
import { absoluteMaximum, maximum, minimum } from './extremes.js';
import { indexMassQuantile } from './index-mass-quantile.js';
import { kurtosis } from './kurtosis.js';
import { c3, timeReversalAsymmetryStatistic } from './lagged-products.js';
import { length } from './length.js';
import { countAboveMean, countBelowMean, longestStrikeAboveMean, longestStrikeBelowMean } from './mean-relations.js';
import { meanNAbsoluteMax } from './mean-n-absolute-max.js';
import {
  mean,
  standardDeviation,
  variance,
  varianceLargerThanStandardDeviation,
  variationCoefficient,
} from './moments.js';
import { numberCrossingM } from './number-crossing-m.js';
import { numberPeaks } from './number-peaks.js';
import { median, quantile } from './quantiles.js';
import {
  hasDuplicate,
  hasDuplicateMax,
  hasDuplicateMin,
  percentageOfReoccurringDatapointsToAllDatapoints,
  percentageOfReoccurringValuesToAllValues,
  ratioValueNumberToTimeSeriesLength,
  sumOfReoccurringDataPoints,
  sumOfReoccurringValues,
} from './reoccurrence.js';
import { skewness } from './skewness.js';
import { largeStandardDeviation, ratioBeyondRSigma, symmetryLooking } from './spread-tests.js';
import { absEnergy, rootMeanSquare, sumValues } from './sums.js';
import { countAbove, countBelow, rangeCount, valueCount } from './value-counts.js';

/** The 53 statistics calculators, each under its tsfresh name. */
export const statisticsCalculators: readonly Calculator[] = [
  varianceLargerThanStandardDeviation,
  hasDuplicateMax,
  hasDuplicateMin,
  hasDuplicate,
  sumValues,
  absEnergy,
  meanAbsChange,
  meanChange,
  meanSecondDerivativeCentral,
  median,
  mean,
  length,
  standardDeviation,
  variationCoefficient,
  variance,
  skewness,
  kurtosis,
  rootMeanSquare,
  absoluteSumOfChanges,
  longestStrikeBelowMean,
  longestStrikeAboveMean,
  countAboveMean,
  countBelowMean,
  lastLocationOfMaximum,
  firstLocationOfMaximum,
  lastLocationOfMinimum,
  firstLocationOfMinimum,
  percentageOfReoccurringValuesToAllValues,
  percentageOfReoccurringDatapointsToAllDatapoints,
  sumOfReoccurringValues,
  sumOfReoccurringDataPoints,
  ratioValueNumberToTimeSeriesLength,
  maximum,
  absoluteMaximum,
  minimum,
  benfordCorrelation,
  timeReversalAsymmetryStatistic,
  c3,
  cidCe,
  symmetryLooking,
  largeStandardDeviation,
  quantile,
  numberPeaks,
  indexMassQuantile,
  changeQuantiles,
  valueCount,
  rangeCount,
  numberCrossingM,
  energyRatioByChunks,
  ratioBeyondRSigma,
  countAbove,
  countBelow,
  meanNAbsoluteMax,
];
