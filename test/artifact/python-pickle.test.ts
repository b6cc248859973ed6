import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PickleError, isPickledArray, readPickle } from '../../src/artifact/python-pickle.js';

const hex = (h: string) => Uint8Array.from(h.match(/../g)!, (b) => parseInt(b, 16));

describe('readPickle', () => {
  it('reads the protocol-0 attributes PyTables writes (lists, tuples, dicts, None, True)', () => {
    // pandas' non_index_axes and values_block_0_kind, byte for byte as in the fixtures.
    assert.deepEqual(readPickle('(lp0\n(I1\n(lp1\nVjob_id\np2\naVcomponent_id\np3\natp4\na.'), [[1, ['job_id', 'component_id']]]);
    assert.deepEqual(readPickle('(lp0\nVMemFree::meminfo\np1\na.'), ['MemFree::meminfo']);
    assert.equal(readPickle('N.'), null);
    // pickle.dumps({1: {'names': [None], 'type': 'Index'}, 'x': (1, 2.5, True)}, 0)
    const dict = readPickle("(dp0\nI1\n(dp1\nVnames\np2\n(lp3\nNasVtype\np4\nVIndex\np5\nssVx\np6\n(I1\nF2.5\nI01\ntp7\ns.");
    assert.ok(dict instanceof Map);
    assert.deepEqual(dict.get(1), new Map<unknown, unknown>([['names', [null]], ['type', 'Index']]));
    assert.deepEqual(dict.get('x'), [1, 2.5, true]);
  });

  it('decodes raw-unicode-escape text (\\uXXXX) in protocol 0', () => {
    assert.deepEqual(readPickle('(lp0\nVMem\\u00e9\\u005c\np1\na.'), ['Memé\\']);
  });

  it('rebuilds a numpy object array (protocol 5) with its shape and elements in C order', () => {
    // pickle.dumps(np.array([['101','7'],['101','8'],['102','7']], dtype=object), 5)
    const v = readPickle(
      hex(
        '800595a3000000000000008c156e756d70792e636f72652e6d756c74696172726179948c0c5f7265636f6e7374727563749493948c056e756d7079948c076e6461727261799493944b0085944301629487945294284b014b034b02869468038c0564747970659493948c024f3894898887945294284b038c017c944e4e4e4affffffff4affffffff4b3f749462895d94288c03313031948c01379468138c0138948c03313032946814657494622e',
      ),
    );
    assert.ok(isPickledArray(v));
    assert.deepEqual(v.shape, [3, 2]);
    assert.equal(v.dtype, '|O8');
    assert.deepEqual(v.items, ['101', '7', '101', '8', '102', '7']);
  });

  it('rebuilds a numeric numpy array (protocol 2, bytes through _codecs.encode)', () => {
    // pickle.dumps(np.array([1.5, -2.0]), 2)
    const v = readPickle(
      hex(
        '8002636e756d70792e636f72652e6d756c746961727261790a5f7265636f6e7374727563740a7100636e756d70790a6e6461727261790a71014b00857102635f636f646563730a656e636f64650a7103580100000062710458060000006c6174696e317105867106527107877108527109284b014b0285710a636e756d70790a64747970650a710b58020000006638710c898887710d52710e284b0358010000003c710f4e4e4e4affffffff4affffffff4b00747110628968035812000000000000000000c3b83f00000000000000c38071116805867112527113747114622e',
      ),
    );
    assert.ok(isPickledArray(v));
    assert.equal(v.dtype, '<f8');
    assert.deepEqual(v.items, [1.5, -2]);
  });

  it('refuses to call anything but numpy array reconstruction, naming the callable', () => {
    assert.throws(() => readPickle("cos\nsystem\n(S'echo hi'\ntR."), (err: Error) => err instanceof PickleError && /os\.system/.test(err.message));
  });

  it('reports a truncated pickle and an unknown opcode', () => {
    assert.throws(() => readPickle('(lp0\nVjob_id'), PickleError);
    assert.throws(() => readPickle(hex('80057a')), /opcode 0x7a/);
    assert.throws(() => readPickle('g5\n.'), /memo 5/);
  });
});
