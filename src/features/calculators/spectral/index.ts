/** The spectral family of feature calculators: Fourier, wavelet and Welch features. */
import type { Calculator } from '../../calculator.js';
import { cwtCoefficients } from './cwt-coefficients.js';
import { fftAggregated } from './fft-aggregated.js';
import { fftCoefficient } from './fft-coefficient.js';
import { fourierEntropy } from './fourier-entropy.js';
import { numberCwtPeaks } from './number-cwt-peaks.js';
import { spktWelchDensity } from './spkt-welch-density.js';

export const spectralCalculators: readonly Calculator[] = [
  fftCoefficient,
  fftAggregated,
  cwtCoefficients,
  numberCwtPeaks,
  spktWelchDensity,
  fourierEntropy,
];
