/**
 * The `prodigy` command line. Each command lives in `cli/<name>.ts` and is imported only when
 * it runs, so light commands (simulate, ingest, features) never load TensorFlow.js.
 */
import { existsSync } from 'node:fs';
import { Args, isArgumentError } from './util/args.js';

export interface Command {
  /** One line for the command list. */
  readonly summary: string;
  /** The full usage text. */
  readonly usage: string;
  /** Runs the command; resolves to the process exit code. */
  run(args: Args): Promise<number>;
}

/**
 * `prodigy features` as one bundle (dist/bundles/, made by `npm run build`) when it exists: it
 * loads in ~15 ms where its 100-odd modules take ~50 ms, on each of its threads.
 */
const featuresBundle = new URL('./bundles/features.js', import.meta.url);

const commands: Record<string, () => Promise<{ command: Command }>> = {
  simulate: () => import('./cli/simulate.js'),
  ingest: () => import('./cli/ingest.js'),
  features: () => (existsSync(featuresBundle) ? import(featuresBundle.href) : import('./cli/features.js')),
  train: () => import('./cli/train.js'),
  predict: () => import('./cli/predict.js'),
  reproduce: () => import('./cli/reproduce.js'),
};

async function help(): Promise<string> {
  const lines = ['usage: prodigy <command> [options]', '', 'commands:'];
  for (const [name, load] of Object.entries(commands)) {
    const { command } = await load();
    lines.push(`  ${name.padEnd(10)} ${command.summary}`);
  }
  lines.push('', 'prodigy <command> --help shows the options of one command.');
  return lines.join('\n');
}

/** Runs the CLI on `argv` (without node and script); resolves to the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write((await help()) + '\n');
    return name ? 0 : 2;
  }
  const load = commands[name];
  if (!load) {
    process.stderr.write(`prodigy: unknown command "${name}"\n\n${await help()}\n`);
    return 2;
  }
  const { command } = await load();
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(command.usage + '\n');
    return 0;
  }
  try {
    return await command.run(new Args(rest));
  } catch (err) {
    if (isArgumentError(err)) {
      process.stderr.write(`prodigy ${name}: ${err.message}\n\n${command.usage}\n`);
      return 2;
    }
    process.stderr.write(`prodigy ${name}: ${err instanceof Error ? err.message : String(err)}\n`);
    if (process.env.PRODIGY_DEBUG && err instanceof Error && err.stack) process.stderr.write(err.stack + '\n');
    return 1;
  }
}
