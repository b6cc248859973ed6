import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rollingWindows } from '../../src/features/rolling-windows.js';

const spans = (w: ReturnType<typeof rollingWindows>): string[] =>
  Array.from(w.sample, (s, i) => `${s}:[${w.start[i]},${w.end[i]})@${w.labelRow[i]}`);

test('forward rolling: windows grow to max_timeshift + 1 rows, named by their last row', () => {
  assert.deepEqual(spans(rollingWindows([4], { rollingDirection: 1, maxTimeshift: 2 })), ['0:[0,1)@0', '0:[0,2)@1', '0:[0,3)@2', '0:[1,4)@3']);
});

test('min_timeshift drops the short windows at the start', () => {
  assert.deepEqual(spans(rollingWindows([4], { rollingDirection: 1, maxTimeshift: 2, minTimeshift: 2 })), ['0:[0,3)@2', '0:[1,4)@3']);
});

test('window ends are aligned from the longest sample, as tsfresh does with samples of different lengths', () => {
  // P = 5, shift 2: ends 1, 3, 5; the 3-row sample only has ends 1 and 3
  assert.deepEqual(spans(rollingWindows([5, 3], { rollingDirection: 2, maxTimeshift: 1 })), ['0:[0,1)@0', '0:[1,3)@2', '0:[3,5)@4', '1:[0,1)@0', '1:[1,3)@2']);
});

test('the original windowing (60 / 15 / 60) on 120 rows: 61-row windows ending at rows 75, 90, 105, 120', () => {
  const w = rollingWindows([120], { rollingDirection: 15, maxTimeshift: 60, minTimeshift: 60 });
  assert.deepEqual(Array.from(w.end), [75, 90, 105, 120]);
  assert.deepEqual(Array.from(w.start), [14, 29, 44, 59]);
});

test('backward rolling: windows start every |shift| rows and are named by their first row', () => {
  assert.deepEqual(spans(rollingWindows([4], { rollingDirection: -1, maxTimeshift: 1 })), ['0:[0,2)@0', '0:[1,3)@1', '0:[2,4)@2', '0:[3,4)@3']);
});

test('invalid options are refused as tsfresh refuses them', () => {
  assert.throws(() => rollingWindows([3], { rollingDirection: 0 }), /non-zero/);
  assert.throws(() => rollingWindows([3], { rollingDirection: 1, maxTimeshift: 0 }), /positive/);
  assert.throws(() => rollingWindows([3], { rollingDirection: 1, minTimeshift: -1 }), />= 0/);
});
