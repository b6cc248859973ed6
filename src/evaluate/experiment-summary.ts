/**
 * The Figure 6 numbers per configuration: mean and spread of macro F1 over repeats (the
 * figure's bars and error bars), with the AUCs, as a table for the terminal or a notebook.
 */
import type { CellResult } from './experiment-cell.js';

/** One configuration's results over its repeats. */
export interface ConfigSummary {
  readonly config: number;
  readonly testShare: number;
  readonly nTrainHealthy: number;
  readonly repeats: number;
  /** Mean, population standard deviation (as the figure's error bars), min and max of macro F1. */
  readonly macroF1Mean: number;
  readonly macroF1Std: number;
  readonly macroF1Min: number;
  readonly macroF1Max: number;
  readonly accuracyMean: number;
  readonly rocAucMean: number;
  readonly prAucMean: number;
  /** Mean epochs run (below the setting with early stopping). */
  readonly epochsMean: number;
  /** Mean wall time of a cell, seconds. */
  readonly secondsMean: number;
}

const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;

/** Population standard deviation: sqrt(mean((x - mean)^2)). */
export function populationStd(xs: readonly number[]): number {
  const m = mean(xs);
  return Math.sqrt(mean(xs.map((x) => (x - m) ** 2)));
}

/** Groups cells by config (ascending) and summarises each group. */
export function summarizeByConfig(cells: readonly CellResult[]): ConfigSummary[] {
  const groups = new Map<number, CellResult[]>();
  for (const cell of cells) groups.set(cell.config, [...(groups.get(cell.config) ?? []), cell]);
  return [...groups.keys()]
    .sort((a, b) => a - b)
    .map((config) => {
      const group = groups.get(config)!;
      const f1 = group.map((c) => c.macroF1);
      return {
        config,
        testShare: group[0]!.testShare,
        nTrainHealthy: group[0]!.nTrainHealthy,
        repeats: group.length,
        macroF1Mean: mean(f1),
        macroF1Std: populationStd(f1),
        macroF1Min: Math.min(...f1),
        macroF1Max: Math.max(...f1),
        accuracyMean: mean(group.map((c) => c.accuracy)),
        rocAucMean: mean(group.map((c) => c.rocAuc)),
        prAucMean: mean(group.map((c) => c.prAuc)),
        epochsMean: mean(group.map((c) => c.epochsRun)),
        secondsMean: mean(group.map((c) => c.seconds)),
      };
    });
}

/**
 * A fixed-width text table, one line per config:
 * `config  test share  train healthy  repeats  macro F1 (mean ± std)  min-max  ROC-AUC  PR-AUC  epochs`.
 */
export function formatSummaryTable(rows: readonly ConfigSummary[]): string {
  const header = ['config', 'test share', 'train healthy', 'repeats', 'macro F1 mean ± std', 'min - max', 'ROC-AUC', 'PR-AUC', 'epochs'];
  const body = rows.map((r) => [
    String(r.config),
    r.testShare.toFixed(2),
    String(r.nTrainHealthy),
    String(r.repeats),
    `${r.macroF1Mean.toFixed(3)} ± ${r.macroF1Std.toFixed(3)}`,
    `${r.macroF1Min.toFixed(3)} - ${r.macroF1Max.toFixed(3)}`,
    r.rocAucMean.toFixed(3),
    r.prAucMean.toFixed(3),
    r.epochsMean.toFixed(0),
  ]);
  const widths = header.map((h, j) => Math.max(h.length, ...body.map((row) => row[j]!.length)));
  const line = (cells: readonly string[]) => cells.map((c, j) => (j === 0 ? c.padEnd(widths[j]!) : c.padStart(widths[j]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}
