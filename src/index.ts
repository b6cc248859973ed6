/** The public API of the Prodigy library: every stage, from telemetry to charts. */
export { Random, deriveSeed } from './util/random.js';
