/**
 * Charts as HTML: the plotly.js bundle shipped in the `plotly.js-dist-min` package (no network
 * needed), a fragment that draws one figure into a div, and a self-contained page.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Figure } from './figure.js';

let cachedSource: string | undefined;

/** The plotly.js bundle's source text, read once from the installed package. */
export function plotlySource(): string {
  if (cachedSource === undefined) {
    const path = createRequire(import.meta.url).resolve('plotly.js-dist-min/plotly.min.js');
    cachedSource = readFileSync(path, 'utf8');
  }
  return cachedSource;
}

/** JSON safe to embed inside a <script> element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** The figure's plotly config: responsive, no plotly logo, PNG download at 2x. */
export function figureConfig(figure: Figure): Record<string, unknown> {
  return { displaylogo: false, responsive: true, toImageButtonOptions: { scale: 2 }, ...figure.config };
}

/** A script body that draws `figure` into the element with id `divId` (Plotly must be loaded). */
export function drawScript(figure: Figure, divId: string): string {
  return `Plotly.newPlot(${scriptJson(divId)}, ${scriptJson(figure.data)}, ${scriptJson(figure.layout)}, ${scriptJson(figureConfig(figure))});`;
}

/** A complete HTML document that shows the figure with no network access (plotly inlined). */
export function standaloneHtml(figure: Figure, title = 'Prodigy chart'): string {
  const escapedTitle = title.replace(/[<>&]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[c]!);
  return [
    '<!DOCTYPE html>',
    '<html><head><meta charset="utf-8">',
    `<title>${escapedTitle}</title>`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<script>${plotlySource()}</script>`,
    '</head><body style="margin:0;background:#fff">',
    '<div id="chart"></div>',
    `<script>${drawScript(figure, 'chart')}</script>`,
    '</body></html>',
    '',
  ].join('\n');
}
