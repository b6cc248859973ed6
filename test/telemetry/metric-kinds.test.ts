import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { COUNTER_LEVEL_TO_STEP, inferMetricKind } from '../../src/telemetry/kind-inference.js';
import { findMetricKindRule, type MetricKind } from '../../src/telemetry/metric-kinds.js';
import type { SamplerName } from '../../src/telemetry/samplers.js';
import { ECLIPSE_COLUMNS } from './eclipse-columns.js';

const kindOf = (metric: string, sampler: SamplerName): MetricKind | undefined => findMetricKindRule(metric, sampler)?.kind;

describe('metric-kind table', () => {
  it('classifies every Eclipse column without the fallback', () => {
    for (const sampler of ['meminfo', 'vmstat', 'procstat'] as const) {
      for (const metric of ECLIPSE_COLUMNS[sampler]) assert.ok(findMetricKindRule(metric, sampler), `${metric}::${sampler} has no rule`);
    }
  });

  it('has the kinds the spec names', () => {
    const expected: [string, SamplerName, MetricKind][] = [
      // spec: cumulative counters
      ['pgfault', 'vmstat', 'counter'],
      ['pgalloc_normal', 'vmstat', 'counter'],
      ['numa_hit', 'vmstat', 'counter'],
      ['nr_dirtied', 'vmstat', 'counter'],
      ['nr_written', 'vmstat', 'counter'],
      ['user', 'procstat', 'counter'],
      ['sys', 'procstat', 'counter'],
      ['idle', 'procstat', 'counter'],
      ['iowait', 'procstat', 'counter'],
      ['guest_nice', 'procstat', 'counter'],
      ['context_switches', 'procstat', 'counter'],
      ['processes', 'procstat', 'counter'],
      ['hwintr_count', 'procstat', 'counter'],
      ['softirq_count', 'procstat', 'counter'],
      // gauges
      ['MemFree', 'meminfo', 'gauge'],
      ['Active(anon)', 'meminfo', 'gauge'],
      ['Committed_AS', 'meminfo', 'gauge'],
      ['HugePages_Free', 'meminfo', 'gauge'],
      ['nr_free_pages', 'vmstat', 'gauge'],
      ['nr_anon_pages', 'vmstat', 'gauge'],
      ['procs_running', 'procstat', 'gauge'],
      ['procs_blocked', 'procstat', 'gauge'],
      // limits and constants
      ['MemTotal', 'meminfo', 'constant'],
      ['SwapTotal', 'meminfo', 'constant'],
      ['CommitLimit', 'meminfo', 'constant'],
      ['VmallocTotal', 'meminfo', 'constant'],
      ['Hugepagesize', 'meminfo', 'constant'],
      ['HugePages_Total', 'meminfo', 'constant'],
      ['nr_dirty_threshold', 'vmstat', 'constant'],
      ['cores_up', 'procstat', 'constant'],
      ['cpu_enabled', 'procstat', 'constant'],
    ];
    for (const [metric, sampler, kind] of expected) assert.equal(kindOf(metric, sampler), kind, `${metric}::${sampler}`);
  });

  it('counts each Eclipse column once per kind (counts pinned so a rule change is noticed)', () => {
    const tally = (sampler: SamplerName) => {
      const counts: Record<string, number> = { counter: 0, gauge: 0, constant: 0 };
      for (const metric of ECLIPSE_COLUMNS[sampler]) counts[kindOf(metric, sampler)!]!++;
      return counts;
    };
    assert.deepEqual(tally('meminfo'), { counter: 0, gauge: 40, constant: 7 });
    // vmstat: nr_* gauges (31 nr_ names less 4 counters and 2 thresholds = 25), 2 limits, the other 93 counters
    assert.deepEqual(tally('vmstat'), { counter: 93, gauge: 25, constant: 2 });
    // procstat: 10 jiffy counters + 4 event counters + 10 per-core jiffy counters; 2 gauges; cores_up, cpu_enabled, per_core_cpu_enabled
    assert.deepEqual(tally('procstat'), { counter: 24, gauge: 2, constant: 3 });
  });

  it('matches only within its sampler and leaves unknown names to the fallback', () => {
    assert.equal(kindOf('pgfault', 'meminfo'), 'gauge'); // every meminfo field is an instant amount
    assert.equal(findMetricKindRule('pgfault', 'procstat'), undefined);
    assert.equal(findMetricKindRule('some_new_field', 'vmstat'), undefined);
    assert.equal(kindOf('per_core_user12', 'procstat'), 'counter'); // store_csv per-core array names
  });
});

describe('fallback kind rule', () => {
  const f = (...xs: number[][]) => xs.map((x) => Float64Array.from(x));

  it('calls a large never-decreasing metric a counter', () => {
    // level 1e6, steps of 10: level / step = 1e5 >= 1000
    const r = inferMetricKind(f([1e6, 1e6 + 10, 1e6 + 20, 1e6 + 30], [2e6, 2e6, 2e6 + 50, NaN, 2e6 + 90]));
    assert.equal(r.kind, 'counter');
  });

  it('calls a growing gauge whose level is small against its growth a gauge', () => {
    // a leak: level 1000, grows 100 per step: level / step = 10 < 1000
    assert.equal(inferMetricKind(f([1000, 1100, 1200, 1300])).kind, 'gauge');
    // exactly at the bound: level = 1000 x step -> counter; just under -> gauge
    assert.equal(inferMetricKind(f([COUNTER_LEVEL_TO_STEP, COUNTER_LEVEL_TO_STEP + 1])).kind, 'counter');
    assert.equal(inferMetricKind(f([COUNTER_LEVEL_TO_STEP - 1, COUNTER_LEVEL_TO_STEP])).kind, 'gauge');
  });

  it('calls a metric that decreases within any sample a gauge, however large', () => {
    assert.equal(inferMetricKind(f([1e9, 1e9 + 1, 1e9 + 2], [1e9, 1e9 - 1])).kind, 'gauge');
  });

  it('calls a metric constant in every sample (or empty) a constant', () => {
    assert.equal(inferMetricKind(f([5, 5, NaN, 5], [7, 7])).kind, 'constant');
    assert.equal(inferMetricKind(f([NaN, NaN], [])).kind, 'constant');
    assert.match(inferMetricKind(f([NaN])).reason, /no values/);
  });
});
