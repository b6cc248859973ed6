/**
 * The four applications of the Prodigy dataset as load generators: LAMMPS, sw4, sw4lite and
 * ExaMiniMD, each with its own CPU profile, memory footprint and growth, phases and I/O.
 *
 * A run has four phases on every node: launch (srun forks the ranks), start-up (memory is
 * allocated, input read), the time-step loop (steady compute with the application's rhythm and
 * periodic output) and finalize (output, memory released). A run's parameters are drawn once per
 * job (problem size, output cadence: run-to-run variation), then varied per node (rank 0 node
 * does the serial I/O and holds a little more; node-to-node variation).
 */
import type { Random } from '../util/random.js';
import type { Load, LoadSource } from './load.js';

/** The application names of the published dataset. */
export const APP_NAMES = ['lammps', 'sw4', 'sw4lite', 'exa'] as const;
export type AppName = (typeof APP_NAMES)[number];

type Range = readonly [number, number];

/** The signature of one application on one 36-core node; ranges are drawn per run. */
export interface AppProfile {
  readonly name: AppName;
  /** Processes per node and threads per process. */
  readonly ranksPerNode: number;
  readonly threadsPerRank: number;
  /** User CPU in the time-step loop (hardware threads' worth; 36 = every physical core). */
  readonly userCores: Range;
  /** Standard deviation of the second-to-second user CPU (AR(1) noise, hardware threads). */
  readonly userJitter: number;
  readonly sysCores: Range;
  /** Resident anonymous memory per node in the loop (GB). */
  readonly footprintGB: Range;
  /** Share of anonymous memory in transparent huge pages. */
  readonly hugeShare: Range;
  /** Footprint growth during the loop, as a share of the footprint per minute. */
  readonly growthPerMinute: Range;
  /** Start-up duration (s) and input read rate (MB/s, whole job; 0 = no input). */
  readonly startupS: Range;
  readonly inputMBps: Range;
  /** The loop's rhythm: period (s), user-CPU swing (threads) and anonymous-memory swing (share). */
  readonly rhythmPeriodS: Range;
  readonly rhythmUserCores: Range;
  readonly rhythmAnonShare: Range;
  /** Memory follows a saw-tooth (grows, then is released at each rebuild) instead of a sine. */
  readonly sawtooth: boolean;
  /** Output bursts: every `outputPeriodS`, for `outputS`, at `outputMBps` per writing node. */
  readonly outputPeriodS: Range;
  readonly outputS: Range;
  readonly outputMBps: Range;
  /** Whether every node writes (parallel I/O) or only the rank-0 node. */
  readonly outputAllNodes: boolean;
  /** malloc/free churn (MB/s) and re-faults per second in the loop. */
  readonly churnMBps: Range;
  readonly faultsPerS: Range;
  readonly contextSwitchesPerS: Range;
  readonly shmemGB: Range;
  /** Committed_AS per resident anonymous kB (virtual reservations beyond what is touched). */
  readonly commitRatio: Range;
  readonly mappedMB: Range;
}

