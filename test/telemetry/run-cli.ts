// Runs the `prodigy` CLI from source, for the CLI tests: node --import tsx test/telemetry/run-cli.ts <args>
import { main } from '../../src/cli.js';

process.exitCode = await main(process.argv.slice(2));
