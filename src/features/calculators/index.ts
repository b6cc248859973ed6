/** The registry of feature calculators by tsfresh name. */
import type { Calculator } from '../calculator.js';
import { statisticsCalculators } from './statistics/index.js';
import { dynamicsCalculators } from './dynamics/index.js';
import { spectralCalculators } from './spectral/index.js';
import { complexityCalculators } from './complexity/index.js';

const all: readonly Calculator[] = [
  ...statisticsCalculators,
  ...dynamicsCalculators,
  ...spectralCalculators,
  ...complexityCalculators,
];

/** Every calculator, keyed by its tsfresh name. */
export const calculators: ReadonlyMap<string, Calculator> = new Map(all.map((c) => [c.name, c]));

/** The calculator named `name`, or a clear error naming it. */
export function getCalculator(name: string): Calculator {
  const calculator = calculators.get(name);
  if (!calculator) throw new Error(`unknown feature calculator "${name}"`);
  return calculator;
}
