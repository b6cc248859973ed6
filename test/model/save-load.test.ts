import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { useBestBackend } from '../../src/model/backend.js';
import { Vae } from '../../src/model/vae.js';
import { loadVae, saveVae, toLayersModels } from '../../src/model/layers-model.js';
import { modelFolder } from '../../src/model/model-files.js';
import { Random } from '../../src/util/random.js';

before(async () => {
  await useBestBackend();
});

test('save as a layers model, load back: same weights, same config, same reconstructions', async () => {
  const rng = new Random(9);
  const x = Array.from({ length: 12 }, () => Array.from({ length: 10 }, () => rng.uniform()));
  const vae = Vae.create(10, { seed: 4, epochs: 3, batchSize: 4, learningRate: 1e-3 });
  await vae.fit(x);
  const dir = await mkdtemp(join(tmpdir(), 'prodigy-vae-'));
  try {
    await saveVae(vae, join(dir, 'model'));
    assert.deepEqual((await readdir(join(dir, 'model'))).sort(), ['model.json', 'weights.bin']);
    const loaded = await loadVae(join(dir, 'model'));
    assert.deepEqual(loaded.config, vae.config);
    assert.deepEqual(loaded.weights.toArrays(), vae.weights.toArrays());
    assert.deepEqual(loaded.reconstruct(x, 3).values, vae.reconstruct(x, 3).values);

    // The plain tfjs route: tf.loadLayersModel + predict([x, eps]) equals the VAE with that eps.
    const model = await tf.loadLayersModel(modelFolder(join(dir, 'model')));
    const l = vae.config.latentDim;
    const noise = new Random(3); // Vae.reconstruct draws eps as [latent, rows], row-major
    const epsT = Array.from({ length: l * 12 }, () => noise.normal());
    const eps = tf.tensor2d(epsT, [l, 12]).transpose();
    const out = model.predict([tf.tensor2d(x), eps]) as tf.Tensor;
    const expected = vae.reconstruct(x, 3).values;
    const got = out.dataSync();
    for (let i = 0; i < got.length; i++) assert.ok(Math.abs(got[i]! - expected[i]!) < 1e-5, `${i}: ${got[i]} vs ${expected[i]}`);
    model.dispose();
    loaded.dispose();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  // Encoder model = Vae.encode.
  const models = toLayersModels(vae);
  const [mean] = models.encoder.predict(tf.tensor2d(x)) as tf.Tensor[];
  const ours = vae.encode(x).mean.values;
  mean!.dataSync().forEach((v, i) => assert.ok(Math.abs(v - ours[i]!) < 1e-5));
  models.vae.dispose();
  vae.dispose();
});

test('loading a folder without a model names the file', async () => {
  await assert.rejects(loadVae('/nonexistent/prodigy-model'), /\/nonexistent\/prodigy-model\/model.json: cannot read/);
});
