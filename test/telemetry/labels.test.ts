import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { table } from 'arquero';
import { TelemetryInputError } from '../../src/telemetry/errors.js';
import { ingestTelemetry } from '../../src/telemetry/ingest.js';
import { formatSampleKeys, matchLabels } from '../../src/telemetry/label-matching.js';
import { readLabels } from '../../src/telemetry/labels.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'telemetry', 'dsos');
const root = mkdtemp(join(tmpdir(), 'labels-'));
after(async () => rm(await root, { recursive: true, force: true }));
let n = 0;
async function labelsFile(text: string): Promise<string> {
  const path = join(await root, `labels-${n++}.csv`);
  await writeFile(path, text);
  return path;
}

describe('readLabels', () => {
  it('reads the fixture, ignoring the unnamed pandas index column', async () => {
    const labels = await readLabels(join(fixtures, 'labels.csv'));
    assert.deepEqual(labels.columnNames(), ['job_id', 'component_id', 'app_name', 'anom_name', 'binary_anom']);
    assert.deepEqual(labels.objects(), [
      { job_id: 1001, component_id: 11, app_name: 'lammps', anom_name: 'memleak', binary_anom: 1 },
      { job_id: 1001, component_id: 12, app_name: 'lammps', anom_name: 'none', binary_anom: 0 },
      { job_id: 3003, component_id: 11, app_name: 'sw4', anom_name: 'none', binary_anom: 0 },
    ]);
  });

  it('keeps extra named columns as text and drops an identical repeat', async () => {
    const path = await labelsFile('job_id,component_id,app_name,anom_name,binary_anom,note\n1,2,exa,none,0,x\n1,2,exa,none,0,x\n');
    const labels = await readLabels(path);
    assert.equal(labels.numRows(), 1);
    assert.deepEqual(labels.get('note', 0), 'x');
  });

  const bad: [string, string, number | undefined, string | undefined, RegExp][] = [
    ['missing column', 'job_id,component_id,app_name,binary_anom\n', 1, 'anom_name', /column "anom_name" is missing/],
    ['non-numeric id', 'job_id,component_id,app_name,anom_name,binary_anom\nj1,2,exa,none,0\n', 2, 'job_id', /"j1" is not a numeric id/],
    ['binary not 0/1', 'job_id,component_id,app_name,anom_name,binary_anom\n1,2,exa,memleak,2\n', 2, 'binary_anom', /must be 0 or 1, got "2"/],
    ['binary contradicts name', 'job_id,component_id,app_name,anom_name,binary_anom\n1,2,exa,memleak,0\n', 2, 'binary_anom', /binary_anom 0 contradicts anom_name "memleak"/],
    ['healthy marked 1', 'job_id,component_id,app_name,anom_name,binary_anom\n1,2,exa,none,1\n', 2, 'binary_anom', /binary_anom 1 contradicts anom_name "none"/],
    ['empty app', 'job_id,component_id,app_name,anom_name,binary_anom\n1,2,,none,0\n', 2, 'app_name', /app_name is empty/],
    ['conflicting repeat', 'job_id,component_id,app_name,anom_name,binary_anom\n1,2,exa,none,0\n1,2,sw4,none,0\n', 3, 'app_name', /labelled differently on line 2/],
    ['empty file', '', undefined, undefined, /empty/],
  ];
  for (const [title, text, line, column, message] of bad) {
    it(`rejects: ${title}`, async () => {
      const path = await labelsFile(text);
      await assert.rejects(readLabels(path), (err: unknown) => {
        assert.ok(err instanceof TelemetryInputError);
        assert.equal(err.file, path);
        assert.equal(err.line, line);
        assert.equal(err.column, column);
        assert.match(err.message, message);
        return true;
      });
    });
  }
});

describe('matchLabels', () => {
  it('reports mismatches both ways by id', () => {
    const telemetry = table({ job_id: [1, 1, 1, 2, 2], component_id: [5, 5, 6, 5, 5], timestamp: [1, 2, 1, 1, 2] });
    const labels = table({ job_id: [1, 2, 3], component_id: [5, 5, 7], app_name: ['a', 'a', 'b'], anom_name: ['none', 'none', 'none'], binary_anom: [0, 0, 0] });
    const match = matchLabels(telemetry, labels);
    assert.equal(match.matched, 2);
    assert.deepEqual(match.unlabeled, [{ job_id: 1, component_id: 6 }]);
    assert.deepEqual(match.withoutTelemetry, [{ job_id: 3, component_id: 7 }]);
    assert.equal(formatSampleKeys(match.unlabeled), 'job 1 node 6');
  });

  it('is wired into ingest: the fixture has one label without telemetry', async () => {
    const { report, labels } = await ingestTelemetry(fixtures, { labels: join(fixtures, 'labels.csv') });
    assert.equal(labels!.numRows(), 3);
    assert.deepEqual(report.labelMatch, { matched: 2, unlabeled: [], withoutTelemetry: [{ job_id: 3003, component_id: 11 }] });
    assert.ok(report.warnings.some((w) => /1 label\(s\) have no telemetry sample: job 3003 node 11/.test(w)));
  });
});
