import { FEATURE_SPACE } from './features.js';

/*
 * Where bulk tagging puts a record's hashed features: one slot per feature
 * index, reused record after record, so scoring builds no Map, no object per
 * feature and no name. Values add up per index in the order features are
 * found and the model reads the slots in the order they were first touched,
 * exactly as it read the Map of features before, so the sums (and so every
 * score) are the same to the last bit.
 */
export class FeatureAccumulator {
  /** The summed value of each touched index. */
  readonly values = new Float64Array(FEATURE_SPACE);
  /** Touched indices, in the order first touched; the first `count` are live. */
  order = new Int32Array(1024);
  count = 0;
  private readonly touched = new Uint8Array(FEATURE_SPACE);

  add(index: number, value: number): void {
    if (this.touched[index] === 0) {
      this.touched[index] = 1;
      if (this.count === this.order.length) {
        const bigger = new Int32Array(this.order.length * 2);
        bigger.set(this.order);
        this.order = bigger;
      }
      this.order[this.count++] = index;
      this.values[index] = value;
    } else {
      this.values[index]! += value;
    }
  }

  /** Empties the slots touched by the last record, ready for the next. */
  clear(): void {
    for (let i = 0; i < this.count; i++) this.touched[this.order[i]!] = 0;
    this.count = 0;
  }
}
