/** A growable Float64Array: append values one at a time, then take the exact-length array. */
export class Float64ColumnBuilder {
  private data: Float64Array;
  private size = 0;

  constructor(initialCapacity = 1024) {
    this.data = new Float64Array(Math.max(16, initialCapacity));
  }

  /** Number of values appended so far. */
  get length(): number {
    return this.size;
  }

  /** Appends `value`, doubling the storage when full (amortised O(1)). */
  push(value: number): void {
    if (this.size === this.data.length) {
      const grown = new Float64Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.size++] = value;
  }

  /** Appends all of `values`, growing the storage at most once. */
  pushAll(values: Float64Array): void {
    const needed = this.size + values.length;
    if (needed > this.data.length) {
      const grown = new Float64Array(Math.max(needed, this.data.length * 2));
      grown.set(this.data.subarray(0, this.size));
      this.data = grown;
    }
    this.data.set(values, this.size);
    this.size = needed;
  }

  /**
   * The values appended so far, as an array of exactly `length` values: a view of the storage
   * when it is at least 3/4 full (the usual case when it was sized from an estimate: no copy of
   * the column, at most a third more memory), else a copy. Do not push after finishing.
   */
  finish(): Float64Array {
    return this.size * 4 >= this.data.length * 3 ? this.data.subarray(0, this.size) : this.data.slice(0, this.size);
  }
}

/** A growable Int32Array, for line numbers and other integer bookkeeping. */
export class Int32ColumnBuilder {
  private data: Int32Array;
  private size = 0;

  constructor(initialCapacity = 1024) {
    this.data = new Int32Array(Math.max(16, initialCapacity));
  }

  get length(): number {
    return this.size;
  }

  push(value: number): void {
    if (this.size === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.size++] = value;
  }

  finish(): Int32Array {
    return this.data.slice(0, this.size);
  }
}
