import { test } from 'node:test';
import assert from 'node:assert/strict';
import { drawAnomaly, planJobs, simulate, validatePreset, leakRateMBps, HPAS_PRESET, PRODIGY_PRESET, LARGE_PRESET, type AnomalySpec } from '../../src/simulate/index.js';
import { Random } from '../../src/util/random.js';
import { sampleRows } from './helpers.js';
import { samplerColumn } from '../../src/simulate/index.js';

test('hpas-default memleak: 20 MB every 0.21-0.3 s, started within the first 3 s, to the end of the job', () => {
  const rng = new Random(5);
  const periods: number[] = [];
  for (let i = 0; i < 400; i++) {
    const s = drawAnomaly('memleak', 300, rng, 'hpas-default') as Extract<AnomalySpec, { name: 'memleak' }>;
    assert.equal(s.sizeMB, 20);
    assert.ok(s.periodS >= 0.21 && s.periodS <= 0.3, `period ${s.periodS}`);
    assert.ok(Number.isInteger(s.startS) && s.startS >= 0 && s.startS <= 3, `start ${s.startS}`);
    assert.equal(s.durationS, undefined);
    periods.push(s.periodS);
  }
  // The spread is used: both ends of the range occur (rates 67 to 95 MB/s).
  assert.ok(Math.min(...periods) < 0.22 && Math.max(...periods) > 0.29);
  assert.throws(() => drawAnomaly('cpuoccupy', 300, rng, 'hpas-default'), /hpas-default parameters are defined for memleak only/);
});

test('the prodigy preset injects the HPAS-default leak; hpas and large keep the varied (subtle) ones', () => {
  for (const job of planJobs(PRODIGY_PRESET, 0)) {
    for (const node of job.nodes) {
      if (!node.anomaly) continue;
      assert.equal(node.anomaly.name, 'memleak');
      const rate = leakRateMBps(node.anomaly as { sizeMB: number; periodS: number });
      assert.ok(rate >= 66 && rate <= 96, `leak ${rate} MB/s`);
      assert.ok(node.anomaly.startS <= 3);
    }
  }
  for (const preset of [HPAS_PRESET, LARGE_PRESET]) {
    const leaks = planJobs(preset, 0).flatMap((j) => j.nodes).map((n) => n.anomaly).filter((a) => a?.name === 'memleak') as { sizeMB: number; periodS: number; startS: number }[];
    assert.ok(leaks.length > 0);
    assert.ok(leaks.some((l) => leakRateMBps(l) < 20), `${preset.name}: some leaks are subtle`);
    assert.ok(leaks.some((l) => l.startS > 10), `${preset.name}: some leaks start late`);
  }
});

test('a preset asking hpas-default parameters for an anomaly without defined defaults is refused', () => {
  assert.throws(
    () => validatePreset({ ...PRODIGY_PRESET, anomalousRuns: [{ anomaly: 'membw', runsPerApp: 1, nodes: 'all', parameters: 'hpas-default' }] }),
    /preset "prodigy": anomalousRuns.parameters "hpas-default" is defined for memleak only, not "membw"/,
  );
  assert.throws(
    () => validatePreset({ ...PRODIGY_PRESET, anomalousRuns: [{ anomaly: 'memleak', runsPerApp: 1, nodes: 'all', parameters: 'strong' as never }] }),
    /anomalousRuns.parameters must be "varied" or "hpas-default", got "strong"/,
  );
});

test('an HPAS-default leak on a small-footprint app grows AnonPages by about its rate x the job length', () => {
  const d = simulate({ preset: { ...PRODIGY_PRESET, name: 'one-lammps-leak', apps: ['lammps'], healthyRunsPerApp: 0, anomalousRuns: [{ anomaly: 'memleak', runsPerApp: 1, nodes: 'all', parameters: 'hpas-default' }] }, seed: 2 });
  const job = d.jobs[0]!;
  const spec = job.nodes[0]!.anomaly as { sizeMB: number; periodS: number; startS: number };
  const m = d.samplers.meminfo;
  const anon = samplerColumn(m, 'AnonPages');
  const rows = sampleRows(m, job.jobId, job.nodes[0]!.componentId);
  // From the end of start-up to just before finalize: the app's footprint grows by at most 5%
  // a minute (< 3 GB here), the leak by rate x elapsed time.
  const from = rows[Math.round(job.run.launchS + job.run.startupS) + 5]!;
  const to = rows[rows.length - 12]!;
  const seconds = m.timestamp[to]! - m.timestamp[from]!;
  const grownGB = (anon[to]! - anon[from]!) / 1048576;
  const leakGB = (leakRateMBps(spec) * seconds) / 1024;
  assert.ok(grownGB > 0.85 * leakGB && grownGB < leakGB + 3, `AnonPages grew ${grownGB.toFixed(1)} GB, the leak alone ${leakGB.toFixed(1)} GB`);
});
