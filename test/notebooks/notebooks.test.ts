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
import { executeNotebook, jupyterMissing, readNotebook, text, type NotebookCell } from './jupyter.js';

const NOTEBOOKS = fileURLToPath(new URL('../../notebooks/', import.meta.url));
const missing = jupyterMissing();
const names = (await readdir(NOTEBOOKS)).filter((f) => f.endsWith('.ipynb')).sort();

test('the six lessons are there', () => {
  assert.deepEqual(names, ['01-telemetry.ipynb', '02-features.ipynb', '03-training.ipynb', '04-evaluation.ipynb', '05-figure6.ipynb', '06-deployment.ipynb']);
});

// Committed clean (see notebooks/README.md): no outputs, no execution counts, the tslab kernel,
// an introduction first, and the parameters (with the QUICK switch) in one cell near the top.
for (const name of names) {
  test(`notebook ${name} is committed clean, opens with a lesson and keeps its parameters in one cell`, async () => {
    const nb = await readNotebook(join(NOTEBOOKS, name));
    const code = nb.cells.filter((c) => c.cell_type === 'code') as (NotebookCell & { execution_count?: number | null })[];
    assert.deepEqual(code.filter((c) => (c.outputs ?? []).length > 0 || c.execution_count != null).map((c) => text(c.source).split('\n')[0]), [], `${name} has saved outputs`);
    assert.equal((nb.metadata.kernelspec as { name?: string } | undefined)?.name, 'tslab');
    assert.equal(nb.cells[0]?.cell_type, 'markdown', `${name} must open with a markdown introduction`);
    assert.match(text(nb.cells[0]!.source), /^# \d · /, `${name}: the introduction starts with its title`);
    const withQuick = code.map((c, i) => [i, text(c.source)] as const).filter(([, src]) => src.includes("process.env.PRODIGY_QUICK === '1'"));
    assert.equal(withQuick.length, 1, `${name}: exactly one cell reads PRODIGY_QUICK`);
    assert.ok(withQuick[0]![0] <= 1, `${name}: the parameters cell is among the first two code cells`);
    assert.ok((nb.metadata.prodigy?.charts ?? []).length > 0, `${name} promises no chart`);
  });
}

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
