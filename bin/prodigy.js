#!/usr/bin/env node
// The `prodigy` command: runs the compiled CLI (built by `npm ci` through the `prepare` script).
import { main } from '../dist/cli.js';

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => {
    process.stderr.write(`prodigy: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
