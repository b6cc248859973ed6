// The statistics and complexity kernels called from TypeScript (re-exported by index.ts).
export { statsPairwiseSum, statsSumSquaredDeviations } from './stats-pairwise-sum';
export { corridorChanges } from './stats-corridor-changes';
export { seriesSummary, countBeyondLimits, countBeyondLimitsSorted } from './stats-series-summary';
export { permutationPatterns, permutationWorkSize } from './stats-permutation-patterns';
export { linspace, histogramCounts, histogramRange, histogramCountsInRange, lempelZivWorkSize, lempelZivPhraseCounts, phraseWorkSize, countPhrases } from './stats-equal-width-bins';
export { valueRuns, indexMassQuantiles } from './stats-value-runs';
export { sortWorkSize, sortSeries } from './stats-sort';
export { laggedProductSum } from './stats-lagged-products';
export { leadingDigitCounts } from './stats-leading-digits';
export { countMatching, peakCounts } from './stats-threshold-counts';
