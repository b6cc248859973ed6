/**
 * The error every telemetry reader throws on bad input. It names the place of the problem —
 * file, 1-based line, and column (a header name when known, else `#n` for the n-th field) —
 * so that a user can open the file and find it.
 */
export class TelemetryInputError extends Error {
  override readonly name = 'TelemetryInputError';

  constructor(
    /** What is wrong, without the location (the location is added to `message`). */
    readonly problem: string,
    /** The file the problem is in. */
    readonly file: string,
    /** 1-based line number in `file`, when the problem sits on one line. */
    readonly line?: number,
    /** The column: a header name, or `#n` (1-based field number) before the header is known. */
    readonly column?: string,
  ) {
    super(`${formatLocation(file, line, column)}: ${problem}`);
  }
}

/** `file:line, column "name"` — the location prefix of a telemetry error or warning. */
export function formatLocation(file: string, line?: number, column?: string): string {
  let where = file;
  if (line !== undefined) where += `:${line}`;
  if (column !== undefined) where += `, column "${column}"`;
  return where;
}
