/** Charts: plotly figure builders, notebook display, and static export. */
export * from './figure.js';
export * from './figure6.js';
export * from './errors.js';
export * from './curves.js';
export * from './confusion.js';
export * from './loss.js';
export * from './explanation.js';
export * from './training-view.js';
export * from './telemetry.js';
export { plotlySource, standaloneHtml } from './html.js';
export { renderFigure, closeRenderer, findChromium, type ImageFormat } from './render.js';
export { exportFigure } from './export.js';
export { show, showTable, LiveDisplay, inNotebook, reloadPlotly, type ShowOptions } from './display.js';
