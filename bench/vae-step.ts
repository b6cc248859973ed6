/**
 * Benchmark of one VAE training step at the paper's largest shape, and what full trainings cost.
 *
 *   node --import tsx bench/vae-step.ts [--input 2000] [--repeats 5] [--quick]
 *
 * Prints the backend; ms/step and GFLOP/s of this library's trainer (`VaeEngine`: generated wasm
 * SIMD kernels), of its tfjs-ops path (`vae-step.ts` + SIMD Adam, used under tfjs-node) and of a
 * plain tfjs layers model trained with model.fit at the same shape; the
 * throughput of two trainings in two worker threads; and the cost of a 1000-epoch training on
 * the paper's largest training set (64 samples at input 2000) and at the Minimal setting
 * (~1,600 features). FLOPs per step = 3 x 2 B (d h + h 2l + l h + h d) (forward; backward
 * counted as twice the forward). Every timing is the minimum over repeats (the machine may be
 * shared).
 */
import * as tf from '@tensorflow/tfjs';
import { loadavg } from 'node:os';
import { useBestBackend } from '../src/model/backend.js';
import { Adam } from '../src/model/adam.js';
import { batchTensors, noiseTensor } from '../src/model/batches.js';
import { ProdigySampling } from '../src/model/layers-model.js';
import { trainInWorker } from '../src/model/train-worker.js';
import { Vae } from '../src/model/vae.js';
import { VaeEngine } from '../src/model/vae-engine.js';
import { lossAndGradients } from '../src/model/vae-step.js';
import { Random } from '../src/util/random.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const quick = args.includes('--quick');
const d = option('input', 2000);
const repeats = option('repeats', quick ? 2 : 5);
const h = Math.floor(d / 2);
const l = Math.floor(d / 3);
const B = 32;
const flopsPerStep = 3 * 2 * B * (d * h + h * 2 * l + l * h + h * d);

function randomRows(rows: number, cols: number, seed: number) {
  const rng = new Random(seed);
  const values = new Float32Array(rows * cols);
  for (let i = 0; i < values.length; i++) values[i] = rng.uniform();
  return { rows, cols, values };
}

const min = (xs: number[]) => Math.min(...xs);
const fmt = (ms: number) => `${ms.toFixed(1)} ms/step, ${(flopsPerStep / ms / 1e6).toFixed(1)} GFLOP/s`;

/** ms per step of the engine: `steps` steps after a warm-up, min over repeats. */
function engineStep(steps: number): number {
  const vae = Vae.create(d, { seed: 1 });
  const engine = new VaeEngine(vae.weights.dims, B, vae.weights.toArrays(), vae.config);
  vae.dispose();
  const data = randomRows(B, d, 2);
  const order = Array.from({ length: B }, (_, i) => i);
  const rng = new Random(3);
  for (let s = 0; s < 3; s++) engine.trainStep(data, order, 0, B, rng); // compile and tier up
  const times: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    for (let s = 0; s < steps; s++) engine.trainStep(data, order, 0, B, rng);
    times.push((performance.now() - t0) / steps);
  }
  return min(times);
}

/** ms per step of the tfjs-ops trainer (vae-step.ts + Adam): `steps` steps after a warm-up, min over repeats. */
function tfjsOpsStep(steps: number): number {
  const vae = Vae.create(d, { seed: 1 });
  const adam = new Adam(vae.weights.variables.map((v) => v.size), vae.config);
  const data = randomRows(B, d, 2);
  const order = Array.from({ length: B }, (_, i) => i);
  const rng = new Random(3);
  const step = () => {
    const { x, xT } = batchTensors(data, order, 0, B);
    const epsT = noiseTensor(rng, l, B);
    const { loss, gradients } = lossAndGradients(vae.weights, x, xT, epsT);
    loss.dataSync();
    adam.apply(vae.weights.variables as tf.Variable[], gradients);
    tf.dispose([x, xT, epsT, loss, ...gradients]);
  };
  step();
  const times: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    for (let s = 0; s < steps; s++) step();
    times.push((performance.now() - t0) / steps);
  }
  adam.dispose();
  vae.dispose();
  return min(times);
}

/** ms per step of a plain tfjs layers model (Keras-style VAE, loss as a custom function) via model.fit. */
async function layersFitStep(steps: number): Promise<number> {
  const x = tf.input({ shape: [d] });
  const eps = tf.input({ shape: [l] });
  const hidden = tf.layers.dense({ units: h, activation: 'relu' }).apply(x) as tf.SymbolicTensor;
  const mean = tf.layers.dense({ units: l }).apply(hidden) as tf.SymbolicTensor;
  const logVar = tf.layers.dense({ units: l }).apply(hidden) as tf.SymbolicTensor;
  const z = new ProdigySampling({}).apply([mean, logVar, eps]) as tf.SymbolicTensor;
  const decoded = tf.layers.dense({ units: d, activation: 'sigmoid' }).apply(
    tf.layers.dense({ units: h, activation: 'relu' }).apply(z),
  ) as tf.SymbolicTensor;
  const out = tf.layers.concatenate().apply([decoded, mean, logVar]) as tf.SymbolicTensor;
  const model = tf.model({ inputs: [x, eps], outputs: out });
  const loss = (yTrue: tf.Tensor, yPred: tf.Tensor) =>
    tf.tidy(() => {
      const target = tf.slice(yTrue, [0, 0], [-1, d]);
      const recon = tf.slice(yPred, [0, 0], [-1, d]);
      const mu = tf.slice(yPred, [0, d], [-1, l]);
      const lv = tf.slice(yPred, [0, d + l], [-1, l]);
      const kl = tf.mul(tf.sum(tf.sub(tf.sub(tf.add(lv, 1), tf.square(mu)), tf.exp(lv)), 1), -0.5);
      return tf.add(tf.sum(tf.square(tf.sub(target, recon))), kl);
    });
  model.compile({ optimizer: tf.train.adam(1e-4), loss });
  const rows = B * steps;
  const xs = tf.randomUniform([rows, d]);
  const es = tf.randomNormal([rows, l]);
  const ys = tf.concat([xs, tf.zeros([rows, 2 * l])], 1);
  await model.fit([xs, es], ys, { batchSize: B, epochs: 1, shuffle: false, verbose: 0 });
  const times: number[] = [];
  for (let r = 0; r < Math.min(repeats, 3); r++) {
    const t0 = performance.now();
    await model.fit([xs, es], ys, { batchSize: B, epochs: 1, shuffle: false, verbose: 0 });
    times.push((performance.now() - t0) / steps);
  }
  tf.dispose([xs, es, ys]);
  model.dispose();
  return min(times);
}

