/**
 * Reusable scratch space for temporaries that numpy would allocate (`np.diff(x)`, `x ** 2`,
 * `x - mean`): one growable Float64Array per use site, so extraction allocates nothing per
 * series once the buffers have reached the longest series' length.
 */

/** A scratch buffer of at least `n` values; the contents are left over from earlier use. */
export type ScratchBuffer = (n: number) => Float64Array;

/** Creates one scratch buffer for one use site (never share it between nested uses). */
export function scratchBuffer(): ScratchBuffer {
  let buffer = new Float64Array(64);
  return (n) => {
    if (buffer.length < n) buffer = new Float64Array(Math.max(n, buffer.length * 2));
    return buffer;
  };
}
