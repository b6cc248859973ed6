// The ingest on simulated data: the files the simulator writes read back into the same tidy
// table that the simulator builds in memory, every sample labelled, every column known.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { simulate, tidyTableOf, writeSimulation } from '../../src/simulate/index.js';
import { ingestTelemetry } from '../../src/telemetry/ingest.js';

const root = mkdtemp(join(tmpdir(), 'telemetry-simulated-'));
after(async () => rm(await root, { recursive: true, force: true }));

describe('ingest of simulated files', () => {
  it('gives the in-memory tidy table of the simulator, with every sample labelled', async () => {
    const dataset = simulate({ preset: 'tiny', seed: 7 });
    const dir = join(await root, 'tiny');
    await writeSimulation(dataset, dir);
    const fromFiles = await ingestTelemetry(dir, { labels: join(dir, 'labels.csv') });
    const inMemory = tidyTableOf(dataset);

    assert.deepEqual(fromFiles.table.columnNames(), inMemory.table.columnNames());
    assert.equal(fromFiles.table.numRows(), inMemory.table.numRows());
    // exact: the simulator's values are whole numbers, and timestamps floor to the same second
    for (const name of inMemory.table.columnNames()) assert.deepEqual(fromFiles.table.column(name), inMemory.table.column(name), name);
    assert.deepEqual(fromFiles.report.labelMatch!.unlabeled, []);
    assert.deepEqual(fromFiles.report.labelMatch!.withoutTelemetry, []);
    assert.equal(fromFiles.report.labelMatch!.matched, dataset.labels.length);
    // every simulated column is in the kind table: no data-driven guess
    const fallback = Object.entries(fromFiles.report.kinds).filter(([, d]) => d.source !== 'table');
    assert.deepEqual(fallback, []);
    // no counter of a healthy simulated kernel goes backwards
    assert.deepEqual(fromFiles.report.counterResets, {});
  });
});
