/**
 * MinMaxScaler exactly as scikit-learn computes it, for feature_range (lo, hi) and clip:
 *
 *   fit:        data_min_j, data_max_j over the training rows; range_j = max_j - min_j, with a
 *               range below 10 * machine epsilon (a constant column) replaced by 1;
 *               scale_j = (hi - lo) / range_j;  min_j = lo - data_min_j * scale_j
 *   transform:  x' = x * scale_j + min_j, then clipped to [lo, hi] when `clip`
 *
 * so a constant training column maps to lo (its training value) and test values beyond the
 * training range are clipped. Fit on training features only. NaN passes through transform
 * as in scikit-learn; fitting on non-finite values is refused.
 */
import { toMatrix, type MatrixInput, type NumericMatrix } from './matrix.js';

/** The JSON form written to `scaler.json`. */
export interface MinMaxScalerJson {
  readonly type: 'MinMaxScaler';
  readonly featureRange: readonly [number, number];
  readonly clip: boolean;
  readonly dataMin: number[];
  readonly dataMax: number[];
  readonly scale: number[];
  readonly min: number[];
  /** Column names seen at fit, when given (scikit-learn's feature_names_in_). */
  readonly featureNames: string[] | null;
}

/** Options of a MinMaxScaler. */
export interface MinMaxScalerOptions {
  /** Target range (lo, hi), lo < hi; default (0, 1). */
  readonly featureRange?: readonly [number, number];
  /** Clip transformed values to the range; default true (Prodigy's setting). */
  readonly clip?: boolean;
}

const CONSTANT_RANGE = 10 * Number.EPSILON;

/** Per-column min-max scaling; learned state is set by `fit` (or `fromJSON`). */
export class MinMaxScaler {
  readonly featureRange: readonly [number, number];
  readonly clip: boolean;
  private state: { dataMin: Float64Array; dataMax: Float64Array; scale: Float64Array; min: Float64Array; featureNames: string[] | null } | null = null;

  constructor(options: MinMaxScalerOptions = {}) {
    this.featureRange = options.featureRange ?? [0, 1];
    this.clip = options.clip ?? true;
    const [lo, hi] = this.featureRange;
    if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo < hi)) {
      throw new Error(`MinMaxScaler: featureRange must be finite with min < max, got (${lo}, ${hi})`);
    }
  }

  /** Learns per-column minima and maxima from `data` (rows = training samples). Returns this. */
  fit(data: MatrixInput, featureNames?: readonly string[]): this {
    const m = toMatrix(data, 'scaler input');
    if (m.rows === 0) throw new Error('MinMaxScaler.fit: no rows');
    if (featureNames && featureNames.length !== m.cols) {
      throw new Error(`MinMaxScaler.fit: ${featureNames.length} feature names for ${m.cols} columns`);
    }
    const dataMin = new Float64Array(m.cols).fill(Infinity);
    const dataMax = new Float64Array(m.cols).fill(-Infinity);
    for (let r = 0; r < m.rows; r++) {
      for (let c = 0; c < m.cols; c++) {
        const v = m.values[r * m.cols + c]!;
        if (!Number.isFinite(v)) {
          throw new Error(`MinMaxScaler.fit: column ${featureNames?.[c] ?? c}, row ${r} is ${v} (must be finite)`);
        }
        if (v < dataMin[c]!) dataMin[c] = v;
        if (v > dataMax[c]!) dataMax[c] = v;
      }
    }
    const [lo, hi] = this.featureRange;
    const scale = new Float64Array(m.cols);
    const min = new Float64Array(m.cols);
    for (let c = 0; c < m.cols; c++) {
      const range = dataMax[c]! - dataMin[c]!;
      scale[c] = (hi - lo) / (range < CONSTANT_RANGE ? 1 : range);
      min[c] = lo - dataMin[c]! * scale[c]!;
    }
    this.state = { dataMin, dataMax, scale, min, featureNames: featureNames ? [...featureNames] : null };
    return this;
  }

  /** Whether `fit` (or `fromJSON`) has set the learned state. */
  get fitted(): boolean {
    return this.state !== null;
  }

  /** Number of columns seen at fit. */
  get columns(): number {
    return this.learned().scale.length;
  }

  /** Column names seen at fit, or null. */
  get featureNames(): readonly string[] | null {
    return this.learned().featureNames;
  }

  /** Scales `data` column by column; returns a new Float64 matrix. */
  transform(data: MatrixInput): NumericMatrix {
    const { scale, min } = this.learned();
    const m = toMatrix(data, 'scaler input');
    if (m.cols !== scale.length) {
      throw new Error(`MinMaxScaler.transform: input has ${m.cols} columns, the scaler was fitted on ${scale.length}`);
    }
    const [lo, hi] = this.featureRange;
    const out = new Float64Array(m.values.length);
    for (let r = 0; r < m.rows; r++) {
      for (let c = 0; c < m.cols; c++) {
        const i = r * m.cols + c;
        let v = m.values[i]! * scale[c]! + min[c]!;
        if (this.clip) v = v < lo ? lo : v > hi ? hi : v; // NaN stays NaN
        out[i] = v;
      }
    }
    return { rows: m.rows, cols: m.cols, values: out };
  }

  /** `fit(data)` then `transform(data)`. */
  fitTransform(data: MatrixInput, featureNames?: readonly string[]): NumericMatrix {
    return this.fit(data, featureNames).transform(data);
  }

  /** The learned state as JSON (numbers round-trip exactly). */
  toJSON(): MinMaxScalerJson {
    const s = this.learned();
    return {
      type: 'MinMaxScaler',
      featureRange: [this.featureRange[0], this.featureRange[1]],
      clip: this.clip,
      dataMin: Array.from(s.dataMin),
      dataMax: Array.from(s.dataMax),
      scale: Array.from(s.scale),
      min: Array.from(s.min),
      featureNames: s.featureNames,
    };
  }

  /** A fitted scaler from `toJSON` output; `source` names the file in errors. */
  static fromJSON(json: unknown, source = 'scaler JSON'): MinMaxScaler {
    const j = json as Partial<MinMaxScalerJson> | null;
    if (!j || j.type !== 'MinMaxScaler') throw new Error(`${source}: not a MinMaxScaler (type is ${JSON.stringify(j?.type)})`);
    const range = j.featureRange;
    if (!Array.isArray(range) || range.length !== 2) throw new Error(`${source}: featureRange must be [min, max]`);
    const scaler = new MinMaxScaler({ featureRange: [range[0], range[1]], clip: j.clip ?? true });
    const arrays = (['dataMin', 'dataMax', 'scale', 'min'] as const).map((key) => {
      const a = j[key];
      if (!Array.isArray(a) || !a.every((v) => typeof v === 'number' && Number.isFinite(v))) {
        throw new Error(`${source}: "${key}" must be an array of finite numbers`);
      }
      return Float64Array.from(a);
    });
    const n = arrays[0]!.length;
    if (!arrays.every((a) => a.length === n)) throw new Error(`${source}: dataMin, dataMax, scale and min differ in length`);
    const names = j.featureNames ?? null;
    if (names !== null && (!Array.isArray(names) || names.length !== n)) {
      throw new Error(`${source}: featureNames must be null or ${n} names`);
    }
    scaler.state = { dataMin: arrays[0]!, dataMax: arrays[1]!, scale: arrays[2]!, min: arrays[3]!, featureNames: names };
    return scaler;
  }

  private learned(): NonNullable<MinMaxScaler['state']> {
    if (!this.state) throw new Error('MinMaxScaler: not fitted yet (call fit first)');
    return this.state;
  }
}
