/**
 * Every notebook in notebooks/ runs top to bottom in a fresh tslab kernel through Jupyter
 * (PRODIGY_QUICK=1 keeps the heavy ones short), with no error output, and shows every chart it
 * promises in its metadata (`metadata.prodigy.charts`: chart titles).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { executeNotebook, jupyterMissing, readNotebook, text } from './jupyter.js';

const NOTEBOOKS = fileURLToPath(new URL('../../notebooks/', import.meta.url));
const missing = jupyterMissing();
const names = (await readdir(NOTEBOOKS)).filter((f) => f.endsWith('.ipynb')).sort();

test('there are notebooks to run', () => assert.ok(names.length > 0));

for (const name of names) {
  test(`notebook ${name} runs clean and shows its charts`, { skip: missing ?? false, timeout: 900_000 }, async () => {
    const out = await mkdtemp(join(tmpdir(), 'prodigy-nb-'));
    try {
      const outPath = join(out, name);
      await executeNotebook(join(NOTEBOOKS, name), outPath, { PRODIGY_QUICK: '1' });
      const nb = await readNotebook(outPath);
      const outputs = nb.cells.flatMap((c) => c.outputs ?? []);
      const errors = outputs.filter((o) => o.output_type === 'error' || (o.output_type === 'stream' && o.name === 'stderr' && /error/i.test(text(o.text))));
      assert.deepEqual(errors.map((e) => e.ename ? `${e.ename}: ${e.evalue}` : text(e.text)), [], `${name} printed errors`);
      const shown = outputs.map((o) => text(o.data?.['text/plain'])).filter((t) => t.startsWith('[plotly chart: '));
      for (const chart of nb.metadata.prodigy?.charts ?? []) {
        assert.ok(shown.some((t) => t.includes(chart)), `${name} promised the chart "${chart}" but showed: ${shown.join(', ') || 'no chart'}`);
      }
      const withPicture = outputs.filter((o) => o.data?.['image/png'] && text(o.data?.['text/plain']).startsWith('[plotly chart: '));
      assert.equal(withPicture.length, shown.length, 'every chart keeps a static picture for viewers that run no scripts');
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
}
