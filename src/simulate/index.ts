/**
 * The embedded Eclipse-like dataset: a seeded, deterministic simulator of LDMS meminfo, vmstat
 * and procstat telemetry of four HPC applications with HPAS-style anomalies.
 */
export { simulate, planJobs, labelsOf, DEFAULT_SEED } from './simulate.js';
export type { SimulateOptions, SimulatedDataset, SimulatedJob, SimulatedNode, SampleLabel } from './simulate.js';
export { writeSimulation, writeSamplerCsv } from './write.js';
export type { WriteSimulationOptions, WrittenSimulation } from './write.js';
export { PRESETS, PRODIGY_PRESET, TINY_PRESET, LARGE_PRESET, HPAS_PRESET, presetByName, validatePreset } from './presets.js';
export type { PresetSpec, AnomalousRuns } from './presets.js';
export { APP_NAMES, APP_PROFILES, drawAppRun, ApplicationOnNode } from './apps.js';
export type { AppName, AppProfile, AppRunParams } from './apps.js';
export { ANOMALY_NAMES, HPAS_DEFAULT_ANOMALIES, HPAS_MEMLEAK_SIZE_MB, HPAS_MEMLEAK_PERIOD_S, drawAnomaly, leakRateMBps, AnomalyOnNode } from './anomalies.js';
export type { AnomalyName, AnomalySpec, AnomalyParameters } from './anomalies.js';
export { ECLIPSE_METRICS, MEMINFO_METRICS, VMSTAT_METRICS, PROCSTAT_METRICS, SAMPLER_ID_COLUMNS } from './eclipse-columns.js';
export { samplerColumn, samplerTableToArquero, SamplerTableBuilder } from './sampler-table.js';
export type { SimulatedSamplerTable } from './sampler-table.js';
export { ECLIPSE_NODE, drawNodeTraits } from './node.js';
export type { NodeTraits } from './node.js';
export { NodeKernel } from './kernel.js';
export { emptyLoad, clearLoad } from './load.js';
export type { Load, LoadSource } from './load.js';
export { tidyTableOf, labelsTableOf, simulateTelemetry } from './tidy.js';
export type { SimulatedTelemetry } from './tidy.js';
