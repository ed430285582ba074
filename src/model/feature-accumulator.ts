/*
 * Where bulk tagging puts a record's hashed features: a small open-addressing
 * table from feature index to summed value, reused record after record, so
 * scoring builds no Map, no object per feature and no name. A record has a
 * few hundred distinct features, so the table stays a few kilobytes (in the
 * processor's nearest cache) rather than a slot per index of the whole
 * feature space. Values add up per index in the order features are found and
 * the model reads the indices in the order they were first touched, exactly
 * as it read the Map of features before, so the sums (and so every score)
 * are the same to the last bit.
 */
const INITIAL_BITS = 10;

export class FeatureAccumulator {
  /** Feature index + 1 per slot (0: empty). */
  private keys = new Int32Array(1 << INITIAL_BITS);
  private sums = new Float64Array(1 << INITIAL_BITS);
  /** Occupied slots, in the order first touched; the first `count` are live. */
  private order = new Int32Array(1 << (INITIAL_BITS - 1));
  count = 0;
  private mask = (1 << INITIAL_BITS) - 1;

  add(index: number, value: number): void {
    const key = index + 1;
    // Feature indices are hashes already: their low bits spread well.
    let slot = index & this.mask;
    for (;;) {
      const k = this.keys[slot]!;
      if (k === key) {
        this.sums[slot]! += value;
        return;
      }
      if (k === 0) break;
      slot = (slot + 1) & this.mask;
    }
    this.keys[slot] = key;
    this.sums[slot] = value;
    this.order[this.count++] = slot;
    // At most half full, so probes stay short.
    if (this.count === this.order.length) this.grow();
  }

  /** The feature index and summed value of the i-th index first touched. */
  indexAt(i: number): number {
    return this.keys[this.order[i]!]! - 1;
  }

  valueAt(i: number): number {
    return this.sums[this.order[i]!]!;
  }

  /** Empties the slots the last record used, ready for the next. */
  clear(): void {
    for (let i = 0; i < this.count; i++) this.keys[this.order[i]!] = 0;
    this.count = 0;
  }

  private grow(): void {
    const { keys, sums, order, count } = this;
    const size = keys.length * 2;
    this.keys = new Int32Array(size);
    this.sums = new Float64Array(size);
    this.order = new Int32Array(size / 2);
    this.mask = size - 1;
    this.count = 0;
    // Re-inserted in first-touch order, so the order is kept.
    for (let i = 0; i < count; i++) {
      const slot = order[i]!;
      this.add(keys[slot]! - 1, 0);
      this.sums[this.order[this.count - 1]!] = sums[slot]!;
    }
  }
}
