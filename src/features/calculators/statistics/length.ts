/** tsfresh's `length`. */
import { scalarCalculator, type Calculator } from '../../calculator.js';

/** `length`: the number of values n in the series. */
export const length: Calculator = scalarCalculator('length', (x) => x.length);