/** The application signatures (documented choices, calibrated to be plausible on Eclipse). */
export const APP_PROFILES: Readonly<Record<AppName, AppProfile>> = {
  // Molecular dynamics, one MPI rank per core: flat, compute-bound, small memory, rank 0 dumps.
  lammps: {
    name: 'lammps', ranksPerNode: 36, threadsPerRank: 1,
    userCores: [35.2, 35.8], userJitter: 0.12, sysCores: [0.3, 0.6],
    footprintGB: [4, 11], hugeShare: [0.45, 0.7], growthPerMinute: [0, 0.03],
    startupS: [6, 14], inputMBps: [0, 5],
    rhythmPeriodS: [6, 12], rhythmUserCores: [0.2, 0.6], rhythmAnonShare: [0.004, 0.012], sawtooth: false,
    outputPeriodS: [45, 90], outputS: [1, 3], outputMBps: [40, 160], outputAllNodes: false,
    churnMBps: [15, 60], faultsPerS: [300, 900], contextSwitchesPerS: [3000, 6000],
    shmemGB: [0.25, 0.6], commitRatio: [1.25, 1.5], mappedMB: [120, 220],
  },
  // Seismic wave propagation: large grids, reads the material model, parallel image output.
  sw4: {
    name: 'sw4', ranksPerNode: 36, threadsPerRank: 1,
    userCores: [34.0, 35.2], userJitter: 0.35, sysCores: [0.8, 1.6],
    footprintGB: [30, 68], hugeShare: [0.7, 0.9], growthPerMinute: [0, 0.008],
    startupS: [18, 40], inputMBps: [150, 450],
    rhythmPeriodS: [15, 30], rhythmUserCores: [0.3, 0.9], rhythmAnonShare: [0.002, 0.006], sawtooth: false,
    outputPeriodS: [55, 110], outputS: [3, 8], outputMBps: [250, 700], outputAllNodes: true,
    churnMBps: [60, 250], faultsPerS: [200, 600], contextSwitchesPerS: [4000, 9000],
    shmemGB: [0.8, 2.0], commitRatio: [1.05, 1.15], mappedMB: [160, 300],
  },
  // The sw4 proxy: built-in problem (no input), medium memory, very regular loop.
  sw4lite: {
    name: 'sw4lite', ranksPerNode: 36, threadsPerRank: 1,
    userCores: [35.4, 35.9], userJitter: 0.08, sysCores: [0.5, 1.0],
    footprintGB: [12, 30], hugeShare: [0.6, 0.85], growthPerMinute: [0, 0.015],
    startupS: [5, 10], inputMBps: [0, 0],
    rhythmPeriodS: [8, 15], rhythmUserCores: [0.3, 0.7], rhythmAnonShare: [0.001, 0.004], sawtooth: false,
    outputPeriodS: [120, 200], outputS: [1, 2], outputMBps: [30, 90], outputAllNodes: false,
    churnMBps: [30, 120], faultsPerS: [200, 500], contextSwitchesPerS: [3000, 6000],
    shmemGB: [0.6, 1.4], commitRatio: [1.1, 1.2], mappedMB: [100, 180],
  },
  // Kokkos/OpenMP molecular dynamics: uses the hyper-threads, small memory that is rebuilt in a
  // saw-tooth (neighbour lists), many OpenMP context switches.
  exa: {
    name: 'exa', ranksPerNode: 4, threadsPerRank: 18,
    userCores: [58, 68], userJitter: 1.4, sysCores: [1.5, 3.0],
    footprintGB: [2, 7], hugeShare: [0.3, 0.6], growthPerMinute: [0, 0.05],
    startupS: [4, 9], inputMBps: [0, 0],
    rhythmPeriodS: [10, 22], rhythmUserCores: [1.5, 4], rhythmAnonShare: [0.08, 0.22], sawtooth: true,
    outputPeriodS: [60, 120], outputS: [1, 2], outputMBps: [5, 30], outputAllNodes: false,
    churnMBps: [120, 450], faultsPerS: [800, 2500], contextSwitchesPerS: [20000, 60000],
    shmemGB: [0.1, 0.4], commitRatio: [1.6, 2.2], mappedMB: [140, 260],
  },
};

/** The parameters of one run (one job), shared by its nodes. */
export interface AppRunParams {
  readonly app: AppName;
  readonly durationS: number;
  readonly launchS: number;
  readonly startupS: number;
  readonly finalizeS: number;
  readonly userCores: number;
  readonly sysCores: number;
  readonly footprintKB: number;
  readonly hugeShare: number;
  readonly growthPerS: number;
  /**
   * A healthy growth spurt (0 when the run has none): the application takes `spurtKBps` more
   * memory per node from `spurtStartS` (seconds into the loop) for `spurtS` seconds, then holds
   * it, as when statistics accumulate or a refinement adds cells (2-20% of the footprint). It
   * makes a healthy run's memory slope look like a mild leak's for a while.
   */
  readonly spurtKBps: number;
  readonly spurtStartS: number;
  readonly spurtS: number;
  readonly inputKBps: number;
  readonly rhythmPeriodS: number;
  readonly rhythmUserCores: number;
  readonly rhythmAnonShare: number;
  readonly outputPeriodS: number;
  readonly outputS: number;
  readonly outputKBps: number;
  readonly outputPhaseS: number;
  readonly churnKBps: number;
  readonly faultsPerS: number;
  readonly contextSwitchesPerS: number;
  readonly shmemKB: number;
  readonly commitRatio: number;
  readonly mappedKB: number;
}

const GB = 1024 * 1024;
const MB = 1024;

/** The share of runs with a healthy growth spurt. */
const SPURT_CHANCE = 0.3;
/**
 * What a spurt adds, as a share of the run's footprint (log-uniform): the extra cells or
 * accumulated statistics scale with the problem, 2-20% of it.
 */
