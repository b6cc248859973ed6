/** The spectral family of feature calculators. */
import type { Calculator } from '../../calculator.js';

export const spectralCalculators: readonly Calculator[] = [];
