/**
 * Named dataset shapes. A preset says which applications run, how many healthy and anomalous
 * runs each gets, on how many nodes, for how long; the seed decides everything else.
 */
import { APP_NAMES, type AppName } from './apps.js';
import { ANOMALY_NAMES, HPAS_DEFAULT_ANOMALIES, type AnomalyName, type AnomalyParameters } from './anomalies.js';

/** A group of anomalous runs: `runsPerApp` jobs per application with `anomaly` injected. */
export interface AnomalousRuns {
  readonly anomaly: AnomalyName;
  readonly runsPerApp: number;
  /** Nodes of each job that get the anomaly: all of them, or this many chosen at random. */
  readonly nodes: 'all' | number;
  /** How the anomaly's parameters are drawn (see `AnomalyParameters`); default `varied`. */
  readonly parameters?: AnomalyParameters;
}

/** The shape of a simulated dataset. */
export interface PresetSpec {
  readonly name: string;
  readonly description: string;
  readonly apps: readonly AppName[];
  readonly healthyRunsPerApp: number;
  readonly anomalousRuns: readonly AnomalousRuns[];
  readonly nodesPerJob: number;
  /** Job duration range (s); one sample per second. */
  readonly durationS: readonly [number, number];
  /** How many distinct nodes the jobs are placed on. */
  readonly nodePool: number;
  /** Chance that a sampler misses one reading (LDMS drops a sample now and then). */
  readonly dropRate: number;
}

/**
 * Mirrors the published dataset: 4 apps x 5 runs x 4 nodes healthy + the same with memleak
 * (160 samples, 80/80). The memleak is HPAS's default (20 MB every 0.21-0.3 s, launched with the
 * application, to the end of the job), as the published runs used it. Jobs last 10-15 minutes:
 * a whole-job leak leaves rate x duration behind (40-86 GB here), beyond the spread of the
 * apps' healthy footprints (2-68 GB per node); in 4-7 minute jobs (10-42 GB) it stayed inside
 * that spread and the paper's detector reached only ~0.6 macro F1 at 64 training samples.
 */
export const PRODIGY_PRESET: PresetSpec = {
  name: 'prodigy',
  description: '4 apps x 5 runs x 4 nodes healthy plus the same with HPAS-default memleak: 160 samples, 80 healthy / 80 memleak, 10-15 minutes each',
  apps: APP_NAMES,
  healthyRunsPerApp: 5,
  anomalousRuns: [{ anomaly: 'memleak', runsPerApp: 5, nodes: 'all', parameters: 'hpas-default' }],
  nodesPerJob: 4,
  durationS: [600, 900],
  nodePool: 16,
  dropRate: 0.001,
};

/**
 * A quick dataset for tests and notebook quick mode: 24 samples (16 healthy, 8 memleak), 1.5-2
 * minutes each, with the prodigy preset's HPAS-default leak (6-11 GB by the end of a job).
 */
export const TINY_PRESET: PresetSpec = {
  name: 'tiny',
  description: '4 apps x (2 healthy + 1 HPAS-default memleak) runs x 2 nodes: 24 samples, 16 healthy / 8 memleak, 90-120 s',
  apps: APP_NAMES,
  healthyRunsPerApp: 2,
  anomalousRuns: [{ anomaly: 'memleak', runsPerApp: 1, nodes: 'all', parameters: 'hpas-default' }],
  nodesPerJob: 2,
  durationS: [90, 120],
  nodePool: 6,
  dropRate: 0,
};

/** Twice the published dataset with longer jobs: 320 samples, 160/160. */
export const LARGE_PRESET: PresetSpec = {
  name: 'large',
  description: '4 apps x 10 runs x 4 nodes healthy plus the same with memleak: 320 samples, 5-10 minutes each',
  apps: APP_NAMES,
  healthyRunsPerApp: 10,
  anomalousRuns: [{ anomaly: 'memleak', runsPerApp: 10, nodes: 'all' }],
  nodesPerJob: 4,
  durationS: [300, 600],
  nodePool: 32,
  dropRate: 0.001,
};

