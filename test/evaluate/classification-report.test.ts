import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classificationReport } from '../../src/evaluate/classification-report.js';
import { confusionMatrix } from '../../src/evaluate/confusion-matrix.js';

const close = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-12, `${a} != ${b}`);

test('classification report of a hand-counted binary case', () => {
  // true:  0 0 0 0 1 1 1 1 1 1 ; pred: 0 0 0 1 1 1 1 1 0 0
  // label 1: tp 4, fp 1, fn 2 -> P 4/5, R 4/6, F1 8/11; label 0: tp 3, fp 2, fn 1 -> P 3/5, R 3/4, F1 6/9
  const yTrue = [0, 0, 0, 0, 1, 1, 1, 1, 1, 1];
  const yPred = [0, 0, 0, 1, 1, 1, 1, 1, 0, 0];
  const r = classificationReport(yTrue, yPred);
  assert.deepEqual(Object.keys(r), ['0', '1', 'accuracy', 'macro avg', 'weighted avg']);
  close(r['1']!.precision, 0.8);
  close(r['1']!.recall, 4 / 6);
  close(r['1']!['f1-score'], 8 / 11);
  assert.equal(r['1']!.support, 6);
  close(r['0']!.precision, 0.6);
  close(r['0']!.recall, 0.75);
  close(r['0']!['f1-score'], 6 / 9);
  assert.equal(r['0']!.support, 4);
  close(r.accuracy, 0.7);
  close(r['macro avg']['f1-score'], (8 / 11 + 6 / 9) / 2);
  close(r['macro avg'].precision, 0.7);
  close(r['weighted avg'].recall, (4 * 0.75 + 6 * (4 / 6)) / 10);
  assert.equal(r['weighted avg'].support, 10);
  assert.deepEqual(confusionMatrix(yTrue, yPred), [[3, 1], [2, 4]]);
});

test('zero division: a label never predicted gets precision 0 and F1 0, as scikit-learn warns', () => {
  // everything predicted healthy: label 1 has tp 0, fp 0 -> precision 0/0 -> 0
  const r = classificationReport([0, 0, 1, 1], [0, 0, 0, 0]);
  assert.equal(r['1']!.precision, 0);
  assert.equal(r['1']!.recall, 0);
  assert.equal(r['1']!['f1-score'], 0);
  close(r['0']!.precision, 0.5);
  assert.equal(r['0']!.recall, 1);
  close(r['0']!['f1-score'], 2 / 3);
  close(r['macro avg']['f1-score'], 1 / 3);
  close(r.accuracy, 0.5);
  // zero_division=1 changes only the undefined ratio
  assert.equal(classificationReport([0, 0, 1, 1], [0, 0, 0, 0], { zeroDivision: 1 })['1']!.precision, 1);
});

test('only the labels present appear, like scikit-learn without labels=', () => {
  const r = classificationReport([0, 0, 0], [0, 0, 0]);
  assert.deepEqual(Object.keys(r), ['0', 'accuracy', 'macro avg', 'weighted avg']);
  assert.equal(r['macro avg']['f1-score'], 1);
});

test('bad labels are refused with the sample named', () => {
  assert.throws(() => classificationReport([0, 2], [0, 1]), /sample 1/);
  assert.throws(() => classificationReport([0, 1], [0]), /length/);
});
