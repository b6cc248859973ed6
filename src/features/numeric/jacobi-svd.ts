/**
 * Least squares through the singular value decomposition, the way numpy/statsmodels solve
 * them: `np.linalg.lstsq(A, b, rcond)` and statsmodels' `pinv`-based OLS both return the
 * minimum-norm solution x = Σ_{σ_j > rcond·σ_max} v_j (u_jᵀ b) / σ_j, treating the smaller
 * singular values as exact zeros. That choice decides the answer whenever the design matrix is
 * rank deficient (a polynomial fitted through fewer points than coefficients, an AR model of a
 * constant series), so we reproduce it rather than use a plain QR solve there.
 *
 * The SVD is one-sided Jacobi (Hestenes 1958): rotate column pairs of A until all columns are
 * orthogonal; the column norms are then the singular values. It is slow for big matrices and
 * very accurate, which is the right trade for the small systems here (≤ a few dozen columns).
 */

export interface MinNormSolution {
  /** The minimum-norm least-squares coefficients (length = number of columns). */
  readonly x: Float64Array;
  /** Singular values kept above the cutoff. */
  readonly rank: number;
  /** All singular values, unsorted (column order of the rotated matrix). */
  readonly singularValues: Float64Array;
}

/**
 * Minimum-norm least-squares solution of A x ≈ b, A given column-major as `columns[j][i]`
 * (m rows, n columns), singular values ≤ rcond·σ_max dropped. Does not modify its inputs.
 */
export function minNormLeastSquares(columns: readonly Float64Array[], b: ArrayLike<number>, rcond: number): MinNormSolution {
  const n = columns.length;
  const m = b.length;
  // Column-major working copies: column j of U at u[j·m ..], of V at v[j·n ..].
  const u = new Float64Array(n * m);
  for (let j = 0; j < n; j++) u.set(columns[j]!.subarray(0, m), j * m);
  const v = new Float64Array(n * n);
  for (let j = 0; j < n; j++) v[j * n + j] = 1;
  for (let sweep = 0; sweep < 80; sweep++) {
    let rotated = false;
    for (let p = 0; p < n - 1; p++) {
      const up = p * m;
      for (let q = p + 1; q < n; q++) {
        const uq = q * m;
        let alpha = 0;
        let beta = 0;
        let gamma = 0;
        for (let i = 0; i < m; i++) {
          const a = u[up + i]!;
          const c = u[uq + i]!;
          alpha += a * a;
          beta += c * c;
          gamma += a * c;
        }
        if (gamma === 0 || Math.abs(gamma) <= 1e-15 * Math.sqrt(alpha * beta)) continue;
        rotated = true;
        const zeta = (beta - alpha) / (2 * gamma);
        const t = (zeta >= 0 ? 1 : -1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = c * t;
        for (let i = 0; i < m; i++) {
          const a = u[up + i]!;
          const bq = u[uq + i]!;
          u[up + i] = c * a - s * bq;
          u[uq + i] = s * a + c * bq;
        }
        const vp = p * n;
        const vq = q * n;
        for (let i = 0; i < n; i++) {
          const a = v[vp + i]!;
          const bq = v[vq + i]!;
          v[vp + i] = c * a - s * bq;
          v[vq + i] = s * a + c * bq;
        }
      }
    }
    if (!rotated) break;
  }
  const sigma = new Float64Array(n);
  let sigmaMax = 0;
  for (let j = 0; j < n; j++) {
    let ss = 0;
    for (let i = j * m, e = i + m; i < e; i++) ss += u[i]! * u[i]!;
    sigma[j] = Math.sqrt(ss);
    if (sigma[j]! > sigmaMax) sigmaMax = sigma[j]!;
  }
  const cutoff = rcond * sigmaMax;
  const x = new Float64Array(n);
  let rank = 0;
  for (let j = 0; j < n; j++) {
    if (!(sigma[j]! > cutoff)) continue;
    rank++;
    let dot = 0;
    for (let i = 0; i < m; i++) dot += u[j * m + i]! * b[i]!;
    const scale = dot / (sigma[j]! * sigma[j]!);
    for (let k = 0; k < n; k++) x[k] += v[j * n + k]! * scale;
  }
  return { x, rank, singularValues: sigma };
}
