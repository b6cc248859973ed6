/** A small command-line argument reader: `--name value`, `--flag`, and positionals. */

export class ArgumentError extends Error {
  override readonly name = 'ArgumentError';
}

/**
 * Whether `err` is an ArgumentError, also one thrown by a bundled copy of this module (the
 * `prodigy features` bundle, see cli.ts), where `instanceof` cannot tell.
 */
export function isArgumentError(err: unknown): err is ArgumentError {
  return err instanceof Error && err.name === 'ArgumentError';
}

export class Args {
  private readonly values = new Map<string, string | true>();
  private readonly used = new Set<string>();
  readonly positionals: string[] = [];

  constructor(argv: readonly string[]) {
    for (let i = 0; i < argv.length; i++) {
      const arg = argv[i]!;
      if (arg.startsWith('--')) {
        const eq = arg.indexOf('=');
        if (eq > 0) this.values.set(arg.slice(2, eq), arg.slice(eq + 1));
        else {
          const next = argv[i + 1];
          if (next !== undefined && !next.startsWith('--')) {
            this.values.set(arg.slice(2), next);
            i++;
          } else this.values.set(arg.slice(2), true);
        }
      } else this.positionals.push(arg);
    }
  }

  /** A string option, or `fallback` when absent. */
  string(name: string): string | undefined;
  string(name: string, fallback: string): string;
  string(name: string, fallback?: string): string | undefined {
    this.used.add(name);
    const value = this.values.get(name);
    if (value === true) throw new ArgumentError(`--${name} needs a value`);
    return value ?? fallback;
  }

  /** A required string option. */
  required(name: string): string {
    const value = this.string(name);
    if (value === undefined) throw new ArgumentError(`--${name} is required`);
    return value;
  }

  /** An integer option, checked. */
  int(name: string, fallback: number): number;
  int(name: string): number | undefined;
  int(name: string, fallback?: number): number | undefined {
    const text = this.string(name);
    if (text === undefined) return fallback;
    const value = Number(text);
    if (!Number.isInteger(value)) throw new ArgumentError(`--${name} must be an integer, got "${text}"`);
    return value;
  }

  /** A number option, checked. */
  number(name: string, fallback: number): number;
  number(name: string): number | undefined;
  number(name: string, fallback?: number): number | undefined {
    const text = this.string(name);
    if (text === undefined) return fallback;
    const value = Number(text);
    if (!Number.isFinite(value)) throw new ArgumentError(`--${name} must be a number, got "${text}"`);
    return value;
  }

  /** A comma-separated list of integers (`--configs 0,1,2`). */
  intList(name: string): number[] | undefined {
    const text = this.string(name);
    if (text === undefined) return undefined;
    return text.split(',').map((part) => {
      const value = Number(part.trim());
      if (!Number.isInteger(value)) throw new ArgumentError(`--${name} must be a list of integers, got "${text}"`);
      return value;
    });
  }

  /** A boolean flag. */
  flag(name: string): boolean {
    this.used.add(name);
    const value = this.values.get(name);
    if (value === undefined) return false;
    if (value === true) return true;
    throw new ArgumentError(`--${name} takes no value (got "${value}")`);
  }

  /** Throws when an option was given that the command never asked for. */
  rejectUnknown(): void {
    const unknown = [...this.values.keys()].filter((name) => !this.used.has(name));
    if (unknown.length) throw new ArgumentError(`unknown option${unknown.length > 1 ? 's' : ''}: ${unknown.map((u) => `--${u}`).join(', ')}`);
  }
}
