/**
 * Saves a chart to a file, the format taken from the extension: `.html` (self-contained, works
 * offline), `.png`, `.svg` or `.pdf` (drawn in headless Chromium). Writes are atomic.
 */
import { extname } from 'node:path';
import { writeFileAtomic } from '../util/atomic.js';
import type { Figure } from './figure.js';
import { standaloneHtml } from './html.js';
import { renderFigure, type ImageFormat } from './render.js';

export async function exportFigure(figure: Figure, path: string, options: { scale?: number; title?: string } = {}): Promise<void> {
  const ext = extname(path).toLowerCase().slice(1);
  if (ext === 'html' || ext === 'htm') {
    const title = options.title ?? (figure.layout.title as { text?: string } | undefined)?.text ?? 'Prodigy chart';
    await writeFileAtomic(path, standaloneHtml(figure, title));
    return;
  }
  if (ext !== 'png' && ext !== 'svg' && ext !== 'pdf') {
    throw new Error(`cannot export a chart to "${path}": use .html, .png, .svg or .pdf`);
  }
  const bytes = await renderFigure(figure, ext as ImageFormat, options);
  await writeFileAtomic(path, bytes);
}
