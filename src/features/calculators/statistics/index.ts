/** The statistics family of feature calculators. */
import type { Calculator } from '../../calculator.js';

export const statisticsCalculators: readonly Calculator[] = [];
