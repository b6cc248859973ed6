import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as aq from 'arquero';
import {
  closeRenderer, confusionMatrixChart, errorHistogram, errorStrip, explanationChart, exportFigure, figure6Chart,
  findChromium, lossChart, prChart, rocChart, telemetryChart, type Figure,
} from '../../src/plot/index.js';
import { decodePng, inkStats } from './png.js';

const labels = [0, 0, 0, 0, 1, 1, 1, 1];
const errors = [0.05, 0.07, 0.06, 0.12, 0.2, 0.11, 0.3, 0.25];
const telemetry = aq.table({
  job_id: [1, 1, 1, 1, 1, 1],
  component_id: [10, 10, 10, 11, 11, 11],
  timestamp: [100, 101, 102, 100, 101, 102],
  'MemFree::meminfo': [9e7, 8.9e7, 8.8e7, 9e7, 8.5e7, 8e7],
  'user::procstat': [3000, 3100, 3050, 2900, 3000, 3100],
});

const charts: Record<string, () => Figure> = {
  figure6: () => figure6Chart([
    { nTrainHealthy: 64, repeat: 0, macroF1: 0.95 }, { nTrainHealthy: 64, repeat: 1, macroF1: 0.9 },
    { nTrainHealthy: 4, repeat: 0, macroF1: 0.6 }, { nTrainHealthy: 4, repeat: 1, macroF1: 0.7 },
  ]),
  histogram: () => errorHistogram({ errors, labels, threshold: 0.1 }),
  strip: () => errorStrip({ errors, labels, threshold: 0.1 }),
  roc: () => rocChart(labels, errors),
  pr: () => prChart(labels, errors),
  confusion: () => confusionMatrixChart([[3, 1], [1, 3]]),
  loss: () => lossChart({ loss: [100, 50, 20, 10, 8], valLoss: [110, 60, 25, 12, 11] }),
  explanation: () => explanationChart([{ name: 'MemFree::meminfo', contribution: 0.4 }, { name: 'pgfault::vmstat', contribution: 0.2 }]),
  telemetry: () => telemetryChart(telemetry, { metrics: ['MemFree::meminfo', 'user::procstat'], anomalous: [{ job_id: 1, component_id: 11 }] }),
};

test('Figure 6 groups repeats by training size with mean and spread', () => {
  const fig = figure6Chart([
    { nTrainHealthy: 8, repeat: 0, macroF1: 0.8 }, { nTrainHealthy: 8, repeat: 1, macroF1: 0.6 },
    { nTrainHealthy: 64, repeat: 0, macroF1: 1 },
  ]);
  const bars = fig.data[0] as { x: string[]; y: number[]; error_y: { array: number[] } };
  assert.deepEqual(bars.x, ['8', '64']);
  assert.ok(Math.abs(bars.y[0]! - 0.7) < 1e-12);
  assert.ok(Math.abs(bars.error_y.array[0]! - 0.1) < 1e-12);
  assert.deepEqual((fig.layout.yaxis as { range: number[] }).range, [0.4, 1.01]);
  const low = figure6Chart([{ nTrainHealthy: 4, repeat: 0, macroF1: 0.27 }]);
  assert.deepEqual((low.layout.yaxis as { range: number[] }).range, [0.2, 1.01]);
});

test('telemetry chart refuses a missing metric by name', () => {
  assert.throws(() => telemetryChart(telemetry, { metrics: ['nope::meminfo'] }), /nope::meminfo/);
});

const chromium = findChromium();
test('every chart exports to a non-blank PNG, and to HTML, SVG and PDF', { skip: chromium ? false : 'Chromium is not installed' }, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'prodigy-charts-'));
  after(async () => {
    await closeRenderer();
    await rm(dir, { recursive: true, force: true });
  });
  for (const [name, build] of Object.entries(charts)) {
    const path = join(dir, `${name}.png`);
    await exportFigure(build(), path);
    const { inked, colours } = inkStats(decodePng(await readFile(path)));
    assert.ok(inked > 0.01 && colours > 8, `${name}.png looks blank (inked ${inked.toFixed(3)}, ${colours} colours)`);
  }
  const fig = charts.figure6!();
  await exportFigure(fig, join(dir, 'f.html'));
  await exportFigure(fig, join(dir, 'f.svg'));
  await exportFigure(fig, join(dir, 'f.pdf'));
  const html = await readFile(join(dir, 'f.html'), 'utf8');
  assert.match(html, /window\.Plotly = Plotly/); // plotly inlined: works offline
  assert.match(html, /Plotly\.newPlot/);
  assert.match(await readFile(join(dir, 'f.svg'), 'utf8'), /^<svg[\s\S]*<\/svg>$/);
  assert.equal((await readFile(join(dir, 'f.pdf'))).subarray(0, 5).toString(), '%PDF-');
  // nothing but the finished files (no temporary names left)
  assert.deepEqual((await readdir(dir)).filter((f) => f.startsWith('.')), []);
  await assert.rejects(exportFigure(fig, join(dir, 'f.jpg')), /\.html, \.png, \.svg or \.pdf/);
});
