/**
 * The error every artifact reader throws on bad input. It names the file and, when known, the
 * place inside it — the pandas key (HDF5 group), the column, a row — so that a user can open the
 * file in pandas (`pd.read_hdf(file, key)`) and find the problem.
 */
export class ArtifactInputError extends Error {
  override readonly name = 'ArtifactInputError';

  constructor(
    /** What is wrong, without the location (the location is added to `message`). */
    readonly problem: string,
    /** The file the problem is in. */
    readonly file: string,
    /** Where inside the file. */
    readonly where: ArtifactLocation = {},
  ) {
    super(`${formatArtifactLocation(file, where)}: ${problem}`);
  }
}

/** A place inside an artifact file. */
export interface ArtifactLocation {
  /** The pandas key (the HDF5 group of the frame), e.g. `/data`. */
  readonly key?: string;
  /** A column name. */
  readonly column?: string;
  /** A 0-based row of the frame. */
  readonly row?: number;
}

/** `file, key "/data", column "job_id", row 3` — the location prefix of an artifact error. */
export function formatArtifactLocation(file: string, where: ArtifactLocation = {}): string {
  let text = file;
  if (where.key !== undefined) text += `, key "${where.key}"`;
  if (where.column !== undefined) text += `, column "${where.column}"`;
  if (where.row !== undefined) text += `, row ${where.row}`;
  return text;
}