const SPURT_SHARE = [0.02, 0.2] as const;

/** Draws the parameters of one run of `app` lasting `durationS` seconds. */
export function drawAppRun(app: AppName, durationS: number, rng: Random): AppRunParams {
  const p = APP_PROFILES[app];
  const pick = (r: Range) => rng.between(r[0], r[1]);
  const outputPeriodS = pick(p.outputPeriodS);
  const launchS = Math.round(rng.between(1, 4));
  const startupS = pick(p.startupS);
  const finalizeS = rng.between(3, 9);
  const userCores = pick(p.userCores);
  const sysCores = pick(p.sysCores);
  const footprintKB = pick(p.footprintGB) * GB;
  const hugeShare = pick(p.hugeShare);
  const growthPerS = pick(p.growthPerMinute) / 60;
  const spurtShare = rng.uniform() < SPURT_CHANCE ? Math.exp(rng.between(Math.log(SPURT_SHARE[0]), Math.log(SPURT_SHARE[1]))) : 0;
  const spurtStartS = rng.between(0.1, 0.6) * durationS;
  const spurtS = rng.between(0.2, 0.6) * durationS;
  return {
    app,
    durationS,
    launchS,
    startupS,
    finalizeS,
    userCores,
    sysCores,
    footprintKB,
    hugeShare,
    growthPerS,
    spurtKBps: (spurtShare * footprintKB) / spurtS,
    spurtStartS,
    spurtS,
    inputKBps: pick(p.inputMBps) * MB,
    rhythmPeriodS: pick(p.rhythmPeriodS),
    rhythmUserCores: pick(p.rhythmUserCores),
    rhythmAnonShare: pick(p.rhythmAnonShare),
    outputPeriodS,
    outputS: pick(p.outputS),
    outputKBps: pick(p.outputMBps) * MB,
    outputPhaseS: rng.between(0.3, 1) * outputPeriodS,
    churnKBps: pick(p.churnMBps) * MB,
    faultsPerS: pick(p.faultsPerS),
    contextSwitchesPerS: pick(p.contextSwitchesPerS),
    shmemKB: pick(p.shmemGB) * GB,
    commitRatio: pick(p.commitRatio),
    mappedKB: pick(p.mappedMB) * MB,
  };
}

/**
 * The load of one run on one node (`nodeIndex` 0 is the rank-0 node of the job). Per-node
 * variation: footprint x N(1, 0.03) (+4% on rank 0), CPU x N(1, 0.004); second-to-second CPU
 * noise is AR(1) with coefficient 0.7.
 */
export class ApplicationOnNode implements LoadSource {
  private readonly footprintKB: number;
  private readonly userScale: number;
  private readonly writes: boolean;
  private readonly rhythmPhase: number;
  private cpuNoise = 0;
  private readonly profile: AppProfile;

  constructor(
    readonly run: AppRunParams,
    readonly nodeIndex: number,
    readonly nodesInJob: number,
    private readonly rng: Random,
  ) {
    this.profile = APP_PROFILES[run.app];
    this.footprintKB = run.footprintKB * (1 + 0.03 * rng.normal()) * (nodeIndex === 0 ? 1.04 : 1);
    this.userScale = 1 + 0.004 * rng.normal();
    this.writes = this.profile.outputAllNodes || nodeIndex === 0;
    this.rhythmPhase = rng.uniform();
  }

