/**
 * The scaled-down artifact folder (`prodigy-mini`, written by scripts/make-artifact-fixtures.py
 * in the published artifact's exact layout) against the summaries the script wrote beside it
 * (`prodigy-mini.expected/`), the label join, the bad folders a user can have, and extraction of
 * exactly the features the CHI-style list names.
 */
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { isArtifactDir, missingArtifactFiles } from '../../src/artifact/artifact-dir.js';
import { ArtifactInputError } from '../../src/artifact/errors.js';
import { readArtifactLabels } from '../../src/artifact/labels.js';
import { loadArtifact } from '../../src/artifact/load-artifact.js';
import { readPandasHdf } from '../../src/artifact/read-pandas-hdf.js';
import { extractFeatures } from '../../src/features/extract.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'artifact');
const mini = join(fixtures, 'prodigy-mini');
const expected = join(fixtures, 'prodigy-mini.expected');
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

interface ColumnSummary {
  rows: number;
  missing: number;
  sum: number;
  first: number | null;
  last: number | null;
}

/** Neumaier's compensated sum (what Python's math.fsum gives, for these magnitudes). */
function compensatedSum(values: ArrayLike<number>): number {
  let sum = 0;
  let c = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) continue;
    const t = sum + v;
    c += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
    sum = t;
  }
  return sum + c;
}

const scratch = mkdtemp(join(tmpdir(), 'artifact-'));
after(async () => rm(await scratch, { recursive: true, force: true }));
let counter = 0;
/** A copy of the mini artifact, with `edit` applied to the named files' text. */
async function copyWith(edit: Record<string, (text: string) => string> = {}): Promise<string> {
  const dir = join(await scratch, `case-${counter++}`);
  await cp(mini, dir, { recursive: true });
  for (const [name, change] of Object.entries(edit)) await writeFile(join(dir, name), change(await readFile(join(dir, name), 'utf8')));
  return dir;
}

describe('the artifact folder', () => {
  it('is recognised by its four files; other folders are not', async () => {
    assert.equal(isArtifactDir(mini), true);
    assert.equal(isArtifactDir(join(fixtures, 'layouts')), false);
    assert.equal(isArtifactDir(join(fixtures, 'no-such-folder')), false);
    const partial = await copyWith();
    await rm(join(partial, 'prod_test_label.csv'));
    assert.deepEqual(missingArtifactFiles(partial), ['prod_test_label.csv']);
    await assert.rejects(loadArtifact(partial), (err: Error) => err instanceof ArtifactInputError && /prod_test_label\.csv missing/.test(err.message));
  });

  for (const file of ['prod_train_data.hdf', 'prod_test_data.hdf']) {
    it(`${file}: every column matches the script's summary (rows, missing values, exact sum, first and last), the samples too`, async () => {
      const summary = readJson(join(expected, 'data.json'))[file] as Record<string, ColumnSummary> & { _samples: [number, number][] };
      const { table, report } = await readPandasHdf(join(mini, file));
      assert.equal(report.layout, 'fixed');
      assert.equal(report.dtypes.job_id, 'object');
      assert.equal(report.dtypes['procs_running::procstat'], 'int64');
      const { _samples: samples, ...columns } = summary;
      assert.deepEqual(table.columnNames(), Object.keys(columns));
      for (const [name, s] of Object.entries(columns)) {
        const values = table.array(name) as Float64Array;
        assert.equal(values.length, s.rows, name);
        assert.equal(Array.from(values).filter(Number.isNaN).length, s.missing, name);
        assert.equal(compensatedSum(values), s.sum, name);
        assert.deepEqual([values[0], values[values.length - 1]].map((v) => (Number.isNaN(v!) ? null : v)), [s.first, s.last], name);
      }
      assert.equal(report.samples, samples.length);
    });
  }

  it('joins train and test labels as the original does (train rows first)', async () => {
    const want = readJson(join(expected, 'labels.json'));
    const labels = await readArtifactLabels(mini);
    assert.equal(labels.numRows(), want.rows);
    const first = labels.object(0) as Record<string, unknown>;
    assert.deepEqual([first.job_id, first.component_id, first.app_name, first.anom_name], want.first);
    assert.deepEqual([...new Set(labels.array('app_name') as string[])].sort(), want.apps);
    const trainRows = readFileSync(join(mini, 'prod_train_label.csv'), 'utf8').trim().split('\n').length - 1;
    const testFirst = readFileSync(join(mini, 'prod_test_label.csv'), 'utf8').split('\n')[1]!.split(',');
    assert.deepEqual([labels.get('job_id', trainRows), labels.get('component_id', trainRows)], [Number(testFirst[1]), Number(testFirst[2])]);
  });

  it('loads table, labels and the CHI list; the missing reading is dropped as the original dropna does', async () => {
    const labels = readJson(join(expected, 'labels.json'));
    const data = readJson(join(expected, 'data.json'));
    const artifact = await loadArtifact(mini);
    const rows = data['prod_train_data.hdf'].job_id.rows + data['prod_test_data.hdf'].job_id.rows;
    assert.equal(artifact.report.droppedRows.length, 1);
    assert.deepEqual(artifact.report.droppedRows[0]!.columns, ['MemFree::meminfo']);
    assert.equal(artifact.table.numRows(), rows - 1);
    assert.equal(Array.from(artifact.table.array('MemFree::meminfo') as Float64Array).some(Number.isNaN), false);
    assert.deepEqual([artifact.report.samples, artifact.report.healthy, artifact.report.anomalous], [labels.rows, labels.healthy, labels.anomalous]);
    assert.deepEqual(artifact.settings?.columns(), readJson(join(expected, 'features.json')).columns);

    const kept = await loadArtifact(mini, { missingValues: 'keep', settings: false });
    assert.equal(kept.table.numRows(), rows);
    assert.equal(kept.settings, undefined);
    assert.deepEqual(kept.report.train.missing, { 'MemFree::meminfo': 1 });
  });

  it('extracts exactly the features the CHI list names, one row per sample', async () => {
    const artifact = await loadArtifact(mini);
    const { matrix, dropped } = await extractFeatures(artifact.table, artifact.settings!, { workers: 0 });
    const names = readJson(join(expected, 'features.json')).columns as string[];
    assert.deepEqual([...matrix.columns].sort(), [...names].sort());
    assert.deepEqual(dropped, []);
    assert.equal(matrix.rows, artifact.report.samples);
  });
});

