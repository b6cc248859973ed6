/**
 * The simulated dataset in the form the rest of the library consumes: the tidy table (made by
 * the telemetry stage's own transform from the raw sampler tables, so there is one
 * implementation of it) and the labels as an arquero table (the shape `readLabels` returns).
 */
import { table as makeTable, type ColumnTable } from 'arquero';
import { buildTidyTable, type TidyResult, type TransformOptions } from '../telemetry/index.js';
import { SAMPLER_NAMES } from './eclipse-columns.js';
import { simulate, type SimulateOptions, type SimulatedDataset } from './simulate.js';

/** The tidy table of a simulated dataset: `buildTidyTable` over its three raw sampler tables. */
export function tidyTableOf(dataset: SimulatedDataset, options: TransformOptions = {}): TidyResult {
  return buildTidyTable(SAMPLER_NAMES.map((name) => dataset.samplers[name]), options);
}

/**
 * The labels as an arquero table: `job_id`, `component_id`, `binary_anom` as Float64Array,
 * `app_name`, `anom_name` as strings, one row per (job, node) in job order.
 */
export function labelsTableOf(dataset: SimulatedDataset): ColumnTable {
  const l = dataset.labels;
  return makeTable({
    job_id: Float64Array.from(l, (x) => x.job_id),
    component_id: Float64Array.from(l, (x) => x.component_id),
    app_name: l.map((x) => x.app_name),
    anom_name: l.map((x) => x.anom_name),
    binary_anom: Float64Array.from(l, (x) => x.binary_anom),
  });
}

/** A simulated dataset ready to use: the raw dataset, its tidy table and report, its labels. */
export interface SimulatedTelemetry {
  readonly dataset: SimulatedDataset;
  /** One row per (job_id, component_id, timestamp); `METRIC::SAMPLER` columns. */
  readonly table: ColumnTable;
  readonly report: TidyResult['report'];
  readonly labels: ColumnTable;
}

/** Simulates (`simulate(options)`) and transforms: the default data of every notebook and command. */
export function simulateTelemetry(options: SimulateOptions = {}, transform: TransformOptions = {}): SimulatedTelemetry {
  const dataset = simulate(options);
  const { table, report } = tidyTableOf(dataset, transform);
  return { dataset, table, report, labels: labelsTableOf(dataset) };
}
