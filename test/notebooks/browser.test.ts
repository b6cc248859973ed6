/**
 * A real browser on a real Jupyter server: start Jupyter Notebook on localhost with the tslab
 * kernel, open a notebook in headless Chromium, run all cells from the page's menu, wait for a
 * plotly chart to render in an output and for every cell to finish, check that each promised
 * chart was drawn by plotly, take a screenshot of the last chart and check it is not blank.
 *
 * With PRODIGY_SCREENSHOT=path the screenshot is also written there (the README's picture:
 * `PRODIGY_SCREENSHOT=docs/images/telemetry-chart.png node --import tsx --test test/notebooks/browser.test.ts`).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium } from '../../src/plot/render.js';
import { decodePng, inkStats } from '../plot/png.js';
import { jupyterMissing, readNotebook, startNotebookServer } from './jupyter.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NOTEBOOK = '01-telemetry.ipynb';
const chromium = findChromium();
const skip = jupyterMissing() ?? (chromium ? false : 'Chromium is not installed');

test(`${NOTEBOOK} runs in Jupyter Notebook in Chromium and draws a plotly chart`, { skip, timeout: 600_000 }, async () => {
  // a copy of notebooks/ with links to dist/ and node_modules/ (the cells import ../dist/index.js),
  // so that running and autosaving in the browser leaves the repository untouched
  const work = await mkdtemp(join(tmpdir(), 'prodigy-browser-'));
  await cp(join(ROOT, 'notebooks'), join(work, 'notebooks'), { recursive: true });
  await symlink(join(ROOT, 'dist'), join(work, 'dist'));
  await symlink(join(ROOT, 'node_modules'), join(work, 'node_modules'));
  await cp(join(ROOT, 'package.json'), join(work, 'package.json'));
  const token = 'prodigy-test-token';
  const server = await startNotebookServer(work, token);
  const { chromium: launcher } = await import('playwright-core');
  const browser = await launcher.launch({ executablePath: chromium!, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
    await page.goto(`${server.url}/notebooks/notebooks/${NOTEBOOK}?token=${token}`);
    await page.waitForFunction(() => (globalThis as any).Jupyter?.notebook?.kernel?.is_connected?.(), null, { timeout: 60_000 });
    await page.click('#celllink');
    await page.click('#run_all_cells');
    const chart = page.locator('.output_area .js-plotly-plot .main-svg').first();
    await chart.waitFor({ state: 'visible', timeout: 300_000 });
    // every code cell has run (its prompt shows a number, not '*' or nothing)
    await page.waitForFunction(
      () => (globalThis as any).Jupyter.notebook.get_cells().every((c: any) => c.cell_type !== 'code' || typeof c.input_prompt_number === 'number'),
      null,
      { timeout: 300_000, polling: 500 },
    );
    const errors = await page.locator('.output_error').count();
    assert.equal(errors, 0, 'the notebook showed an error in the browser');
    const promised = (await readNotebook(join(ROOT, 'notebooks', NOTEBOOK))).metadata.prodigy?.charts ?? [];
    const plots = page.locator('.output_area .js-plotly-plot');
    assert.equal(await plots.count(), promised.length, `plotly drew ${await plots.count()} charts, the notebook promises ${promised.length}`);
    const last = plots.last();
    await last.scrollIntoViewIfNeeded();
    const shot = await last.screenshot();
    const { inked, colours } = inkStats(decodePng(shot));
    assert.ok(inked > 0.02 && colours > 16, `the chart screenshot looks blank (inked ${inked.toFixed(3)}, ${colours} colours)`);
    const keep = process.env.PRODIGY_SCREENSHOT;
    if (keep) {
      await mkdir(dirname(resolve(ROOT, keep)), { recursive: true });
      await writeFile(resolve(ROOT, keep), shot);
    }
  } finally {
    await browser.close();
    await server.stop();
    await rm(work, { recursive: true, force: true });
  }
});
