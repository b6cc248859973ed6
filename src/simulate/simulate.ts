/**
 * The simulator: plans the jobs of a preset (applications, runs, nodes, injected anomalies),
 * then runs each job second by second on its nodes' kernel models and records what the three
 * LDMS samplers would read. Deterministic in (preset, seed): the same pair gives the same
 * numbers on every machine.
 */
import { deriveSeed, Random } from '../util/random.js';
import { ApplicationOnNode, drawAppRun, type AppName, type AppRunParams } from './apps.js';
import { AnomalyOnNode, drawAnomaly, type AnomalySpec } from './anomalies.js';
import { ECLIPSE_METRICS, SAMPLER_NAMES, type SamplerName } from './eclipse-columns.js';
import { NodeKernel } from './kernel.js';
import { clearLoad, emptyLoad } from './load.js';
import { drawNodeTraits } from './node.js';
import { presetByName, validatePreset, type PresetSpec } from './presets.js';
import { SamplerTableBuilder, type SimulatedSamplerTable } from './sampler-table.js';

/** One node of a simulated job, with what was injected on it. */
export interface SimulatedNode {
  readonly componentId: number;
  /** The anomaly running on this node, or null when the node is healthy. */
  readonly anomaly: AnomalySpec | null;
}

/** One simulated job: the ground truth behind its sampler rows. */
export interface SimulatedJob {
  readonly jobId: number;
  readonly app: AppName;
  /** Unix seconds of the first sample; the job lasts `run.durationS` samples. */
  readonly start: number;
  readonly run: AppRunParams;
  readonly nodes: readonly SimulatedNode[];
}

/** One row of the labels file: the ground truth of one sample (job, node). */
export interface SampleLabel {
  readonly job_id: number;
  readonly component_id: number;
  readonly app_name: AppName;
  /** The anomaly's name, `none` for a healthy sample. */
  readonly anom_name: string;
  /** 1 anomalous, 0 healthy. */
  readonly binary_anom: 0 | 1;
}

/** Everything one simulation produced. */
export interface SimulatedDataset {
  readonly preset: PresetSpec;
  readonly seed: number;
  readonly jobs: readonly SimulatedJob[];
  readonly labels: readonly SampleLabel[];
  /** The raw DSOS-shape sampler tables (cumulative counters, per-core columns included). */
  readonly samplers: Readonly<Record<SamplerName, SimulatedSamplerTable>>;
}

/** Options of `simulate`. */
export interface SimulateOptions {
  /** A preset name (`prodigy`, `tiny`, `large`, `hpas`) or a preset object; default `prodigy`. */
  readonly preset?: string | PresetSpec;
  /** Seed of every random choice; default 0. */
  readonly seed?: number;
  /** Unix time (s) of the first job; default 1614556800 (2021-03-01T00:00:00Z). */
  readonly startTime?: number;
  /**
   * Jobs to run instead of the preset's plan (e.g. `planJobs(...)` with a chosen anomaly put on
   * chosen nodes); they must not overlap in time on a node. The preset still gives `dropRate`.
   */
  readonly jobs?: readonly SimulatedJob[];
}

/** The seed used when none is given. */
export const DEFAULT_SEED = 0;
const DEFAULT_START_TIME = 1_614_556_800;
/** Eclipse has 1,488 compute nodes; component ids are 1..1488. */
const ECLIPSE_NODE_COUNT = 1488;

/** Plans the jobs of `preset` (no telemetry yet): deterministic in `seed`. */
export function planJobs(preset: PresetSpec, seed: number, startTime = DEFAULT_START_TIME): SimulatedJob[] {
  validatePreset(preset);
  const rng = new Random(deriveSeed(seed, 'plan', preset.name));
  const pool = rng.shuffle(Array.from({ length: ECLIPSE_NODE_COUNT }, (_, i) => i + 1)).slice(0, preset.nodePool);
  type Draft = { app: AppName; anomaly: (typeof preset.anomalousRuns)[number] | null };
  const drafts: Draft[] = [];
  for (const app of preset.apps) {
    for (let r = 0; r < preset.healthyRunsPerApp; r++) drafts.push({ app, anomaly: null });
    for (const group of preset.anomalousRuns) for (let r = 0; r < group.runsPerApp; r++) drafts.push({ app, anomaly: group });
  }
  rng.shuffle(drafts);
  const jobs: SimulatedJob[] = [];
  let jobId = 3_000_000 + rng.int(500_000);
  let clock = startTime;
  for (const draft of drafts) {
    jobId += 1 + rng.int(40);
    const [lo, hi] = preset.durationS;
    const durationS = lo + rng.int(hi - lo + 1);
    const run = drawAppRun(draft.app, durationS, rng);
    const componentIds = rng.shuffle(pool.slice()).slice(0, preset.nodesPerJob);
    let anomalous = new Set<number>();
    let spec: AnomalySpec | null = null;
    if (draft.anomaly) {
      spec = drawAnomaly(draft.anomaly.anomaly, durationS, rng, draft.anomaly.parameters);
      const count = draft.anomaly.nodes === 'all' ? preset.nodesPerJob : draft.anomaly.nodes;
      anomalous = new Set(rng.shuffle(componentIds.slice()).slice(0, count));
    }
    const start = clock + Math.round(rng.between(20, 300));
    jobs.push({
      jobId,
      app: draft.app,
      start,
      run,
      nodes: componentIds.map((componentId) => ({ componentId, anomaly: anomalous.has(componentId) ? spec : null })),
    });
    clock = start + durationS;
  }
  return jobs;
}

