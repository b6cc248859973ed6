import { test } from 'node:test';
import assert from 'node:assert/strict';
import { averagePrecision, precisionRecallCurve, rocAuc, rocCurve } from '../../src/evaluate/ranking.js';
import { thresholdSweep } from '../../src/evaluate/threshold-sweep.js';

test('ROC curve and AUC of a hand-worked ranking', () => {
  // scores descending: 0.9(1) 0.8(0) 0.7(1) 0.6(1) 0.2(0); P=3, N=2
  const y = [1, 0, 1, 1, 0];
  const s = [0.9, 0.8, 0.7, 0.6, 0.2];
  const roc = rocCurve(y, s);
  assert.deepEqual(roc.tpr, [0, 1 / 3, 1 / 3, 2 / 3, 1, 1]);
  assert.deepEqual(roc.fpr, [0, 0, 0.5, 0.5, 0.5, 1]);
  // pairs (pos > neg): 0.9>0.8,0.9>0.2,0.7>0.2,0.6>0.2 = 4 of 6
  assert.ok(Math.abs(rocAuc(y, s) - 4 / 6) < 1e-12);
});

test('ties count half in the AUC', () => {
  assert.equal(rocAuc([1, 0], [0.5, 0.5]), 0.5);
  assert.equal(rocAuc([1, 0, 1, 0], [1, 0, 1, 0]), 1);
});

test('precision-recall curve and average precision like scikit-learn', () => {
  const y = [1, 0, 1, 1, 0];
  const s = [0.9, 0.8, 0.7, 0.6, 0.2];
  const pr = precisionRecallCurve(y, s);
  // stops at full recall (score 0.6): thresholds ascending 0.6, 0.7, 0.8, 0.9
  assert.deepEqual(pr.thresholds, [0.6, 0.7, 0.8, 0.9]);
  assert.deepEqual(pr.recall, [1, 2 / 3, 1 / 3, 1 / 3, 0]);
  assert.deepEqual(pr.precision, [3 / 4, 2 / 3, 1 / 2, 1, 1]);
  // AP = (1/3)(1) + (1/3)(2/3) + (1/3)(3/4)
  assert.ok(Math.abs(averagePrecision(y, s) - (1 / 3 + 2 / 9 + 1 / 4)) < 1e-12);
});

test('threshold sweep flags scores strictly above the threshold', () => {
  const sweep = thresholdSweep([0, 0, 1, 1], [0.1, 0.2, 0.3, 0.4]);
  assert.equal(sweep.length, 5);
  assert.equal(sweep[0]!.tp + sweep[0]!.fp, 4); // below everything: all flagged
  const atBest = sweep.find((p) => p.threshold === 0.2)!;
  assert.deepEqual([atBest.tn, atBest.fp, atBest.fn, atBest.tp], [2, 0, 0, 2]);
  assert.equal(atBest.macroF1, 1);
  const top = sweep[sweep.length - 1]!;
  assert.equal(top.tp + top.fp, 0); // at the highest score: none flagged
  assert.equal(top.recall, 0);
});

test('ROC refuses a one-class set and non-finite scores', () => {
  assert.throws(() => rocCurve([0, 0], [0.1, 0.2]), /both/);
  assert.throws(() => rocCurve([0, 1], [0.1, NaN]), /score 1/);
});
