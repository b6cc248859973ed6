// Throughput on a large generated input. Prints rows/s; asserts only correctness, never time
// (the machine is shared and timings are noisy).
import assert from 'node:assert/strict';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { Random } from '../../src/util/random.js';
import { ingestTelemetry } from '../../src/telemetry/ingest.js';
import { readTidyTable, writeTidyTable } from '../../src/telemetry/tidy-csv.js';
import { ECLIPSE_COLUMNS } from './eclipse-columns.js';

const NODES = 4;
const SECONDS = 3600;
const root = mkdtemp(join(tmpdir(), 'telemetry-throughput-'));
after(async () => rm(await root, { recursive: true, force: true }));

async function writeSampler(path: string, metrics: readonly string[], seed: number): Promise<void> {
  const random = new Random(seed);
  const out = createWriteStream(path);
  const write = (text: string) => (out.write(text) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  await write(['timestamp', 'component_id', 'job_id', 'app_id', ...metrics].join(',') + '\n');
  const level = metrics.map(() => Math.floor(random.between(1e3, 1e9)));
  for (let node = 0; node < NODES; node++) {
    let chunk = '';
    for (let s = 0; s < SECONDS; s++) {
      const row = [String(1700000000 + s), String(100 + node), '424242', '1'];
      for (let m = 0; m < metrics.length; m++) row.push(String(level[m]! + s * (m + 1) + random.int(3)));
      chunk += row.join(',') + '\n';
      if (chunk.length > 1 << 16) {
        await write(chunk);
        chunk = '';
      }
    }
    await write(chunk);
  }
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
}

describe('throughput (printed, not asserted)', () => {
  it(`ingests ${NODES} nodes x ${SECONDS} s with every Eclipse column`, async () => {
    const dir = await root;
    const input = join(dir, 'in');
    await import('node:fs/promises').then((fs) => fs.mkdir(input));
    let bytes = 0;
    for (const [i, sampler] of (['meminfo', 'vmstat', 'procstat'] as const).entries()) {
      const path = join(input, `${sampler}.csv`);
      await writeSampler(path, ECLIPSE_COLUMNS[sampler], i + 1);
      bytes += (await stat(path)).size;
    }
    const inputRows = 3 * NODES * SECONDS;
    let start = performance.now();
    const { table, report } = await ingestTelemetry(input);
    const ingestSeconds = (performance.now() - start) / 1000;
    assert.equal(table.numRows(), NODES * (SECONDS - 1));
    assert.equal(report.samples, NODES);

    const tidyPath = join(dir, 'tidy.csv');
    start = performance.now();
    await writeTidyTable(table, tidyPath);
    const writeSeconds = (performance.now() - start) / 1000;
    start = performance.now();
    const back = await readTidyTable(tidyPath);
    const readSeconds = (performance.now() - start) / 1000;
    assert.equal(back.numRows(), table.numRows());
    assert.deepEqual(back.column('pgfault::vmstat'), table.column('pgfault::vmstat'));

    const mb = bytes / 1e6;
    const tidyMb = (await stat(tidyPath)).size / 1e6;
    const line = (what: string, rows: number, seconds: number, size: number) =>
      `  ${what}: ${rows} rows in ${seconds.toFixed(2)} s = ${Math.round(rows / seconds)} rows/s (${(size / seconds).toFixed(1)} MB/s)`;
    console.log(
      [
        `telemetry throughput (shared, busy machine: noisy), ${table.columnNames().length} tidy columns:`,
        line('ingest (3 sampler CSVs -> tidy table)', inputRows, ingestSeconds, mb),
        line('writeTidyTable', table.numRows(), writeSeconds, tidyMb),
        line('readTidyTable', back.numRows(), readSeconds, tidyMb),
      ].join('\n'),
    );
  });
});
