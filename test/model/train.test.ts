import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { useBestBackend } from '../../src/model/backend.js';
import { Vae } from '../../src/model/vae.js';
import { validationStart } from '../../src/model/train-vae.js';
import { reconstructionErrors } from '../../src/model/errors.js';
import { Random } from '../../src/util/random.js';

before(async () => {
  await useBestBackend();
});

/** n rows of `width` values in [0, 1]: a smooth pattern plus noise. */
function data(n: number, width: number, seed: number): number[][] {
  const rng = new Random(seed);
  return Array.from({ length: n }, (_, r) =>
    Array.from({ length: width }, (_, c) => Math.min(1, Math.max(0, 0.5 + 0.3 * Math.sin(r + c / 3) + 0.05 * rng.normal()))),
  );
}

test('Keras validation split: the last rows, floor(n (1 - split)) onwards', () => {
  assert.equal(validationStart(64, 0.1), 57); // 57 train, 7 validation
  assert.equal(validationStart(4, 0.1), 3);
  assert.equal(validationStart(10, 0), 10);
  assert.throws(() => validationStart(1, 0.1), /empty training set/);
});

test('same seed, same weights and losses; another seed differs', async () => {
  const x = data(40, 12, 1);
  const run = async (seed: number) => {
    const vae = Vae.create(12, { seed, epochs: 3, batchSize: 8 });
    const history = await vae.fit(x);
    const weights = vae.weights.toArrays();
    vae.dispose();
    return { history, weights };
  };
  const a = await run(7);
  const b = await run(7);
  const c = await run(8);
  assert.deepEqual(a.weights, b.weights);
  assert.deepEqual(a.history.epochs.map((e) => e.loss), b.history.epochs.map((e) => e.loss));
  assert.notDeepEqual(a.weights[0], c.weights[0]);
  assert.equal(a.history.trainRows, 36);
  assert.equal(a.history.validationRows, 4);
  assert.equal(a.history.stopReason, 'completed');
});

test('training lowers the loss and leaks no tensors across epochs', async () => {
  const x = data(64, 30, 2);
  const vae = Vae.create(30, { seed: 3, epochs: 30, learningRate: 1e-2 });
  const counts: number[] = [];
  const history = await vae.fit(x, { onEpochEnd: () => void counts.push(tf.memory().numTensors) });
  assert.equal(history.epochs.length, 30);
  assert.ok(new Set(counts).size === 1, `tensor counts per epoch: ${counts.join(',')}`);
  const first = history.epochs[0]!;
  const last = history.epochs[29]!;
  assert.ok(last.loss < 0.7 * first.loss, `loss ${first.loss} -> ${last.loss}`);
  assert.ok(last.valLoss !== null && last.valLoss < first.valLoss!, 'validation loss falls too');
  const before = tf.memory().numTensors;
  const errors = reconstructionErrors(vae, x, 1);
  assert.equal(tf.memory().numTensors, before);
  assert.equal(errors.length, 64);
  assert.ok(errors.every((e) => e > 0 && e < 1));
  assert.deepEqual(reconstructionErrors(vae, x, 1), errors, 'seeded errors repeat');
  vae.dispose();
});

test('early stopping on a plateau restores the best epoch; off by default', async () => {
  const x = data(30, 9, 4);
  // A learning rate of 0 makes the validation loss flat (only noise): it must stop after patience.
  const vae = Vae.create(9, { seed: 1, epochs: 50, learningRate: 1e-12, earlyStopping: { patience: 3, minDelta: 1e3 } });
  const history = await vae.fit(x);
  assert.equal(history.stopReason, 'early-stopping');
  assert.equal(history.epochs.length, 4); // epoch 1 is the best; 2, 3, 4 fail to improve by 1e3
  assert.equal(history.restoredEpoch, 1);
  vae.dispose();
  const plain = Vae.create(9, { seed: 1, epochs: 6, learningRate: 1e-12 });
  assert.equal((await plain.fit(x)).epochs.length, 6);
  plain.dispose();
});

test('training can be cancelled by a signal or by the epoch callback', async () => {
  const x = data(30, 9, 5);
  const vae = Vae.create(9, { seed: 1, epochs: 100 });
  const controller = new AbortController();
  const history = await vae.fit(x, { signal: controller.signal, onEpochEnd: (log) => void (log.epoch === 2 && controller.abort()) });
  assert.equal(history.stopReason, 'cancelled');
  assert.equal(history.epochs.length, 2);
  const byCallback = await vae.fit(x, { onEpochEnd: (log) => log.epoch < 3 });
  assert.equal(byCallback.epochs.length, 3);
  assert.equal(byCallback.stopReason, 'cancelled');
  vae.dispose();
});

test('bad input is refused with a clear message', async () => {
  const vae = Vae.create(5, { epochs: 1 });
  await assert.rejects(vae.fit(data(10, 4, 1)), /4 columns, the model expects 5/);
  const bad = data(10, 5, 1);
  bad[3]![2] = NaN;
  await assert.rejects(vae.fit(bad), /row 3, column 2 is NaN/);
  assert.throws(() => Vae.create(2), /too small/);
  vae.dispose();
});
