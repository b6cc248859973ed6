/**
 * Calculators of tsfresh's comprehensive set that are not among the 73 golden families (they
 * need inputs the golden file could not give: a query, timestamps). The registry in
 * calculators/index.ts takes precedence when it has one of the same name.
 */
import type { Calculator } from '../calculator.js';
import { linearTrendTimewise } from './linear-trend-timewise.js';
import { querySimilarityCount } from './query-similarity-count.js';

const all: readonly Calculator[] = [linearTrendTimewise, querySimilarityCount];

export const extraCalculators: ReadonlyMap<string, Calculator> = new Map(all.map((c) => [c.name, c]));
