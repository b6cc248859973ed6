/**
 * The three LDMS samplers Prodigy reads and how their files are recognised by name.
 *
 * A file belongs to a sampler when its name contains the sampler's name as a whole word,
 * case-insensitively (bounded by the start or end of the name or by a character that is not a
 * letter or digit). Accepted, for example: `meminfo.csv`, `vmstat.csv.gz`, `node12_procstat.csv`,
 * `eclipse-meminfo-2023.csv`, and LDMS `store_csv` files `meminfo` and `meminfo.1700000000` (a
 * roll-over). Ignored: hidden files (`.name`) and `store_csv` side files ending in `.HEADER` or
 * `.KIND`. A name that contains two sampler names is ambiguous and rejected.
 */

/** The samplers of the tidy table, in column order. */
export const SAMPLERS = ['meminfo', 'vmstat', 'procstat'] as const;

/** One of {@link SAMPLERS}. */
export type SamplerName = (typeof SAMPLERS)[number];

/** True when `name` is one of {@link SAMPLERS}. */
export function isSamplerName(name: string): name is SamplerName {
  return (SAMPLERS as readonly string[]).includes(name);
}

/** The outcome of recognising a file name: a sampler, not a sampler file, or ambiguous. */
export type FileNameMatch = { sampler: SamplerName } | { ignored: string } | { ambiguous: SamplerName[] };

/** Recognises the sampler of a file from its base name (see the module comment for the rule). */
export function samplerOfFileName(baseName: string): FileNameMatch {
  if (baseName.startsWith('.')) return { ignored: 'hidden file' };
  if (/\.(HEADER|KIND)$/i.test(baseName)) return { ignored: 'an LDMS store_csv side file' };
  const found = SAMPLERS.filter((sampler) => new RegExp(`(^|[^a-z0-9])${sampler}($|[^a-z0-9])`, 'i').test(baseName));
  if (found.length === 1) return { sampler: found[0]! };
  if (found.length > 1) return { ambiguous: found };
  return { ignored: `the name contains none of ${SAMPLERS.join(', ')}` };
}
