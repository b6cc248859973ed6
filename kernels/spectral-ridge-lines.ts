/**
 * The ridge-line search of scipy.signal.find_peaks_cwt over CWT rows of widths 1, 2, ..., as
 * src/features/calculators/spectral/find-peaks-cwt.ts describes it (countPeaksCwt): the relative
 * maxima of every row, then, per largest width n, the lines from row n-1 down to row 0.
 *
 * Integer work arrays live in one region `work` (i32s), laid out from (rows, numCols):
 *   maxima [rows * numCols]   the maxima's columns, row after row
 *   rowStart [rows + 1]       row r's maxima are maxima[rowStart[r] .. rowStart[r + 1])
 *   lowestLineAt [numCols], touched [numCols], then active, kept, length, lastRow, lastCol,
 *   gap, each [rows * numCols + 1] (a line per maximum at most).
 * The TypeScript side reserves ridgeWorkSize(rows, numCols) i32s.
 */

@inline function geti(p: usize, i: i32): i32 {
  return load<i32>(p + (<usize>i << 2));
}

@inline function puti(p: usize, i: i32, v: i32): void {
  store<i32>(p + (<usize>i << 2), v);
}

@inline function getf(p: usize, i: i32): f64 {
  return load<f64>(p + (<usize>i << 3));
}

@inline function rowStartAt(work: usize, rows: i32, numCols: i32): usize {
  return work + (<usize>(rows * numCols) << 2);
}

@inline function linesAt(work: usize, rows: i32, numCols: i32): usize {
  return rowStartAt(work, rows, numCols) + (<usize>(rows + 1 + 2 * numCols) << 2);
}

/** The i32s the work region needs for `rows` rows of `numCols` columns. */
export function ridgeWorkSize(rows: i32, numCols: i32): i32 {
  return 7 * rows * numCols + rows + 1 + 2 * numCols + 6;
}

/**
 * Columns 1..numCols-2 of each row r < rows of `cwt` (row-major float64) strictly greater than
 * both neighbours, ascending, into the work region; returns how many there are in all.
 */
export function cwtRowMaxima(cwt: usize, rows: i32, numCols: i32, work: usize): i32 {
  const rowStart = rowStartAt(work, rows, numCols);
  let count = 0;
  for (let r = 0; r < rows; r++) {
    puti(rowStart, r, count);
    const base = cwt + (<usize>(r * numCols) << 3);
    if (numCols < 3) continue;
    // branch-free: every column is written at `count`, which moves on past the maxima only
    let left = getf(base, 0);
    let v = getf(base, 1);
    for (let c = 1; c + 1 < numCols; c++) {
      const right = getf(base, c + 1);
      puti(work, count, c);
      count += <i32>(v > left) & <i32>(v > right);
      left = v;
      v = right;
    }
  }
  puti(rowStart, rows, count);
  return count;
}

/**
 * The ridge lines of rows 0..n-1 (widths 1..n, max_distances[row] = (row + 1) / 4, gap_thresh 1)
 * through the maxima cwtRowMaxima found (same rows, numCols): writes the (last row, last column)
 * of every line with at least `minLength` points to `ends` as float64 pairs, in the order the
 * lines close, and returns how many.
 */
export function ridgeLineEnds(rows: i32, numCols: i32, work: usize, n: i32, minLength: i32, ends: usize): i32 {
  const maxima = work;
  const rowStart = rowStartAt(work, rows, numCols);
  const lowestLineAt = rowStart + (<usize>(rows + 1) << 2);
  const touched = lowestLineAt + (<usize>numCols << 2);
  const stride = <usize>(rows * numCols + 1) << 2;
  let active = linesAt(work, rows, numCols);
  let kept = active + stride;
  const length = kept + stride;
  const lastRow = length + stride;
  const lastCol = lastRow + stride;
  const gap = lastCol + stride;
  let startRow = -1;
  for (let r = n - 1; r >= 0; r--) {
    if (geti(rowStart, r + 1) > geti(rowStart, r)) {
      startRow = r;
      break;
    }
  }
  if (startRow < 0) return 0;
  for (let c = 0; c < numCols; c++) puti(lowestLineAt, c, -1);
  const gapThresh = 1;
  let lines = 0;
  let activeCount = 0;
  for (let m = geti(rowStart, startRow); m < geti(rowStart, startRow + 1); m++) {
    puti(length, lines, 1);
    puti(lastRow, lines, startRow);
    puti(lastCol, lines, geti(maxima, m));
    puti(gap, lines, 0);
    puti(active, activeCount++, lines++);
  }
  let endCount = 0;
  for (let row = startRow - 1; row >= 0; row--) {
    let touchedCount = 0;
    for (let i = activeCount - 1; i >= 0; i--) {
      const line = geti(active, i);
      puti(gap, line, geti(gap, line) + 1);
      const c = geti(lastCol, line);
      if (geti(lowestLineAt, c) == -1) puti(touched, touchedCount++, c);
      puti(lowestLineAt, c, i);
    }
    const reach = (row + 1) >> 2; // d <= (row + 1) / 4 for whole d
    for (let m = geti(rowStart, row); m < geti(rowStart, row + 1); m++) {
      const col = geti(maxima, m);
      const found = nearestLine(lowestLineAt, col, reach, numCols);
      if (found >= 0) {
        const line = geti(active, found);
        puti(length, line, geti(length, line) + 1);
        puti(lastRow, line, row);
        puti(lastCol, line, col);
        puti(gap, line, 0);
      } else {
        puti(length, lines, 1);
        puti(lastRow, lines, row);
        puti(lastCol, lines, col);
        puti(gap, lines, 0);
        puti(active, activeCount++, lines++);
      }
    }
    for (let t = 0; t < touchedCount; t++) puti(lowestLineAt, geti(touched, t), -1);
    let keptCount = 0;
    for (let i = 0; i < activeCount; i++) {
      const line = geti(active, i);
      if (geti(gap, line) > gapThresh) {
        if (geti(length, line) >= minLength) endCount = writeEnd(ends, endCount, geti(lastRow, line), geti(lastCol, line));
      } else puti(kept, keptCount++, line);
    }
    const swap = active;
    active = kept;
    kept = swap;
    activeCount = keptCount;
  }
  for (let i = 0; i < activeCount; i++) {
    const line = geti(active, i);
    if (geti(length, line) >= minLength) endCount = writeEnd(ends, endCount, geti(lastRow, line), geti(lastCol, line));
  }
  return endCount;
}

@inline function writeEnd(ends: usize, at: i32, row: i32, col: i32): i32 {
  store<f64>(ends + (<usize>at << 4), <f64>row);
  store<f64>(ends + (<usize>at << 4), <f64>col, 8);
  return at + 1;
}

/**
 * The line to extend from a maximum at `col`: the lowest active index at the smallest distance
 * d <= reach (numpy.argmin's first among ties), or -1.
 */
@inline function nearestLine(lowestLineAt: usize, col: i32, reach: i32, numCols: i32): i32 {
  for (let d = 0; d <= reach && d < numCols; d++) {
    const left = col - d >= 0 ? geti(lowestLineAt, col - d) : -1;
    const right = d > 0 && col + d < numCols ? geti(lowestLineAt, col + d) : -1;
    if (left >= 0 || right >= 0) return left < 0 ? right : right < 0 ? left : min(left, right);
  }
  return -1;
}
