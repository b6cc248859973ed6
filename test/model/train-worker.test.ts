import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { useBestBackend } from '../../src/model/backend.js';
import { Vae } from '../../src/model/vae.js';
import { closeIdleWorkers, trainInWorker } from '../../src/model/train-worker.js';
import { Random } from '../../src/util/random.js';

before(async () => {
  await useBestBackend();
});

test('two trainings in worker threads give the same weights as on the main thread', async () => {
  const rng = new Random(2);
  const x = Array.from({ length: 20 }, () => Array.from({ length: 9 }, () => rng.uniform()));
  const options = { seed: 5, epochs: 4, batchSize: 8 };
  const epochs: number[] = [];
  const [a, b] = await Promise.all([
    trainInWorker(x, options, { onEpochEnd: (log) => void epochs.push(log.epoch) }),
    trainInWorker(x, { ...options, seed: 6 }),
  ]);
  const local = Vae.create(9, options);
  await local.fit(x);
  assert.deepEqual(a.weights, local.weights.toArrays());
  assert.notDeepEqual(b.weights[0], a.weights[0]);
  assert.deepEqual(epochs, [1, 2, 3, 4]);
  assert.equal(a.history.epochs.length, 4);
  assert.match(a.backend, /wasm|cpu|tensorflow/);
  local.dispose();
});

test('worker errors reject with the message', async () => {
  await assert.rejects(trainInWorker([[0.1, 0.2, 0.3]], { epochs: 1 }), /empty training set/);
});

test('a finished or cancelled training leaves its worker for the next one, with the same numbers', async () => {
  await closeIdleWorkers();
  const rng = new Random(3);
  const x = Array.from({ length: 12 }, () => Array.from({ length: 6 }, () => rng.uniform()));
  const first = await trainInWorker(x, { seed: 1, epochs: 2 });
  const controller = new AbortController();
  const cancelled = await trainInWorker(x, { seed: 2, epochs: 10_000 }, { signal: controller.signal, onEpochEnd: () => controller.abort() });
  const again = await trainInWorker(x, { seed: 1, epochs: 2 });
  assert.equal(cancelled.history.stopReason, 'cancelled');
  assert.equal(cancelled.threadId, first.threadId, 'the cancelled training ran on the idle worker');
  assert.equal(again.threadId, first.threadId, 'and so did the next one');
  assert.deepEqual(again.weights, first.weights);
  await closeIdleWorkers();
  const fresh = await trainInWorker(x, { seed: 1, epochs: 2 });
  assert.notEqual(fresh.threadId, first.threadId, 'closeIdleWorkers ended it');
  assert.deepEqual(fresh.weights, first.weights);
});
