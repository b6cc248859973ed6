import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simulate, writeSimulation, samplerColumn } from '../../src/simulate/index.js';

test('the same seed gives the same bytes, in every file', async () => {
  const a = await mkdtemp(join(tmpdir(), 'sim-a-'));
  const b = await mkdtemp(join(tmpdir(), 'sim-b-'));
  try {
    await writeSimulation(simulate({ preset: 'tiny', seed: 7 }), a);
    await writeSimulation(simulate({ preset: 'tiny', seed: 7 }), b);
    for (const file of ['meminfo.csv', 'vmstat.csv', 'procstat.csv', 'labels.csv']) {
      const x = await readFile(join(a, file));
      const y = await readFile(join(b, file));
      assert.ok(x.length > 100, `${file} is not empty`);
      assert.ok(x.equals(y), `${file} differs between two runs with seed 7`);
    }
  } finally {
    await rm(a, { recursive: true, force: true });
    await rm(b, { recursive: true, force: true });
  }
});

test('different seeds give different jobs and different values', () => {
  const x = simulate({ preset: 'tiny', seed: 1 });
  const y = simulate({ preset: 'tiny', seed: 2 });
  assert.notDeepEqual(x.labels.map((l) => l.job_id), y.labels.map((l) => l.job_id));
  const fx = samplerColumn(x.samplers.meminfo, 'MemFree');
  const fy = samplerColumn(y.samplers.meminfo, 'MemFree');
  let same = 0;
  for (let i = 0; i < Math.min(fx.length, fy.length); i++) if (fx[i] === fy[i]) same++;
  assert.ok(same < 0.01 * fx.length, `${same} equal MemFree values out of ${fx.length}`);
});

test('a node keeps its identity across jobs: MemTotal is fixed per node', () => {
  const d = simulate({ preset: 'tiny', seed: 3 });
  const m = d.samplers.meminfo;
  const total = samplerColumn(m, 'MemTotal');
  const byNode = new Map<number, Set<number>>();
  for (let i = 0; i < m.rowCount; i++) (byNode.get(m.componentId[i]!) ?? byNode.set(m.componentId[i]!, new Set()).get(m.componentId[i]!)!).add(total[i]!);
  for (const [node, values] of byNode) assert.equal(values.size, 1, `node ${node} has MemTotal ${[...values].join(', ')}`);
  // Some node runs more than one job (pool of 6 nodes, 12 jobs x 2 nodes).
  const jobsPerNode = new Map<number, number>();
  for (const l of d.labels) jobsPerNode.set(l.component_id, (jobsPerNode.get(l.component_id) ?? 0) + 1);
  assert.ok(Math.max(...jobsPerNode.values()) > 1);
});
