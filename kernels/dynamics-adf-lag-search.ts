/**
 * The Gram-matrix lag search of the ADF test (src/features/calculators/dynamics/
 * augmented-dickey-fuller.ts, `gramLagSearch`) up to its information criteria, which need
 * log and stay in TypeScript: the lag-search design's augmented Gram matrix, its nested
 * Cholesky least squares (kernels/dynamics-lagged-least-squares.ts) and the full-rank test.
 */
import { laggedGram, nestedCholesky, nestedCholeskySize } from './dynamics-lagged-least-squares';

const EPSILON: f64 = 2.220446049250313e-16;

/** The float64s of `adfLagCandidates`' work region for `lags` lags. */
export function adfLagSearchSize(lags: i32): i32 {
  const size = lags + 3;
  return size * size + nestedCholeskySize(size - 1);
}

/**
 * The nested fits of the ADF lag-search design (rows t = first..end−1, columns [1, level_t,
 * u_{t−1}..u_{t−lags}], response u_t): work[0, size²) the augmented Gram matrix (size = lags + 3,
 * upper triangle, zero below), then `nestedCholesky`'s output (ω, column norms, R's diagonal, z,
 * R, ssr). Returns 1 when every column is clearly of full rank — each |R_jj| above 1e3 times
 * numpy matrix_rank's tolerance max_j ‖x_j‖ · max(rows, columns) · ε — and 0 when not, or when
 * the factorization fails.
 */
export function adfLagCandidates(u: usize, level: usize, first: i32, end: i32, lags: i32, work: usize): i32 {
  const size = lags + 3;
  const k = size - 1;
  const gramBytes = <usize>(size * size) << 3;
  memory.fill(work, 0, gramBytes);
  laggedGram(u, level, 1, first, end, lags, work);
  const out = work + gramBytes;
  if (!nestedCholesky(work, size, out)) return 0;
  const norms = out + 8;
  const diagonal = norms + (<usize>k << 3);
  let norm: f64 = 0;
  for (let j = 0; j < k; j++) norm = max<f64>(norm, load<f64>(norms + (<usize>j << 3)));
  const tol = norm * <f64>max<i32>(end - first, k) * EPSILON;
  for (let j = 0; j < k; j++) {
    if (!(abs<f64>(load<f64>(diagonal + (<usize>j << 3))) > 1e3 * tol)) return 0;
  }
  return 1;
}
