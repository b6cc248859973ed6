/** The confusion matrix as an annotated heat map (rows true label, columns predicted). */
import { axis, baseLayout, type Figure } from './figure.js';

export function confusionMatrixChart(matrix: readonly (readonly number[])[], options: { title?: string; classNames?: [string, string] } = {}): Figure {
  const names = options.classNames ?? ['healthy (0)', 'anomalous (1)'];
  const total = matrix.flat().reduce((s, v) => s + v, 0);
  return {
    data: [
      {
        type: 'heatmap',
        z: matrix.map((row) => [...row]),
        x: names,
        y: names,
        colorscale: [[0, '#f7fafc'], [1, '#2b6cb0']],
        showscale: false,
        text: matrix.map((row) => row.map((v) => `${v}<br>${total ? ((100 * v) / total).toFixed(1) : '0'}%`)),
        texttemplate: '%{text}',
        textfont: { size: 16 },
        hovertemplate: 'true %{y}<br>predicted %{x}<br>%{z} samples<extra></extra>',
      },
    ],
    layout: baseLayout(options.title ?? 'Confusion matrix', {
      xaxis: axis('Predicted', { side: 'bottom', automargin: true }),
      yaxis: axis('True', { autorange: 'reversed', automargin: true }),
      width: 460, height: 420,
    }),
  };
}
