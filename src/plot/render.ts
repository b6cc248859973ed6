/**
 * Static pictures of charts (PNG, SVG, PDF), drawn by plotly.js in headless Chromium (Debian's
 * `/usr/bin/chromium`, driven by playwright-core). One browser page with plotly loaded serves
 * every render of a process; it starts on first use and closes with `closeRenderer()` (or
 * when the process exits).
 */
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { Figure } from './figure.js';
import { plotlySource } from './html.js';

export type ImageFormat = 'png' | 'svg' | 'pdf';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

/** The Chromium binary to use: $PRODIGY_CHROMIUM, else the first of the usual Debian paths, else null. */
export function findChromium(): string | null {
  const fromEnv = process.env.PRODIGY_CHROMIUM;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return CANDIDATES.find((path) => existsSync(path)) ?? null;
}

let session: Promise<{ browser: Browser; page: Page }> | null = null;

async function start(): Promise<{ browser: Browser; page: Page }> {
  const executablePath = findChromium();
  if (!executablePath) {
    throw new Error('static chart export needs Chromium: install it with `apt-get install -y chromium` (or set PRODIGY_CHROMIUM to a Chrome/Chromium binary)');
  }
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, args: ARGS, headless: true });
  const page = await browser.newPage();
  await page.setContent('<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="margin:0;background:#fff"><div id="chart"></div></body></html>');
  await page.addScriptTag({ content: plotlySource() });
  return { browser, page };
}

function getSession(): Promise<{ browser: Browser; page: Page }> {
  session ??= start().catch((err) => {
    session = null;
    throw err;
  });
  return session;
}

/** The figure's size in CSS pixels (its layout's width/height, else 760 x 420). */
export function figureSize(figure: Figure): { width: number; height: number } {
  const width = typeof figure.layout.width === 'number' ? figure.layout.width : 760;
  const height = typeof figure.layout.height === 'number' ? figure.layout.height : 420;
  return { width, height };
}

/** Renders the figure to PNG (at `scale`, default 2), SVG or PDF bytes. */
export async function renderFigure(figure: Figure, format: ImageFormat, options: { scale?: number } = {}): Promise<Buffer> {
  const { page } = await getSession();
  const { width, height } = figureSize(figure);
  const scale = options.scale ?? 2;
  // chart drawing is serialised: one page, one chart at a time
  const run = async (): Promise<Buffer> => {
    await page.setViewportSize({ width, height });
    const dataUrl = await page.evaluate(
      async ({ fig, format, width, height, scale }) => {
        const Plotly = (globalThis as any).Plotly;
        const gd = (globalThis as any).document.getElementById('chart');
        Plotly.purge(gd);
        await Plotly.newPlot(gd, fig.data, { ...fig.layout, width, height }, { staticPlot: true });
        if (format === 'pdf') return '';
        return Plotly.toImage(gd, { format, width, height, scale });
      },
      { fig: figure, format, width, height, scale },
    );
    if (format === 'pdf') {
      return page.pdf({ width: `${width}px`, height: `${height}px`, printBackground: true, pageRanges: '1' });
    }
    const comma = dataUrl.indexOf(',');
    const header = dataUrl.slice(0, comma);
    const body = dataUrl.slice(comma + 1);
    return header.endsWith(';base64') ? Buffer.from(body, 'base64') : Buffer.from(decodeURIComponent(body), 'utf8');
  };
  const result = queue.then(run, run);
  queue = result.then(() => undefined, () => undefined);
  return result;
}

let queue: Promise<unknown> = Promise.resolve();

/** Closes the shared browser (call at the end of a command; notebooks may leave it open). */
export async function closeRenderer(): Promise<void> {
  const current = session;
  session = null;
  if (current) await (await current).browser.close().catch(() => undefined);
}
