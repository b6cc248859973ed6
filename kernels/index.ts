// The kernels module: every file's exports, compiled together into dist/kernels.wasm.
export { rickerRow } from './ricker-row';
export { csvNumberRows } from './csv-numbers';
export { formatRow } from './shortest-decimal';
export { pocketfftRfft } from './pocketfft-rfft';
export { ridgeWorkSize, cwtRowMaxima, ridgeLineEnds } from './spectral-ridge-lines';
export { windowStateSize, windowSmallestTables, windowSmallestSelect, countSurvivingEnds } from './spectral-noise-floor';
export { fftForward } from './spectral-complex-fft';
export { welchDensity, divideByMax } from './spectral-welch';
export { spectrumMomentSums, coefficientValues } from './spectral-spectrum-terms';
export * from './stats-exports';
export { laggedGram, laggedWorkSize, laggedLeastSquares, nestedCholeskySize, nestedCholesky } from './dynamics-lagged-least-squares';
export { autocovariance } from './dynamics-autocovariance';
export { chunkAggregates, trendSums } from './dynamics-linear-trend';
export { friedrichBinMeans, quantileEdges } from './dynamics-friedrich';
export { minNormSolve, polyfit } from './dynamics-min-norm';
export { householderQr } from './dynamics-householder-qr';
export { shiftSeries, adfSeries, hasNaN, adfDesign } from './dynamics-series';
export { aberthSweep } from './dynamics-aberth';
