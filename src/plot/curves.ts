/** ROC and precision-recall curves of reconstruction errors as anomaly scores. */
import { averagePrecision, precisionRecallCurve, rocAuc, rocCurve } from '../evaluate/ranking.js';
import { axis, baseLayout, colors, type Figure } from './figure.js';

/** The ROC curve with its AUC in the legend and the chance diagonal. */
export function rocChart(labels: ArrayLike<number>, scores: ArrayLike<number>, options: { title?: string } = {}): Figure {
  const roc = rocCurve(labels, scores);
  const auc = rocAuc(labels, scores);
  return {
    data: [
      {
        type: 'scatter', mode: 'lines', name: `ROC (AUC ${auc.toFixed(3)})`, x: roc.fpr, y: roc.tpr,
        line: { color: colors.healthy, width: 2.5, shape: 'hv' },
        customdata: roc.thresholds.map((t) => (Number.isFinite(t) ? t.toPrecision(4) : 'none flagged')),
        hovertemplate: 'threshold %{customdata}<br>FPR %{x:.3f}, TPR %{y:.3f}<extra></extra>',
      },
      { type: 'scatter', mode: 'lines', name: 'chance', x: [0, 1], y: [0, 1], line: { color: colors.neutral, dash: 'dot', width: 1 }, hoverinfo: 'skip' },
    ],
    layout: baseLayout(options.title ?? 'ROC curve', {
      xaxis: axis('False-positive rate', { range: [0, 1] }),
      yaxis: axis('True-positive rate', { range: [0, 1.02] }),
      width: 520, height: 460, legend: { x: 0.45, y: 0.08 },
    }),
  };
}

/** The precision-recall curve with its average precision, and the base rate of anomalies. */
export function prChart(labels: ArrayLike<number>, scores: ArrayLike<number>, options: { title?: string } = {}): Figure {
  const pr = precisionRecallCurve(labels, scores);
  const ap = averagePrecision(labels, scores);
  let positives = 0;
  for (let i = 0; i < labels.length; i++) positives += labels[i] === 1 ? 1 : 0;
  const base = positives / labels.length;
  return {
    data: [
      {
        type: 'scatter', mode: 'lines', name: `PR (AP ${ap.toFixed(3)})`, x: pr.recall, y: pr.precision,
        line: { color: colors.anomalous, width: 2.5, shape: 'vh' },
        hovertemplate: 'recall %{x:.3f}, precision %{y:.3f}<extra></extra>',
      },
      { type: 'scatter', mode: 'lines', name: 'share of anomalies', x: [0, 1], y: [base, base], line: { color: colors.neutral, dash: 'dot', width: 1 }, hoverinfo: 'skip' },
    ],
    layout: baseLayout(options.title ?? 'Precision-recall curve', {
      xaxis: axis('Recall', { range: [0, 1.02] }),
      yaxis: axis('Precision', { range: [0, 1.02] }),
      width: 520, height: 460, legend: { x: 0.02, y: 0.08 },
    }),
  };
}
