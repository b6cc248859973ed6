/**
 * `prodigy features --timings`: the timeline on stderr (timeline.ts) names the stages of both
 * threads in order on one clock, ends with the CPU seconds per thread (Linux), and changes
 * nothing in the output.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { platform, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const here = dirname(fileURLToPath(import.meta.url));
const runCli = join(here, '..', 'telemetry', 'run-cli.ts');

async function prodigy(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ stdout: string; stderr: string }> {
  const { PRODIGY_TIMINGS: _, ...inherited } = process.env;
  return promisify(execFile)(process.execPath, ['--import', 'tsx', runCli, ...args], { cwd: join(here, '..', '..'), env: { ...inherited, ...env } });
}

interface Mark {
  ms: number;
  thread: string;
  label: string;
}

/** The timeline lines of `stderr`, parsed; throws on a line that starts like one but does not parse. */
function marks(stderr: string): Mark[] {
  return stderr
    .split('\n')
    .filter((line) => line.startsWith('timeline '))
    .map((line) => {
      const m = /^timeline +(\d+\.\d) ms {2}(main|worker \d+) +(.+)$/.exec(line);
      assert.ok(m, `unparsable timeline line: ${line}`);
      return { ms: Number(m[1]), thread: m[2]!, label: m[3]! };
    });
}

let dir: string;
let input: string;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'features-timeline-'));
  input = join(dir, 'tidy.csv');
  const lines = ['job_id,component_id,timestamp,a::s,b::s'];
  for (let job = 1; job <= 2; job++) for (let t = 0; t < 30; t++) lines.push(`${job},0,${1000 + t},${Math.sin(t * job)},${(t * t) % 7}`);
  await writeFile(input, lines.join('\n') + '\n');
});

after(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('prodigy features --timings', () => {
  it('marks every stage of both threads in order on one clock, and writes the same file', async () => {
    const plain = join(dir, 'plain.csv');
    const timed = join(dir, 'timed.csv');
    const common = ['features', '--input', input, '--settings', 'minimal', '--workers', '1', '--quiet'];
    const without = await prodigy([...common, '--out', plain]);
    assert.deepEqual(marks(without.stderr), [], 'no timeline without --timings');
    const { stderr } = await prodigy([...common, '--out', timed, '--timings']);
    assert.equal(await readFile(timed, 'utf8'), await readFile(plain, 'utf8'));

    const timeline = marks(stderr);
    const main = timeline.filter((m) => m.thread === 'main').map((m) => m.label.replace(/ \(.*$/, ''));
    const order = ['features command start', '1 worker(s) started', 'plan compiled', 'samples ready', 'all units done', 'extracted', 'formatted', 'written'];
    let at = -1;
    for (const label of order) {
      const next = main.indexOf(label);
      assert.ok(next > at, `main thread: "${label}" after the stages before it, in ${JSON.stringify(main)}`);
      at = next;
    }
    assert.ok(main.includes('input read') && main.includes('calculators loaded'));
    // main-thread marks are written as they happen: their times never decrease
    const mainMs = timeline.filter((m) => m.thread === 'main').map((m) => m.ms);
    for (let i = 1; i < mainMs.length; i++) assert.ok(mainMs[i]! >= mainMs[i - 1]!, `main marks out of order: ${mainMs.join(', ')}`);
    // The worker counts from the main thread's origin: whatever it marked (on an input this
    // small the process may end before the worker has loaded under tsx) comes after it was
    // started, and its plan after its modules.
    const worker = timeline.filter((m) => m.thread.startsWith('worker'));
    const started = timeline.find((m) => m.label === '1 worker(s) started')!;
    for (const m of worker) assert.ok(m.ms >= started.ms, `worker mark "${m.label}" at ${m.ms} ms, before it was started at ${started.ms} ms`);
    const loaded = worker.find((m) => m.label === 'worker modules loaded');
    const compiled = worker.find((m) => m.label === 'plan compiled');
    if (compiled) assert.ok(loaded && compiled.ms >= loaded.ms, `worker compiled its plan at ${compiled.ms} ms, loaded at ${loaded?.ms} ms`);
    if (platform() === 'linux') {
      const cpu = timeline.find((m) => m.label.startsWith('CPU seconds by thread'));
      assert.ok(cpu, 'the CPU seconds per thread close the timeline');
      const total = Number(/total (\d+\.\d\d)/.exec(cpu.label)?.[1]);
      assert.ok(total > 0, cpu.label);
    }
  });

  it('is also switched on by PRODIGY_TIMINGS', async () => {
    const { stderr } = await prodigy(['features', '--input', input, '--settings', 'minimal', '--workers', '0', '--quiet', '--out', join(dir, 'env.csv')], { PRODIGY_TIMINGS: '1' });
    const labels = marks(stderr).map((m) => m.label);
    assert.equal(labels[0], 'features command start');
    assert.ok(labels.includes('no prestarted workers') && labels.includes('written'), labels.join(' | '));
  });
});
