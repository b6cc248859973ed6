import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeChunksAtomic, writeFileAtomic } from '../../src/util/atomic.js';

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

test('writeChunksAtomic writes appended chunks in order, also while the producer goes on, and nothing on failure', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'atomic-chunks-'));
  try {
    const path = join(dir, 'sub', 'out.txt');
    const expected: string[] = [];
    await writeChunksAtomic(path, async (append) => {
      // not awaited: later appends queue behind it
      const first = append([Buffer.from('head\n'), new Uint8Array(0), Buffer.from('a,b\n')]);
      expected.push('head\n', 'a,b\n');
      await new Promise((r) => setTimeout(r, 5));
      for (let i = 0; i < 1500; i++) expected.push(`${i}\n`);
      void append(Array.from({ length: 1500 }, (_, i) => Buffer.from(`${i}\n`)));
      await first;
    });
    assert.equal(await readFile(path, 'utf8'), expected.join(''));
    // a producer that fails after appending: no file, no temporary one
    const failed = join(dir, 'failed.txt');
    await assert.rejects(
      writeChunksAtomic(failed, async (append) => {
        void append([Buffer.from('partial')]);
        throw new Error('producer broke');
      }),
      /producer broke/,
    );
    assert.deepEqual((await readdir(dir)).sort(), ['sub']);
    assert.deepEqual(await readdir(join(dir, 'sub')), ['out.txt']);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
