/**
 * Lists of numbers (fields, or character positions) per key in one flat typed array (compressed sparse rows): for a
 * catalogue of 50,000 names a few million entries, where a `Map` of JavaScript arrays would cost several times the
 * memory and build time. Built in two passes over the same `emit` (count, then fill); each list is ascending and
 * holds a number once.
 */
export class Postings {
  private constructor(
    private readonly offsets: Uint32Array,
    private readonly data: Uint16Array | Uint32Array,
  ) {}

  /**
   * `emit(add)` must call `add(key, value)` for every key of every value, values in ascending order, the same way
   * both times it is called. Keys are `0 … keys - 1`, values `0 … values - 1`.
   */
  static build(keys: number, values: number, emit: (add: (key: number, value: number) => void) => void): Postings {
    const counts = new Uint32Array(keys + 1);
    const last = new Int32Array(keys).fill(-1);
    emit((key, field) => {
      if (last[key] === field) return;
      last[key] = field;
      counts[key + 1]++;
    });
    for (let k = 0; k < keys; k++) counts[k + 1] += counts[k];
    const data = values <= 0xffff ? new Uint16Array(counts[keys]) : new Uint32Array(counts[keys]);
    const fill = counts.slice(0, keys);
    last.fill(-1);
    emit((key, field) => {
      if (last[key] === field) return;
      last[key] = field;
      data[fill[key]++] = field;
    });
    return new Postings(counts, data);
  }

  /** The values of `key` (a view, not a copy); empty for a key out of range. */
  list(key: number): Uint16Array | Uint32Array {
    if (key < 0 || key + 1 >= this.offsets.length) return this.data.subarray(0, 0);
    return this.data.subarray(this.offsets[key], this.offsets[key + 1]);
  }

  size(key: number): number {
    return key < 0 || key + 1 >= this.offsets.length ? 0 : this.offsets[key + 1] - this.offsets[key];
  }

  /** Bytes held, for the benchmark's memory column. */
  get bytes(): number {
    return this.offsets.byteLength + this.data.byteLength;
  }
}

/**
 * The values in every one of `lists` (each ascending), ascending: the shortest list, filtered by each longer one in
 * turn, whose position only moves forward (by doubling steps, then halving, so a long list is mostly skipped).
 */
export function intersect(lists: ArrayLike<number>[]): number[] {
  const sorted = [...lists].sort((a, b) => a.length - b.length);
  const out = Array.from(sorted[0] ?? []);
  for (let l = 1; l < sorted.length && out.length; l++) {
    const list = sorted[l];
    let kept = 0;
    let at = 0;
    for (const value of out) {
      let step = 1;
      while (at + step < list.length && list[at + step] < value) step *= 2;
      let hi = Math.min(at + step, list.length);
      while (at < hi) {
        const mid = (at + hi) >>> 1;
        if (list[mid] < value) at = mid + 1;
        else hi = mid;
      }
      if (at === list.length) break;
      if (list[at] === value) out[kept++] = value;
    }
    out.length = kept;
  }
  return out;
}
