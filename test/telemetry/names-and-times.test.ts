import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseNumberCell, UNPARSABLE } from '../../src/telemetry/number-cell.js';
import { samplerOfFileName } from '../../src/telemetry/samplers.js';
import { parseTimestamp, wholeSeconds } from '../../src/telemetry/timestamp.js';

describe('samplerOfFileName', () => {
  it('accepts the documented names', () => {
    const cases: [string, string][] = [
      ['meminfo.csv', 'meminfo'],
      ['VMSTAT.CSV', 'vmstat'],
      ['vmstat.csv.gz', 'vmstat'],
      ['node12_procstat.csv', 'procstat'],
      ['eclipse-meminfo-2023.csv', 'meminfo'],
      ['meminfo', 'meminfo'],
      ['meminfo.1700000000', 'meminfo'],
    ];
    for (const [name, sampler] of cases) assert.deepEqual(samplerOfFileName(name), { sampler }, name);
  });

  it('ignores other names, hidden files and store_csv side files; flags ambiguous names', () => {
    for (const name of ['labels.csv', 'meminfo2.csv', 'procstatx.csv', '.meminfo.csv', 'meminfo.HEADER', 'vmstat.KIND']) {
      assert.ok('ignored' in samplerOfFileName(name), name);
    }
    assert.deepEqual(samplerOfFileName('meminfo_vmstat.csv'), { ambiguous: ['meminfo', 'vmstat'] });
  });
});

describe('parseTimestamp', () => {
  it('reads unix seconds and DSOS date-time strings (UTC) alike', () => {
    assert.equal(parseTimestamp('1700000000'), 1700000000);
    assert.equal(parseTimestamp('1700000000.25'), 1700000000.25);
    assert.equal(parseTimestamp('2023-11-14 22:13:20'), 1700000000);
    assert.equal(parseTimestamp('2023-11-14 22:13:20.500000'), 1700000000.5);
    assert.equal(parseTimestamp('2023-11-14T22:13:20Z'), 1700000000);
    assert.equal(parseTimestamp('2023-11-14 23:13:20+01:00'), 1700000000);
    assert.equal(parseTimestamp('2023-11-14 21:13:20-0100'), 1700000000);
  });

  it('rejects what is not a time', () => {
    for (const text of ['', 'yesterday', '2023-02-30 00:00:00', '2023-11-14 25:00:00', '2023/11/14 22:13:20']) {
      assert.equal(parseTimestamp(text), UNPARSABLE, text);
    }
  });

  it('floors to whole seconds', () => {
    assert.equal(wholeSeconds(1700000000.999), 1700000000);
    assert.equal(wholeSeconds(-0.5), -1);
  });
});

describe('parseNumberCell', () => {
  it('reads numbers, missing values and rejects the rest', () => {
    assert.equal(parseNumberCell('42'), 42);
    assert.equal(parseNumberCell('-1.5e3'), -1500);
    assert.equal(parseNumberCell(' 7 '), 7);
    assert.ok(Number.isNaN(parseNumberCell('') as number));
    assert.ok(Number.isNaN(parseNumberCell('nan') as number));
    assert.ok(Number.isNaN(parseNumberCell('NaN') as number));
    for (const text of ['abc', '1,5', ' ', 'Infinity', '-inf', '12x']) assert.equal(parseNumberCell(text), UNPARSABLE, text);
  });
});
