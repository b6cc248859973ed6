import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatSeconds, ProgressBar } from '../../src/util/progress.js';
import { trainingView, type TrainingDisplay } from '../../src/plot/training-view.js';
import type { Figure } from '../../src/plot/figure.js';
import type { EpochLog } from '../../src/model/train-vae.js';

/** A stream that records what is written. */
function recorder(isTTY: boolean) {
  const chunks: string[] = [];
  return { chunks, isTTY, columns: 200, write: (text: string) => chunks.push(text) };
}

test('ProgressBar without a TTY: a plain line every lineEvery steps and at the last one, with the time left', () => {
  let t = 0;
  const stream = recorder(false);
  const bar = new ProgressBar({ total: 10, label: 'train', stream, lineEvery: 4, now: () => t });
  for (let step = 1; step <= 10; step++) {
    t += 500; // 0.5 s per step
    bar.update(step, `loss ${step}`);
  }
  bar.done();
  assert.deepEqual(stream.chunks, ['train 4/10  loss 4  3.0 s left\n', 'train 8/10  loss 8  1.0 s left\n', 'train 10/10  loss 10\n']);
});

test('ProgressBar on a TTY redraws one line in place, at most every redrawMs, always at the end', () => {
  let t = 0;
  const stream = recorder(true);
  const bar = new ProgressBar({ total: 4, label: 'x', stream, width: 4, redrawMs: 100, now: () => t });
  t = 10;
  bar.update(1); // drawn (first)
  t = 50;
  bar.update(2); // too soon: skipped
  t = 200;
  bar.update(3); // drawn
  t = 210;
  bar.update(4); // last: drawn
  bar.done();
  assert.deepEqual(stream.chunks, ['\rx [#...] 1/4  0.0 s left', '\rx [###.] 3/4  0.1 s left', '\rx [####] 4/4            ', '\rx [####] 4/4', '\n']);
  assert.throws(() => new ProgressBar({ total: 0 }), /total must be a positive integer/);
});

test('formatSeconds', () => {
  assert.equal(formatSeconds(4.25), '4.3 s');
  assert.equal(formatSeconds(185), '3 min 05 s');
  assert.equal(formatSeconds(3720), '1 h 02 min');
  assert.equal(formatSeconds(NaN), '?');
});

test('trainingView redraws the display at most once per refreshMs with the loss chart so far, and finishes with every epoch', async () => {
  const updates: { html: string; figure?: Figure }[] = [];
  const finishes: { html: string; figure?: Figure }[] = [];
  const display: TrainingDisplay = {
    update: (html, figure) => void updates.push({ html, figure }),
    finish: async (html, figure) => void finishes.push({ html, figure }),
  };
  let t = 0;
  const view = trainingView({ epochs: 50, display, refreshMs: 1000, now: () => t });
  const log = (epoch: number): EpochLog => ({ epoch, loss: 100 / epoch, valLoss: 120 / epoch, milliseconds: 30 });
  for (let epoch = 1; epoch <= 50; epoch++) {
    t = epoch * 60; // 60 ms per epoch: redraws at epochs 1 (t = 60), 18 (1080 >= 60 + 1000), 35 (2100 >= 1080 + 1000)
    view.onEpochEnd(log(epoch));
  }
  assert.deepEqual(updates.map((u) => /epoch <b>(\d+)<\/b>/.exec(u.html)![1]), ['1', '18', '35']);
  assert.match(updates[1]!.html, /^training: epoch <b>18<\/b> \/ 50 &middot; loss <b>5\.556<\/b> &middot; val loss <b>6\.667<\/b>/);
  assert.equal(updates[1]!.figure!.data.length, 2);
  assert.deepEqual((updates[1]!.figure!.data[0] as { y: number[] }).y.length, 18);
  await view.finish();
  await view.finish(); // once only
  assert.equal(finishes.length, 1);
  assert.match(finishes[0]!.html, /^done: epoch <b>50<\/b> \/ 50/);
  assert.deepEqual((finishes[0]!.figure!.data[1] as { y: number[] }).y, Array.from({ length: 50 }, (_, i) => 120 / (i + 1)));
  view.onEpochEnd(log(51)); // after finish: ignored
  assert.equal(view.logs.length, 50);
});
