#!/usr/bin/env node
// The `prodigy` command: runs the compiled CLI (built by `npm ci` through the `prepare` script).
import { setFlagsFromString } from 'node:v8';

// `prodigy features` computes in WebAssembly kernels; the JavaScript around them is light, and
// in a one-second command V8 spends more CPU optimising it with TurboFan than that saves. A
// larger interrupt budget (V8's default 67584 bytes of bytecode run before a function is
// considered for optimisation; here 600000) leaves lukewarm functions in the baseline tier:
// the bench command ran ~13% faster (median of 10 alternated runs, 1.25 -> 1.09 s). Set before
// any other module loads; worker threads share V8's flags.
if (process.argv[2] === 'features') setFlagsFromString('--interrupt-budget=600000');

const { main } = await import('../dist/cli.js');

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => {
    process.stderr.write(`prodigy: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
