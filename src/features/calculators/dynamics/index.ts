/** The dynamics family of feature calculators. */
import type { Calculator } from '../../calculator.js';

export const dynamicsCalculators: readonly Calculator[] = [];