/** The labels of planned jobs: one row per (job, node). */
export function labelsOf(jobs: readonly SimulatedJob[]): SampleLabel[] {
  return jobs.flatMap((job) =>
    job.nodes.map((node) => ({
      job_id: job.jobId,
      component_id: node.componentId,
      app_name: job.app,
      anom_name: node.anomaly ? node.anomaly.name : 'none',
      binary_anom: node.anomaly ? (1 as const) : (0 as const),
    })),
  );
}

/** Checks user-given jobs: ids unique, durations whole seconds >= 2, nodes distinct, no overlap on a node. */
function checkJobs(jobs: readonly SimulatedJob[]): SimulatedJob[] {
  const ids = new Set<number>();
  const busyUntil = new Map<number, number>();
  const sorted = [...jobs].sort((a, b) => a.start - b.start);
  for (const job of sorted) {
    if (ids.has(job.jobId)) throw new Error(`job ${job.jobId} is given twice`);
    ids.add(job.jobId);
    if (!Number.isInteger(job.run.durationS) || job.run.durationS < 2) throw new Error(`job ${job.jobId}: durationS must be a whole number >= 2`);
    if (new Set(job.nodes.map((n) => n.componentId)).size !== job.nodes.length) throw new Error(`job ${job.jobId}: a node is listed twice`);
    for (const node of job.nodes) {
      if ((busyUntil.get(node.componentId) ?? -Infinity) >= job.start) throw new Error(`job ${job.jobId} overlaps an earlier job on node ${node.componentId}`);
      busyUntil.set(node.componentId, job.start + job.run.durationS - 1);
    }
  }
  return sorted;
}

/** When in each second the three samplers read /proc, relative to the node's sampling instant. */
const SAMPLER_OFFSET_S: Readonly<Record<SamplerName, number>> = { meminfo: 0, vmstat: 0.00031, procstat: 0.00058 };

/**
 * Simulates a dataset: plans the jobs of the preset, then for every job and node runs the
 * application (and any anomaly) through the node's kernel model one second at a time, and
 * records the meminfo, vmstat and procstat readings. Nodes keep their state (counters, slab,
 * fragmentation) from one job to the next; each job's epilog drops the clean page cache, and
 * the node idles until its next job.
 */
export function simulate(options: SimulateOptions = {}): SimulatedDataset {
  const preset = typeof options.preset === 'object' ? options.preset : presetByName(options.preset ?? 'prodigy');
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isFinite(seed)) throw new Error(`seed must be a finite number, got ${seed}`);
  const jobs = options.jobs ? checkJobs(options.jobs) : planJobs(preset, seed, options.startTime ?? DEFAULT_START_TIME);
  const totalRows = jobs.reduce((n, job) => n + job.run.durationS * job.nodes.length, 0);
  const builders = Object.fromEntries(
    SAMPLER_NAMES.map((name) => [name, new SamplerTableBuilder(name, ECLIPSE_METRICS[name], totalRows)]),
  ) as Record<SamplerName, SamplerTableBuilder>;
  const rows = Object.fromEntries(SAMPLER_NAMES.map((name) => [name, new Float64Array(ECLIPSE_METRICS[name].length)])) as Record<SamplerName, Float64Array>;

  const kernels = new Map<number, { kernel: NodeKernel; lastTime: number }>();
  const load = emptyLoad();
  const idle = emptyLoad();
  for (const job of jobs) {
    job.nodes.forEach((node, nodeIndex) => {
      const rng = new Random(deriveSeed(seed, 'job', job.jobId, node.componentId));
      let state = kernels.get(node.componentId);
      if (!state) {
        const traits = drawNodeTraits(node.componentId, job.start, new Random(deriveSeed(seed, 'node', node.componentId)));
        state = { kernel: new NodeKernel(traits, new Random(deriveSeed(seed, 'kernel', node.componentId)), job.start - 60), lastTime: job.start - 60 };
        kernels.set(node.componentId, state);
      }
      const kernel = state.kernel;
      // The previous job's epilog cleaned the node up; then it idles until this one.
      kernel.dropCaches();
      kernel.step(idle, Math.max(1, job.start - 1 - state.lastTime));
      kernel.startJob();
      const app = new ApplicationOnNode(job.run, nodeIndex, job.nodes.length, rng.fork());
      const anomaly = node.anomaly ? new AnomalyOnNode(node.anomaly, rng.fork()) : null;
      const nodeOffset = rng.between(0.001, 0.02);
      let previous = job.start - 1 + nodeOffset;
      const last = job.run.durationS - 1;
      for (let t = 0; t <= last; t++) {
        const instant = job.start + t + nodeOffset + rng.uniform() * 0.004;
        clearLoad(load);
        app.addTo(load, t);
        anomaly?.addTo(load, t);
        kernel.step(load, instant - previous);
        previous = instant;
        kernel.readMeminfo(rows.meminfo);
        kernel.readVmstat(rows.vmstat);
        kernel.readProcstat(rows.procstat);
        for (const name of SAMPLER_NAMES) {
          if (t > 0 && t < last && preset.dropRate > 0 && rng.uniform() < preset.dropRate) continue;
          builders[name].push(Math.round((instant + SAMPLER_OFFSET_S[name]) * 1e6) / 1e6, node.componentId, job.jobId, 0, rows[name]);
        }
      }
      state.lastTime = job.start + last;
    });
  }
  return {
    preset,
    seed,
    jobs,
    labels: labelsOf(jobs),
    samplers: Object.fromEntries(SAMPLER_NAMES.map((name) => [name, builders[name].build()])) as Record<SamplerName, SimulatedSamplerTable>,
  };
}