/** ms per epoch of a full training setup (64 samples, validation 0.1) on this thread. */
async function epochMs(width: number, epochs: number): Promise<number> {
  const vae = Vae.create(width, { seed: 1, epochs });
  const history = await vae.fit(randomRows(64, width, 4));
  vae.dispose();
  return min(history.epochs.slice(1).map((e) => e.milliseconds));
}

/** ms per epoch in each of `n` parallel worker trainings (64 samples at `width`). */
async function parallelEpochMs(n: number, width: number, epochs: number): Promise<number> {
  const data = randomRows(64, width, 5);
  const results = await Promise.all(Array.from({ length: n }, (_, i) => trainInWorker(data, { seed: i, epochs })));
  return Math.max(...results.map((r) => min(r.history.epochs.slice(1).map((e) => e.milliseconds))));
}

const backend = await useBestBackend();
console.log(`backend: ${backend.description}${backend.skipped.length ? ` (skipped: ${backend.skipped.join('; ')})` : ''}`);
console.log(`shape: input ${d}, hidden ${h}, latent ${l}, batch ${B}; ${(flopsPerStep / 1e9).toFixed(2)} GFLOP per step`);
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
console.log(`timings are the minimum over ${repeats} repeats; load average (1, 5, 15 min) before: ${load()}\n`);

const ours = engineStep(quick ? 3 : 5);
console.log(`this library (VaeEngine, wasm SIMD kernels):     ${fmt(ours)}`);
const tfjsOps = tfjsOpsStep(quick ? 3 : 5);
console.log(`tfjs ops (vae-step.ts + SIMD Adam):              ${fmt(tfjsOps)}  (${(tfjsOps / ours).toFixed(1)}x slower)`);
const plain = await layersFitStep(quick ? 3 : 5);
console.log(`plain tfjs layers model.fit:                     ${fmt(plain)}  (${(plain / ours).toFixed(1)}x slower)`);

const epochs = quick ? 3 : 6;
const single = await epochMs(d, epochs);
const stepsPerEpoch = 2; // 57 training rows: batches of 32 and 25; plus 7 validation rows
const pair = await parallelEpochMs(2, d, epochs);
console.log(
  `\n64 samples at input ${d} (57 train + 7 validation: 2 steps + 1 validation pass per epoch):\n` +
    `  one training on this thread:   ${single.toFixed(1)} ms/epoch -> 1000 epochs ${(single).toFixed(0)} s\n` +
    `  two trainings in two workers:  ${pair.toFixed(1)} ms/epoch each -> throughput ${((2 * stepsPerEpoch * 1000) / pair).toFixed(1)} steps/s ` +
    `(one thread: ${((stepsPerEpoch * 1000) / single).toFixed(1)} steps/s)`,
);
const minimal = 1600;
const minimalEpoch = await epochMs(minimal, epochs);
console.log(`  Minimal setting, input ${minimal}: ${minimalEpoch.toFixed(1)} ms/epoch -> 1000 epochs ${minimalEpoch.toFixed(0)} s`);

// The Figure 6 grid's trainings: training sets of 64/48/32/16/8/4 healthy samples (validation
// split 0.1) at the Minimal width, 1000 epochs x 5 repeats, two at a time.
const gridSizes = [64, 48, 32, 16, 8, 4];
const perConfig: number[] = [];
for (const rows of gridSizes) {
  const vae = Vae.create(minimal, { seed: 1, epochs: epochs + 2 });
  const history = await vae.fit(randomRows(rows, minimal, 6));
  vae.dispose();
  perConfig.push(min(history.epochs.slice(2).map((e) => e.milliseconds)));
}
const gridSeconds = (perConfig.reduce((a, b) => a + b, 0) * 1000 * 5) / 1000;
console.log(
  `\nFigure 6 grid trainings at input ${minimal} (training sets ${gridSizes.join('/')}, validation 0.1), ms/epoch on this thread: ` +
    `${perConfig.map((ms) => ms.toFixed(1)).join(' / ')}\n` +
    `  x 1000 epochs x 5 repeats = ${gridSeconds.toFixed(0)} s of training on one core; two workers: about ${(gridSeconds / 2 / 60).toFixed(1)} min ` +
    `(if two trainings run as fast side by side as one alone; worker start, scoring and features not included)`,
);
console.log(`load average after: ${load()}`);
