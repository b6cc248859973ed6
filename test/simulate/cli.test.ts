import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli.js';

test('prodigy simulate --out DIR --preset tiny --seed 3 writes the four files and nothing else', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'sim-cli-'));
  try {
    const out = join(dir, 'data');
    assert.equal(await main(['simulate', '--out', out, '--preset', 'tiny', '--seed', '3', '--quiet']), 0);
    assert.deepEqual((await readdir(out)).sort(), ['labels.csv', 'meminfo.csv', 'procstat.csv', 'vmstat.csv']);
    const header = (await readFile(join(out, 'vmstat.csv'), 'utf8')).split('\n', 1)[0]!;
    assert.ok(header.startsWith('timestamp,component_id,job_id,app_id,nr_free_pages,'));
    const labels = (await readFile(join(out, 'labels.csv'), 'utf8')).trim().split('\n');
    assert.equal(labels.length, 25, 'tiny: 24 samples');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('bad arguments exit 2; an output path that is a file exits 1 and leaves nothing behind', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'sim-cli-'));
  const stderr = process.stderr.write;
  try {
    process.stderr.write = (() => true) as typeof process.stderr.write;
    assert.equal(await main(['simulate', '--out', join(dir, 'x'), '--preset', 'nope']), 2);
    assert.equal(await main(['simulate', '--out', join(dir, 'x'), '--seed', 'abc']), 2);
    assert.equal(await main(['simulate']), 2);
    const blocker = join(dir, 'file');
    await writeFile(blocker, 'not a folder');
    assert.equal(await main(['simulate', '--out', blocker, '--preset', 'tiny', '--quiet']), 1);
    assert.deepEqual((await readdir(dir)).sort(), ['file']);
  } finally {
    process.stderr.write = stderr;
    await rm(dir, { recursive: true, force: true });
  }
});