  addTo(load: Load, t: number): void {
    const r = this.run;
    const p = this.profile;
    const rng = this.rng;
    const threads = p.ranksPerNode * p.threadsPerRank;
    if (t < r.launchS) {
      // srun starts the ranks: forks, libraries mapped, little memory yet.
      load.forksPerS += (threads + 8) / r.launchS;
      load.userCores += 0.5 + rng.uniform();
      load.sysCores += 0.6;
      load.mappedKB += r.mappedKB * (t + 1) / (r.launchS + 1);
      load.threads += threads * (t + 1) / (r.launchS + 1);
      load.running += 2;
      load.minorFaultsPerS += 4000;
      return;
    }
    const tLoop = t - r.launchS - r.startupS;
    const tEnd = r.durationS - t;
    this.cpuNoise = 0.7 * this.cpuNoise + p.userJitter * 0.714 * rng.normal();
    let user = r.userCores * this.userScale + this.cpuNoise;
    let sys = r.sysCores * (1 + 0.08 * rng.normal());
    let anon: number;
    let churn = r.churnKBps * (0.8 + 0.4 * rng.uniform());
    let faults = r.faultsPerS * (0.85 + 0.3 * rng.uniform());
    let iowait = 0;
    let blocked = 0;
    if (tLoop < 0) {
      // Start-up: memory allocated along a smooth ramp, input read (shared by the nodes).
      const u = (t - r.launchS + 1) / (r.startupS + 1);
      anon = this.footprintKB * u * u * (3 - 2 * u);
      user *= 0.55 + 0.4 * u;
      sys += 1.2;
      churn *= 2;
      faults *= 3;
      if (r.inputKBps > 0) {
        const read = (r.inputKBps / this.nodesInJob) * (0.6 + 0.8 * rng.uniform());
        load.fileNewKBps += read;
        load.fileTouchKBps += 0.1 * read;
        iowait += 1 + 2 * rng.uniform();
        sys += read / (400 * MB);
        blocked += 1.5;
        load.interruptsPerS += read / 64;
      }
    } else {
      const phase = tLoop / r.rhythmPeriodS + this.rhythmPhase;
      const cycle = phase - Math.floor(phase);
      const swing = p.sawtooth ? cycle - 0.5 : Math.sin(2 * Math.PI * phase) / 2;
      user += 2 * r.rhythmUserCores * (p.sawtooth ? (cycle < 0.08 ? -1 : 0.1) : swing);
      anon = this.footprintKB * (1 + r.growthPerS * tLoop) * (1 + 2 * r.rhythmAnonShare * swing);
      anon += r.spurtKBps * Math.min(r.spurtS, Math.max(0, tLoop - r.spurtStartS));
      if (p.sawtooth && cycle < 0.08) {
        // Neighbour-list rebuild: the old lists are freed and new ones faulted in.
        churn += r.rhythmAnonShare * this.footprintKB;
        faults *= 2;
        sys += 0.8;
      }
      // Periodic output.
      const sinceOutput = tLoop - r.outputPhaseS - Math.floor((tLoop - r.outputPhaseS) / r.outputPeriodS) * r.outputPeriodS;
      if (this.writes && tLoop >= r.outputPhaseS && sinceOutput < r.outputS) {
        const written = r.outputKBps * (0.7 + 0.6 * rng.uniform());
        load.fileNewKBps += written;
        load.dirtyKBps += written;
        user -= Math.min(user * 0.15, written / (80 * MB));
        sys += 0.3 + written / (500 * MB);
        iowait += 0.5 + written / (300 * MB);
        blocked += 1;
        load.interruptsPerS += written / 64;
        load.contextSwitchesPerS += written / 16;
      }
    }
    if (tEnd < r.finalizeS) {
      // Finalize: results written by rank 0, buffers released, ranks exit.
      const u = Math.max(0, tEnd) / r.finalizeS;
      anon *= 0.4 + 0.6 * u;
      user *= 0.3 + 0.7 * u;
      sys += 0.5;
      if (this.nodeIndex === 0) {
        load.fileNewKBps += 20 * MB;
        load.dirtyKBps += 20 * MB;
      }
    }
    const huge = anon * r.hugeShare;
    load.userCores += Math.max(0, user);
    load.sysCores += Math.max(0, sys);
    load.iowaitCores += iowait;
    load.softirqCores += 0.02 + 0.01 * rng.uniform();
    load.anonKB += anon;
    load.anonHugeKB += huge - (huge % 2048);
    load.committedKB += anon * r.commitRatio + threads * 96 * MB;
    load.shmemKB += r.shmemKB * Math.min(1, (t - r.launchS + 1) / 3);
    load.mappedKB += r.mappedKB;
    load.anonChurnKBps += churn;
    load.anonChurnHugeKBps += churn * r.hugeShare * 0.5;
    load.minorFaultsPerS += faults;
    load.majorFaultsPerS += rng.uniform() < 0.05 ? 1 + rng.int(3) : 0;
    load.threads += threads + 2 * p.ranksPerNode;
    load.running += Math.min(72, Math.max(0, user) + 0.3);
    load.blocked += blocked;
    load.contextSwitchesPerS += r.contextSwitchesPerS * (0.85 + 0.3 * rng.uniform());
    load.forksPerS += rng.uniform() < 0.02 ? 1 : 0;
  }
}
