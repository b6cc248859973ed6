/**
 * Charts and tables in tslab notebooks (JupyterLab and classic Notebook), with no internet
 * access: plotly.js comes from the installed package and is sent to the page once per kernel
 * session, with the first chart. Each chart output carries a static PNG picture too (drawn in
 * headless Chromium when it is installed), inside the HTML (shown until plotly draws) and as
 * an `image/png` entry, so a saved notebook still shows its charts in viewers that run no
 * scripts.
 */
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import type { ColumnTable } from 'arquero';
import type { Figure } from './figure.js';
import { drawScript, plotlySource } from './html.js';
import { figureSize, findChromium, renderFigure } from './render.js';

type MimeBundle = Record<string, string>;
type WriteDisplayData = (content: { data: MimeBundle; metadata: object; transient: { display_id?: string } }, update: boolean) => void;

const require = createRequire(import.meta.url);

/** tslab's channel for display messages, or null outside a running tslab cell. */
function tslabWriter(): WriteDisplayData | null {
  try {
    const jupyter = require('tslab/dist/jupyter.js') as { lastWriteDisplayData: WriteDisplayData | null };
    return jupyter.lastWriteDisplayData ?? null;
  } catch {
    return null;
  }
}

/** True while code runs inside a tslab notebook cell. */
export function inNotebook(): boolean {
  return tslabWriter() !== null;
}

let plotlySent = false;

/** Sends plotly.js to the page again (after the browser page was reloaded). */
export function reloadPlotly(): void {
  plotlySent = false;
}

function plotlyPrelude(): string {
  if (plotlySent) return '';
  plotlySent = true;
  return `<script>${plotlySource()}</script>\n`;
}

export interface ShowOptions {
  /** attach a static PNG picture (default: when Chromium is installed) */
  staticImage?: boolean;
}

/** The HTML of one chart output: a div (holding the static picture if any) and its draw script. */
function chartHtml(figure: Figure, id: string, png: Buffer | null): string {
  const { width, height } = figureSize(figure);
  const picture = png ? `<img alt="chart" style="max-width:100%" width="${width}" src="data:image/png;base64,${png.toString('base64')}">` : '';
  return [
    plotlyPrelude(),
    `<div id="${id}" style="max-width:100%;min-height:${height}px">${picture}</div>`,
    `<script>(function(){var el=document.getElementById(${JSON.stringify(id)});`,
    `if(!el||!window.Plotly){return;}el.innerHTML='';`,
    drawScript(figure, id).replace(/^Plotly\.newPlot\("[^"]*"/, 'Plotly.newPlot(el'),
    `})();</script>`,
  ].join('');
}

function plainText(figure: Figure): string {
  const title = (figure.layout.title as { text?: string } | undefined)?.text ?? 'chart';
  return `[plotly chart: ${title}]`;
}

async function bundle(figure: Figure, options: ShowOptions): Promise<MimeBundle> {
  const wantStatic = options.staticImage ?? findChromium() !== null;
  const png = wantStatic ? await renderFigure(figure, 'png', { scale: 1 }) : null;
  const id = `prodigy-chart-${randomBytes(6).toString('hex')}`;
  const data: MimeBundle = { 'text/html': chartHtml(figure, id, png), 'text/plain': plainText(figure) };
  if (png) data['image/png'] = png.toString('base64');
  return data;
}

/**
 * Shows a chart in the notebook (interactive, with a static picture). Outside a notebook it
 * prints a one-line note instead, so library code can call it unconditionally.
 */
export async function show(figure: Figure, options: ShowOptions = {}): Promise<void> {
  const write = tslabWriter();
  if (!write) {
    process.stdout.write(plainText(figure) + '\n');
    return;
  }
  write({ data: await bundle(figure, options), metadata: {}, transient: {} }, false);
}

/**
 * A display area that is replaced in place: `update` redraws it (cheaply, no static picture),
 * `finish` draws the final state with its static picture. Used for live training progress.
 */
export class LiveDisplay {
  private readonly displayId = randomBytes(8).toString('hex');
  private started = false;

  private send(data: MimeBundle): void {
    const write = tslabWriter();
    if (!write) return;
    write({ data, metadata: {}, transient: { display_id: this.displayId } }, this.started);
    this.started = true;
  }

  /** Replaces the area with HTML text (e.g. a progress line) and optionally a chart below it. */
  update(html: string, figure?: Figure): void {
    const id = `prodigy-live-${this.displayId}`;
    const chart = figure ? chartHtml(figure, id, null) : '';
    this.send({ 'text/html': `<div>${html}</div>${chart}`, 'text/plain': html.replace(/<[^>]+>/g, '') });
  }

  /** The final state, with a static picture of the chart when Chromium is installed. */
  async finish(html: string, figure?: Figure, options: ShowOptions = {}): Promise<void> {
    if (!figure) return this.update(html);
    const chart = await bundle(figure, options);
    this.send({ ...chart, 'text/html': `<div>${html}</div>${chart['text/html']}` });
  }
}

/** Shows a table (its first `limit` rows) as an HTML table in the notebook, or prints it. */
export function showTable(table: ColumnTable, options: { limit?: number; digits?: number } = {}): void {
  const limit = options.limit ?? 10;
  const digits = options.digits ?? 4;
  const format = (v: unknown) => (typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(digits)) : v);
  const formatColumns = Object.fromEntries(table.columnNames().map((name) => [name, format]));
  const more = table.numRows() > limit ? `<div style="color:#718096">${limit} of ${table.numRows()} rows, ${table.numCols()} columns</div>` : '';
  const write = tslabWriter();
  if (!write) {
    process.stdout.write(table.toMarkdown({ limit, format: formatColumns }) + '\n');
    return;
  }
  write({ data: { 'text/html': table.toHTML({ limit, format: formatColumns }) + more, 'text/plain': table.toMarkdown({ limit }) }, metadata: {}, transient: {} }, false);
}
