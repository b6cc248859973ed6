/**
 * The k smallest values of sliding windows of one row, for many windows at once.
 *
 * The row is cut into blocks of B columns (the longest window). For every column p the table
 * `prefix` holds the k smallest values (ascending) of its block from the block's start up to
 * p, and `suffix` those from p to the block's end, each built from its neighbour's by one
 * insertion. A window of at most B columns lies in at most two neighbouring blocks, so its k
 * smallest are the k smallest of the first block's suffix list and the second block's prefix
 * list: one merge of two sorted lists of k, instead of a selection over the whole window
 * (find-peaks-cwt.ts asks this for the noise floor around every ridge line's end).
 *
 * The rows must hold no NaN (the order is `<`). Lists shorter than k are padded with
 * +Infinity, so for a window of m < k values only the first m entries are its values. Equal
 * values may come from different columns than a sort would take them, which only matters for
 * the sign of a zero.
 */
export class WindowSmallest {
  private prefix = new Float64Array(0);
  private suffix = new Float64Array(0);
  private row = new Float64Array(0);
  private block = 1;
  private k = 1;

  /**
   * Builds the tables for `row` (no NaN), windows of at most `block` columns and their `k`
   * smallest values: O(n k) work, done once per row.
   */
  reset(row: Float64Array, block: number, k: number): void {
    const n = row.length;
    this.row = row;
    this.block = Math.max(1, block);
    this.k = Math.max(1, k);
    const size = n * this.k;
    if (this.prefix.length < size) {
      this.prefix = new Float64Array(size);
      this.suffix = new Float64Array(size);
    }
    const K = this.k;
    const prefix = this.prefix;
    const suffix = this.suffix;
    if (K <= 4) {
      fillSmallFour(row, this.block, K, prefix, suffix);
      return;
    }
    for (let start = 0; start < n; start += this.block) {
      const end = Math.min(n, start + this.block);
      for (let p = start; p < end; p++) {
        const at = p * K;
        if (p === start) for (let o = 0; o < K; o++) prefix[at + o] = Infinity;
        else for (let o = 0; o < K; o++) prefix[at + o] = prefix[at - K + o]!;
        insertSorted(prefix, at, K, row[p]!);
      }
      for (let p = end - 1; p >= start; p--) {
        const at = p * K;
        if (p === end - 1) for (let o = 0; o < K; o++) suffix[at + o] = Infinity;
        else for (let o = 0; o < K; o++) suffix[at + o] = suffix[at + K + o]!;
        insertSorted(suffix, at, K, row[p]!);
      }
    }
  }

  /**
   * Writes the k smallest values of `row[from, to)` (1 <= to - from; fast when to - from <=
   * block), ascending, into `out[0, k)`.
   */
  select(from: number, to: number, out: Float64Array): void {
    const K = this.k;
    const B = this.block;
    const first = Math.floor(from / B);
    const last = Math.floor((to - 1) / B);
    if (last === first + 1) {
      // the suffix of block `first` and the prefix of block `last`, merged
      const a = this.suffix;
      const b = this.prefix;
      let i = from * K;
      let j = (to - 1) * K;
      for (let o = 0; o < K; o++) {
        const x = a[i]!;
        const y = b[j]!;
        if (y < x) {
          out[o] = y;
          j++;
        } else {
          out[o] = x;
          i++;
        }
      }
      return;
    }
    if (first === last) {
      const blockEnd = Math.min(this.row.length, (first + 1) * B);
      if (from === first * B) {
        for (let o = 0, i = (to - 1) * K; o < K; o++) out[o] = this.prefix[i + o]!;
        return;
      }
      if (to === blockEnd) {
        for (let o = 0, i = from * K; o < K; o++) out[o] = this.suffix[i + o]!;
        return;
      }
      // inside one block, touching neither end: select directly (never for the windows of
      // find-peaks-cwt, which are clipped only at the ends of the row)
      this.selectDirectly(from, to, out);
      return;
    }
    // longer than a block (outside the contract): select directly
    this.selectDirectly(from, to, out);
  }

  private selectDirectly(from: number, to: number, out: Float64Array): void {
    for (let o = 0; o < this.k; o++) out[o] = Infinity;
    for (let p = from; p < to; p++) insertSorted(out, 0, this.k, this.row[p]!);
  }
}

/**
 * The prefix and suffix tables for k <= 4, with the running four smallest in locals (the same
 * lists as the generic insertion builds: the k smallest are the first k of the four smallest).
 */
function fillSmallFour(row: Float64Array, block: number, k: number, prefix: Float64Array, suffix: Float64Array): void {
  const n = row.length;
  for (let start = 0; start < n; start += block) {
    const end = Math.min(n, start + block);
    for (let pass = 0; pass < 2; pass++) {
      const table = pass === 0 ? prefix : suffix;
      let s0 = Infinity;
      let s1 = Infinity;
      let s2 = Infinity;
      let s3 = Infinity;
      for (let q = start; q < end; q++) {
        const p = pass === 0 ? q : start + end - 1 - q;
        const v = row[p]!;
        if (v < s3) {
          if (v < s2) {
            s3 = s2;
            if (v < s1) {
              s2 = s1;
              if (v < s0) {
                s1 = s0;
                s0 = v;
              } else s1 = v;
            } else s2 = v;
          } else s3 = v;
        }
        const at = p * k;
        table[at] = s0;
        if (k > 1) table[at + 1] = s1;
        if (k > 2) table[at + 2] = s2;
        if (k > 3) table[at + 3] = s3;
      }
    }
  }
}

/** Inserts `v` into the ascending list `list[at, at + k)`, dropping its largest value. */
function insertSorted(list: Float64Array, at: number, k: number, v: number): void {
  let b = at + k - 1;
  if (!(v < list[b]!)) return;
  while (b > at && v < list[b - 1]!) {
    list[b] = list[b - 1]!;
    b--;
  }
  list[b] = v;
}
