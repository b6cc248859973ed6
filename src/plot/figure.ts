/**
 * A chart is a plain plotly figure (`{ data, layout }`, plotly.js's own JSON schema): every
 * builder in plot/ returns one, so a reader can inspect it, tweak it (`fig.layout.title`),
 * display it in a notebook or export it to a file.
 */

export type PlotlyTrace = Record<string, unknown>;
export type PlotlyLayout = Record<string, unknown>;

export interface Figure {
  data: PlotlyTrace[];
  layout: PlotlyLayout;
  config?: Record<string, unknown>;
}

/** Colours used across charts: healthy samples blue, anomalous red, the threshold dark. */
export const colors = {
  healthy: '#2b6cb0',
  anomalous: '#c53030',
  threshold: '#1a202c',
  neutral: '#718096',
  accent: '#dd6b20',
} as const;

/** A qualitative palette for several series (apps, metrics, nodes). */
export const palette = ['#2b6cb0', '#c53030', '#2f855a', '#d69e2e', '#6b46c1', '#dd6b20', '#319795', '#b83280', '#4a5568', '#9c4221'];

/** The common layout of every chart: a title, white background, compact margins. */
export function baseLayout(title: string, extra: PlotlyLayout = {}): PlotlyLayout {
  return {
    title: { text: title, x: 0.02, xanchor: 'left' },
    template: undefined,
    paper_bgcolor: '#ffffff',
    plot_bgcolor: '#ffffff',
    font: { family: 'Helvetica, Arial, sans-serif', size: 13, color: '#1a202c' },
    margin: { l: 64, r: 24, t: 56, b: 56 },
    width: 760,
    height: 420,
    ...extra,
  };
}

/** An axis with light grid lines and a title. */
export function axis(title: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { title: { text: title }, gridcolor: '#e2e8f0', zerolinecolor: '#cbd5e0', ...extra };
}