/**
 * Every HPAS anomaly: 4 apps x 5 healthy runs, plus 2 runs per app and anomaly with the
 * anomaly on 1 to 4 of the job's nodes (its other nodes are labelled healthy).
 */
export const HPAS_PRESET: PresetSpec = {
  name: 'hpas',
  description: '4 apps x (5 healthy + 2 runs of each of the 7 HPAS anomalies on 2 of 4 nodes) x 4 nodes: 304 samples',
  apps: APP_NAMES,
  healthyRunsPerApp: 5,
  anomalousRuns: ANOMALY_NAMES.map((anomaly) => ({ anomaly, runsPerApp: 2, nodes: 2 })),
  nodesPerJob: 4,
  durationS: [240, 420],
  nodePool: 24,
  dropRate: 0.001,
};

/** The presets by name; `prodigy` is the default. */
export const PRESETS: Readonly<Record<string, PresetSpec>> = {
  prodigy: PRODIGY_PRESET,
  tiny: TINY_PRESET,
  large: LARGE_PRESET,
  hpas: HPAS_PRESET,
};

/** The preset called `name`; throws listing the known names. */
export function presetByName(name: string): PresetSpec {
  const preset = PRESETS[name];
  if (!preset) throw new Error(`unknown preset "${name}" (known: ${Object.keys(PRESETS).join(', ')})`);
  return preset;
}

/** Checks a preset's numbers; throws naming the field at fault. */
export function validatePreset(p: PresetSpec): void {
  const fail = (field: string, why: string) => {
    throw new Error(`preset "${p.name}": ${field} ${why}`);
  };
  if (p.apps.length === 0) fail('apps', 'is empty');
  for (const app of p.apps) if (!APP_NAMES.includes(app)) fail('apps', `has unknown app "${app}" (known: ${APP_NAMES.join(', ')})`);
  if (!Number.isInteger(p.healthyRunsPerApp) || p.healthyRunsPerApp < 0) fail('healthyRunsPerApp', 'must be a whole number >= 0');
  if (!Number.isInteger(p.nodesPerJob) || p.nodesPerJob < 1) fail('nodesPerJob', 'must be a whole number >= 1');
  if (!Number.isInteger(p.nodePool) || p.nodePool < p.nodesPerJob || p.nodePool > 1488) fail('nodePool', `must be a whole number in [nodesPerJob, 1488]`);
  const [lo, hi] = p.durationS;
  if (!(Number.isInteger(lo) && Number.isInteger(hi) && lo >= 30 && hi >= lo)) fail('durationS', 'must be whole seconds [lo, hi] with 30 <= lo <= hi');
  if (!(p.dropRate >= 0 && p.dropRate < 0.2)) fail('dropRate', 'must be in [0, 0.2)');
  for (const group of p.anomalousRuns) {
    if (!ANOMALY_NAMES.includes(group.anomaly)) fail('anomalousRuns', `has unknown anomaly "${group.anomaly}" (known: ${ANOMALY_NAMES.join(', ')})`);
    if (!Number.isInteger(group.runsPerApp) || group.runsPerApp < 0) fail('anomalousRuns.runsPerApp', 'must be a whole number >= 0');
    if (group.nodes !== 'all' && !(Number.isInteger(group.nodes) && group.nodes >= 1 && group.nodes <= p.nodesPerJob)) {
      fail('anomalousRuns.nodes', `must be "all" or a whole number in [1, ${p.nodesPerJob}]`);
    }
    const parameters = group.parameters ?? 'varied';
    if (parameters !== 'varied' && parameters !== 'hpas-default') fail('anomalousRuns.parameters', `must be "varied" or "hpas-default", got "${String(parameters)}"`);
    if (parameters === 'hpas-default' && !HPAS_DEFAULT_ANOMALIES.includes(group.anomaly)) {
      fail('anomalousRuns.parameters', `"hpas-default" is defined for ${HPAS_DEFAULT_ANOMALIES.join(', ')} only, not "${group.anomaly}"`);
    }
  }
  if (p.healthyRunsPerApp + p.anomalousRuns.reduce((n, g) => n + g.runsPerApp, 0) === 0) fail('runs', 'add up to zero jobs');
}
