/**
 * Reading one numeric CSV cell. A missing value is an empty field (what pandas writes for
 * NaN) or the words `nan` / `NaN`; it reads as NaN. Anything `Number()` cannot read as a
 * finite number (text, `Infinity`, a lone space) is unparsable.
 */

/** The sentinel returned for a cell that is not a number. */
export const UNPARSABLE = Symbol('unparsable');

/** The cell's value: a finite number, NaN when missing, or {@link UNPARSABLE}. */
export function parseNumberCell(text: string): number | typeof UNPARSABLE {
  if (text.length === 0) return NaN;
  const value = +text;
  if (value === value && value !== Infinity && value !== -Infinity) {
    // `+' '` is 0: a cell of spaces is not a number.
    if (value === 0 && text.trim().length === 0) return UNPARSABLE;
    return value;
  }
  const trimmed = text.trim();
  if (trimmed === '' || trimmed === 'nan' || trimmed === 'NaN') return NaN;
  return UNPARSABLE;
}
