/**
 * Number-to-text benchmark: nanoseconds per double of RowTextFormatter (the kernel
 * kernels/shortest-decimal.ts) on data shaped like `prodigy features --settings efficient`'s
 * output: 1.25 M values (16 rows of 78,125), 10% integers, the rest doubles derived from seeded
 * random walks (means, ratios, variances) of magnitude 1e-3..1e4, most of which need 16-17
 * significant digits. With `--csv FILE`, the numbers of a features CSV instead (its first
 * column and header skipped). Reports the median and the fastest of `--repeat` runs; the
 * output bytes are checked against String() once.
 *
 * Measured on 2 shared cores (alternated runs, fastest of each): the Ryu kernel it replaced,
 * 55 ns per number on the efficient CSV's values and 63 on the synthetic ones; this one 29-30
 * on both (V8's String() from JavaScript: ~150).
 *
 *   node --import tsx bench/number-text.ts [--repeat 9] [--seed 1] [--csv out.csv]
 */
import { readFileSync } from 'node:fs';
import { Args } from '../src/util/args.js';
import { Random } from '../src/util/random.js';
import { RowTextFormatter } from '../src/features/number-text.js';

const ROWS = 16;
const WIDTH = 78_125;

const args = new Args(process.argv.slice(2));
const repeat = Math.max(1, args.int('repeat', 9));
const seed = args.int('seed', 1);
const csv = args.string('csv', '');
args.rejectUnknown();

/** Feature-like values: integers (counts, lengths) and random-walk statistics. */
function syntheticValues(): Float64Array {
  const rng = new Random(seed);
  const values = new Float64Array(ROWS * WIDTH);
  let walk = 0;
  for (let i = 0; i < values.length; i++) {
    walk += rng.normal();
    if (i % 10 === 0) values[i] = Math.floor(rng.uniform() * 600);
    else {
      const scale = 10 ** (rng.uniform() * 7 - 3);
      const kind = i % 3;
      values[i] = kind === 0 ? (walk / 600) * scale : kind === 1 ? scale * (1 + rng.normal() / 7) : (walk * walk) / (1 + Math.abs(walk)) / scale;
    }
  }
  return values;
}

function csvValues(path: string): { values: Float64Array; width: number } {
  const lines = readFileSync(path, 'latin1').split('\n').slice(1).filter((l) => l.length > 0);
  const rows = lines.map((l) => l.split(',').slice(1).map((t) => (t === '' ? NaN : Number(t))));
  const width = rows[0]!.length;
  return { values: Float64Array.from(rows.flat()), width };
}

const { values, width } = csv ? csvValues(csv) : { values: syntheticValues(), width: WIDTH };
const rows = values.length / width;
const formatter = new RowTextFormatter();
const bytes = new Uint8Array(width * 25 + 8);

function runOnce(): { ns: number; text: string[] } {
  const text: string[] = [];
  const start = process.hrtime.bigint();
  for (let r = 0; r < rows; r++) {
    const end = formatter.write(values, r * width, width, bytes, 0);
    if (r === 0) text.push(Buffer.from(bytes.subarray(0, end)).toString('latin1'));
  }
  const ns = Number(process.hrtime.bigint() - start) / values.length;
  return { ns, text };
}

const first = runOnce();
const want = Array.from(values.subarray(0, width), (x) => (Number.isNaN(x) ? '' : String(x))).join(',');
if (first.text[0] !== want) throw new Error('bench: the formatter output differs from String()');
const times: number[] = [];
for (let i = 0; i < repeat; i++) times.push(runOnce().ns);
times.sort((a, b) => a - b);
const digits = (x: number): number => (Number.isInteger(x) ? 0 : String(x).replace(/e.*$/, '').replace(/[-.]/g, '').replace(/^0+/, '').length);
let long = 0;
let integers = 0;
for (let i = 0; i < values.length; i += 7) {
  const d = digits(values[i]!);
  if (d === 0) integers++;
  else if (d >= 16) long++;
}
const sampled = Math.ceil(values.length / 7);
console.log(
  `${values.length} values (${((100 * long) / sampled).toFixed(0)}% with 16-17 digits, ${((100 * integers) / sampled).toFixed(0)}% integers): ` +
    `median ${times[times.length >> 1]!.toFixed(1)} ns/number, fastest ${times[0]!.toFixed(1)} (${repeat} runs)`,
);
