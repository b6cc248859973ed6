/** The complexity family of feature calculators. */
import type { Calculator } from '../../calculator.js';

export const complexityCalculators: readonly Calculator[] = [];
