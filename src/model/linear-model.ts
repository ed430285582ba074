import { TAG_IDS, perTag, type PerTag, type TagId } from '../tags.js';
import { applyPlatt, type Platt } from './calibrate.js';
import type { Feature } from './features.js';
import { HASH_BITS } from './features.js';
import type { Band } from './thresholds.js';
import { decodeWeights, type ModelFile } from './model-file.js';

/**
 * The loaded model: all ten tags' weights interleaved in one array (feature
 * index * 10 + tag), so one pass over a record's features scores every tag.
 */
export class LinearModel {
  readonly name: string;
  readonly ruleFeatures: boolean;
  readonly thresholds: PerTag<number>;
  readonly bands: PerTag<Band>;
  private readonly platt: PerTag<Platt>;
  private readonly weights: Float32Array;

  constructor(file: ModelFile) {
    if (file.hashBits !== HASH_BITS) {
      throw new Error(`motag: model ${file.name} was trained with ${file.hashBits} hash bits; this motag uses ${HASH_BITS}. Retrain with npm run train.`);
    }
    this.name = file.name;
    this.ruleFeatures = file.ruleFeatures;
    this.weights = new Float32Array((1 << HASH_BITS) * TAG_IDS.length);
    TAG_IDS.forEach((tag, k) => {
      const { indices, values } = decodeWeights(file.tags[tag]);
      for (let i = 0; i < indices.length; i++) this.weights[indices[i]! * TAG_IDS.length + k] = values[i]!;
    });
    this.platt = perTag((t) => file.tags[t].platt);
    this.thresholds = perTag((t) => file.tags[t].threshold);
    this.bands = perTag((t) => file.tags[t].band);
  }

  /** Calibrated probability per tag. */
  probabilities(features: readonly Feature[]): PerTag<number> {
    const z = new Float64Array(TAG_IDS.length);
    const n = TAG_IDS.length;
    for (const f of features) {
      const base = f.index * n;
      for (let k = 0; k < n; k++) z[k]! += this.weights[base + k]! * f.value;
    }
    let k = 0;
    return perTag((t) => applyPlatt(this.platt[t], z[k++]!));
  }

  /** The features that pushed a tag's margin up, largest first (for explaining a model-only decision). */
  contributions(features: readonly Feature[], tag: TagId): { feature: Feature; contribution: number }[] {
    const k = TAG_IDS.indexOf(tag);
    const out: { feature: Feature; contribution: number }[] = [];
    for (const f of features) {
      const contribution = this.weights[f.index * TAG_IDS.length + k]! * f.value;
      if (contribution > 0) out.push({ feature: f, contribution });
    }
    return out.sort((a, b) => b.contribution - a.contribution);
  }
}
