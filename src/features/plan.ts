/**
 * The compiled extraction plan: for each kind (metric column), the calculators to run, their
 * parameter sets, where their values go in a feature row, and every output column name, all
 * worked out once per extraction rather than once per series.
 */
import { SeriesContext, type Calculator } from './calculator.js';
import { calculators } from './calculators/index.js';
import { extraCalculators } from './extra/index.js';
import { featureNameTail } from './feature-names.js';
import { groupColumnNames, type ColumnGroup } from './column-groups.js';
import type { ParamSet } from './params.js';
import type { FcParameters } from './settings.js';
import type { KindToFcParameters } from './kind-to-fc-parameters.js';

/** One calculator call: writes `width` values at `offset` (relative to its kind's block). */
export interface PlanStep {
  readonly calculator: Calculator;
  readonly params: readonly ParamSet[] | null;
  readonly offset: number;
  readonly width: number;
}

/** The steps for one kind; its values occupy `[offset, offset + width)` of a feature row. */
export interface KindPlan {
  readonly kind: string;
  readonly steps: readonly PlanStep[];
  readonly offset: number;
  readonly width: number;
  /** Its column names without the kind (`kind + tails[i]`); one array shared by the kinds of a calculator block. */
  readonly tails: readonly string[];
}

export interface ExtractionPlan {
  readonly kinds: readonly KindPlan[];
  /** Every output column name, in row order (built on first use: a worker never needs them). */
  readonly columns: readonly string[];
  /** Values per feature row (= columns.length). */
  readonly width: number;
  /** Calculators left out because no implementation is registered (only with `missing: 'skip'`). */
  readonly skipped: readonly string[];
}

export interface CompileOptions {
  /** Finds a calculator by tsfresh name; defaults to the registry plus the extra calculators. */
  resolve?: (name: string) => Calculator | undefined;
  /** What to do with a calculator that has no implementation: throw (default) or leave it out. */
  missing?: 'error' | 'skip';
}

/** The registered calculator named `name` (the four families first, then features/extra). */
export function resolveCalculator(name: string): Calculator | undefined {
  return calculators.get(name) ?? extraCalculators.get(name);
}

/** Compiles `settings` into a plan; throws naming the first calculator that has no implementation. */
export function compilePlan(settings: KindToFcParameters, options: CompileOptions = {}): ExtractionPlan {
  const resolve = options.resolve ?? resolveCalculator;
  const skipped = new Set<string>();
  const compiled = new Map<FcParameters, { steps: PlanStep[]; tails: string[] }>();
  const kinds: KindPlan[] = [];
  let offset = 0;
  for (const [kind, fc] of settings.entries()) {
    let block = compiled.get(fc);
    if (!block) {
      block = compileBlock(fc, resolve, options.missing ?? 'error', skipped);
      compiled.set(fc, block);
    }
    kinds.push({ kind, steps: block.steps, offset, width: block.tails.length, tails: block.tails });
    offset += block.tails.length;
  }
  let columns: string[] | undefined;
  return {
    kinds,
    get columns() {
      return (columns ??= groupColumnNames(planColumnGroups(kinds)));
    },
    width: offset,
    skipped: [...skipped],
  };
}

/** The plan's columns as column groups (column-groups.ts), each kind's whole block. */
export function planColumnGroups(kinds: readonly KindPlan[]): ColumnGroup[] {
  return kinds.map((k) => ({ kind: k.kind, tails: k.tails, runs: [0, k.width] }));
}

function compileBlock(
  fc: FcParameters,
  resolve: (name: string) => Calculator | undefined,
  missing: 'error' | 'skip',
  skipped: Set<string>,
): { steps: PlanStep[]; tails: string[] } {
  const steps: PlanStep[] = [];
  // each column's name without its kind (feature-names.ts)
  const tails: string[] = [];
  for (const [name, params] of Object.entries(fc)) {
    if (params !== null && params.length === 0) continue; // tsfresh: an empty list asks for nothing
    const calculator = resolve(name);
    if (!calculator) {
      if (missing === 'skip') {
        skipped.add(name);
        continue;
      }
      throw new Error(`feature calculator "${name}" is not implemented`);
    }
    const outputs = calculator.outputs(params);
    steps.push({ calculator, params, offset: tails.length, width: outputs.length });
    for (const suffix of outputs) tails.push(featureNameTail(name, suffix));
  }
  return { steps, tails };
}

/**
 * Runs `kindPlan` on one series and writes its `kindPlan.width` values into `out` starting at
 * `rowOffset + kindPlan.offset`; with `steps` (a subset of `kindPlan.steps`, see
 * work-groups.ts), only those calculators and only their values. A calculator that throws is
 * reported with its name and `where` (a function is only called then, so that naming the series
 * costs nothing on success).
 */
export function computeKind(
  kindPlan: KindPlan,
  x: Float64Array,
  timestamps: Float64Array | null,
  out: Float64Array,
  rowOffset: number,
  where: string | (() => string) = '',
  steps: readonly PlanStep[] = kindPlan.steps,
): void {
  const base = rowOffset + kindPlan.offset;
  // indexed loops: an array iterator is an allocation until V8 has optimised this function
  if (steps === kindPlan.steps) out.fill(Number.NaN, base, base + kindPlan.width);
  else for (let i = 0; i < steps.length; i++) out.fill(Number.NaN, base + steps[i]!.offset, base + steps[i]!.offset + steps[i]!.width);
  const ctx = new SeriesContext(x, timestamps);
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    try {
      step.calculator.compute(ctx, step.params, out, base + step.offset);
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err);
      const place = typeof where === 'function' ? where() : where;
      throw new Error(`feature calculator ${step.calculator.name} failed${place ? ` on ${place}` : ''}: ${detail}`);
    }
  }
}