describe('artifact folders that do not fit together', () => {
  it('a label without telemetry is named by its ids', async () => {
    const dir = await copyWith({ 'prod_test_label.csv': (t) => `${t}99,424242,77,lammps,none,0\n` });
    await assert.rejects(loadArtifact(dir), (err: Error) => err instanceof ArtifactInputError && /have no telemetry/.test(err.message) && /job 424242 node 77/.test(err.message));
  });

  it('a sample without a label is named by its ids', async () => {
    const lines = readFileSync(join(mini, 'prod_train_label.csv'), 'utf8').trim().split('\n');
    const [, job, node] = lines[1]!.split(',');
    const dir = await copyWith({ 'prod_train_label.csv': () => [lines[0], ...lines.slice(2)].join('\n') + '\n' });
    await assert.rejects(loadArtifact(dir), new RegExp(`have no label: job ${job} node ${node}`));
  });

  it('a sample labelled in both files', async () => {
    const train = readFileSync(join(mini, 'prod_train_label.csv'), 'utf8').trim().split('\n');
    const [, job, node] = train[1]!.split(',');
    const dir = await copyWith({ 'prod_test_label.csv': (t) => `${t}99,${train[1]!.split(',').slice(1).join(',')}\n` });
    await assert.rejects(readArtifactLabels(dir), new RegExp(`labelled both here and in .*prod_train_label\\.csv: job ${job} node ${node}`));
  });

  it('a feature list naming a metric the data lacks', async () => {
    const dir = await copyWith({ 'fe_eclipse_tsfresh_raw_CHI_2000.json': () => '{"tsfresh_column_names": {"nr_dirty::vmstat": {"mean": null}}}' });
    await assert.rejects(loadArtifact(dir), (err: Error) => err instanceof ArtifactInputError && /fe_eclipse_tsfresh_raw_CHI_2000\.json/.test(err.message) && /nr_dirty::vmstat/.test(err.message));
  });
});
