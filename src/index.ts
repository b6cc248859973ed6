/**
 * The public API of the Prodigy library, stage by stage in the order the data flows:
 * telemetry -> simulate / artifact -> features -> model -> evaluate -> plot.
 */
export { Random, deriveSeed } from './util/random.js';
export { writeFileAtomic, writeDirAtomic } from './util/atomic.js';
export { writeCsvAtomic } from './util/csv.js';
export * from './telemetry/index.js';
export * from './artifact/index.js';
export * from './simulate/index.js';
export * from './features/index.js';
export * from './model/index.js';
export * from './evaluate/index.js';
export * from './plot/index.js';
