/** Training and validation loss by epoch (log scale when it spans decades). */
import { axis, baseLayout, colors, type Figure } from './figure.js';

export interface LossHistory {
  loss: readonly number[];
  valLoss?: readonly number[];
}

export function lossChart(history: LossHistory, options: { title?: string; logY?: boolean } = {}): Figure {
  const epochs = history.loss.map((_, i) => i + 1);
  const all = [...history.loss, ...(history.valLoss ?? [])].filter((v) => v > 0);
  const logY = options.logY ?? (all.length > 1 && Math.max(...all) / Math.min(...all) > 20);
  const data: Figure['data'] = [
    { type: 'scatter', mode: 'lines', name: 'training loss', x: epochs, y: [...history.loss], line: { color: colors.healthy, width: 2 } },
  ];
  if (history.valLoss?.length) {
    data.push({ type: 'scatter', mode: 'lines', name: 'validation loss', x: epochs, y: [...history.valLoss], line: { color: colors.accent, width: 2 } });
  }
  return {
    data,
    layout: baseLayout(options.title ?? 'VAE training loss', {
      xaxis: axis('Epoch'),
      yaxis: axis('Loss (reconstruction + KL)', logY ? { type: 'log' } : {}),
      legend: { x: 0.7, y: 0.95 },
    }),
  };
}
