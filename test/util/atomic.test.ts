import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../../src/util/atomic.js';

test('a list of chunks is written in order, more chunks than one writev takes (IOV_MAX 1024)', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'atomic-'));
  try {
    const chunks = Array.from({ length: 3000 }, (_, i) => Buffer.from(`${i},`));
    const path = join(dir, 'deep', 'out.csv');
    await writeFileAtomic(path, chunks);
    assert.equal(await readFile(path, 'utf8'), chunks.map((c) => c.toString()).join(''));
    assert.deepEqual(await readdir(join(dir, 'deep')), ['out.csv']);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a failed write leaves neither the file nor a temporary one', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'atomic-'));
  try {
    const path = join(dir, 'taken');
    await mkdir(path); // renaming a file over a folder fails
    await assert.rejects(writeFileAtomic(path, [Buffer.from('a'), Buffer.from('b')]));
    assert.deepEqual(await readdir(dir), ['taken']);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
