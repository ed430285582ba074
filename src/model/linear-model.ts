import { TAG_IDS, perTag, type PerTag, type TagId } from '../tags.js';
import { applyPlatt, type Platt } from './calibration.js';
import type { FeatureAccumulator } from './feature-accumulator.js';
import type { Feature, WeightedIndex } from './features.js';
import { FEATURE_SPACE, HASH_BITS, HASH_SIZE, RULE_BITS } from './features.js';
import { decodeWeights, type Band, type Decider, type ModelFile, type TagModel } from './model-file.js';

/** A model file without its weights: what a thread needs besides the shared weight table. */
export type ModelHeader = Omit<ModelFile, 'tags'> & { readonly tags: PerTag<Omit<TagModel, 'indices' | 'values'>> };

/** A loaded model as it crosses to another thread. */
export interface SharedModel {
  readonly header: ModelHeader;
  readonly weights: Float32Array;
}

function headerOf(file: ModelFile | ModelHeader): ModelHeader {
  const tags = perTag((t) => {
    const { indices: _i, values: _v, ...rest } = file.tags[t] as TagModel;
    return rest;
  });
  return { ...file, tags };
}

/** The word features' share of a margin, held within plus or minus cap. */
export function capMargin(words: number, cap: number): number {
  return words > cap ? cap : words < -cap ? -cap : words;
}

/**
 * The loaded model: all ten tags' weights interleaved in one array (feature
 * index * 10 + tag), so one pass over a record's features scores every tag.
 * A tag's margin is its rule part plus its word part, the word part capped
 * (see Combination in src/training/train.ts).
 */
export class LinearModel {
  readonly name: string;
  /** The SHA-256 of the corpus it was trained on (a retrained model can keep its seed's name). */
  readonly corpusSha256: string;
  readonly ruleFeatures: boolean;
  readonly thresholds: PerTag<number>;
  readonly bands: PerTag<Band>;
  readonly decide: PerTag<Decider>;
  private readonly platt: PerTag<Platt>;
  private readonly caps: Float64Array;
  private readonly weights: Float32Array;

  private readonly header: ModelHeader;

  /** From a model file, or from a model another thread loaded (SharedModel): its header and its weight table. */
  constructor(file: ModelFile | ModelHeader, sharedWeights?: Float32Array) {
    if (file.hashBits !== HASH_BITS || file.ruleBits !== RULE_BITS) {
      throw new Error(`motag: model ${file.name} was trained with ${file.hashBits}+${file.ruleBits} hash bits; this motag uses ${HASH_BITS}+${RULE_BITS}. Retrain with npm run train.`);
    }
    this.name = file.name;
    this.corpusSha256 = file.corpusSha256;
    this.ruleFeatures = file.ruleFeatures;
    const size = FEATURE_SPACE * TAG_IDS.length;
    if (sharedWeights) {
      if (sharedWeights.length !== size) throw new Error(`motag: a shared weight table of ${sharedWeights.length} weights, not ${size}`);
      this.weights = sharedWeights;
    } else {
      // On shared memory, so tagging threads can use this one table rather than each decoding the file (share()).
      this.weights = new Float32Array(new SharedArrayBuffer(size * Float32Array.BYTES_PER_ELEMENT));
      TAG_IDS.forEach((tag, k) => {
        const { indices, values } = decodeWeights((file as ModelFile).tags[tag]);
        for (let i = 0; i < indices.length; i++) this.weights[indices[i]! * TAG_IDS.length + k] = values[i]!;
      });
    }
    this.header = headerOf(file);
    this.platt = perTag((t) => file.tags[t].platt);
    this.thresholds = perTag((t) => file.tags[t].threshold);
    this.bands = perTag((t) => file.tags[t].band);
    this.decide = perTag((t) => file.tags[t].decide);
    this.caps = Float64Array.from(TAG_IDS, (t) => file.tags[t].wordCap ?? Number.POSITIVE_INFINITY);
  }

  /**
   * The model as a tagging thread can take it (postMessage or workerData):
   * the header, and the weight table itself, which stays in shared memory,
   * so threads neither decode the model file nor hold copies of the table.
   */
  share(): SharedModel {
    return { header: this.header, weights: this.weights };
  }

  /** Calibrated probability per tag. */
  probabilities(features: readonly WeightedIndex[]): PerTag<number> {
    const n = TAG_IDS.length;
    const rules = new Float64Array(n);
    const words = new Float64Array(n);
    for (const f of features) this.addSlot(f.index, f.value, rules, words);
    return this.calibrate(rules, words);
  }

  /**
   * The same probabilities from an accumulator's slots (bulk tagging), read
   * in the order first touched, as probabilities() reads extractFeatures'
   * list, so the margins are the same sums in the same order. Clears the
   * accumulator for the next record.
   */
  probabilitiesOf(acc: FeatureAccumulator): PerTag<number> {
    const n = TAG_IDS.length;
    const rules = new Float64Array(n);
    const words = new Float64Array(n);
    if (n === 10) sumTenTags(this.weights, acc, rules, words);
    else for (let i = 0; i < acc.count; i++) this.addSlot(acc.indexAt(i), acc.valueAt(i), rules, words);
    acc.clear();
    return this.calibrate(rules, words);
  }

  private addSlot(index: number, value: number, rules: Float64Array, words: Float64Array): void {
    const n = TAG_IDS.length;
    const base = index * n;
    const z = index >= HASH_SIZE ? rules : words;
    for (let k = 0; k < n; k++) z[k]! += this.weights[base + k]! * value;
  }

  private calibrate(rules: Float64Array, words: Float64Array): PerTag<number> {
    let k = 0;
    return perTag((t) => {
      const margin = rules[k]! + capMargin(words[k]!, this.caps[k]!);
      k++;
      return applyPlatt(this.platt[t], margin);
    });
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

/*
 * The dot product of bulk tagging, for the ten tags of TAGS.md: the twenty
 * running sums live in locals (registers), not in arrays, which halves its
 * cost. Each tag's sum still adds the same products in the same order as
 * addSlot, so the margins are the same to the bit.
 */
function sumTenTags(w: Float32Array, acc: FeatureAccumulator, rules: Float64Array, words: Float64Array): void {
  let r0 = 0, r1 = 0, r2 = 0, r3 = 0, r4 = 0, r5 = 0, r6 = 0, r7 = 0, r8 = 0, r9 = 0;
  let w0 = 0, w1 = 0, w2 = 0, w3 = 0, w4 = 0, w5 = 0, w6 = 0, w7 = 0, w8 = 0, w9 = 0;
  for (let i = 0; i < acc.count; i++) {
    const index = acc.indexAt(i);
    const v = acc.valueAt(i);
    const b = index * 10;
    if (index >= HASH_SIZE) {
      r0 += w[b]! * v; r1 += w[b + 1]! * v; r2 += w[b + 2]! * v; r3 += w[b + 3]! * v; r4 += w[b + 4]! * v;
      r5 += w[b + 5]! * v; r6 += w[b + 6]! * v; r7 += w[b + 7]! * v; r8 += w[b + 8]! * v; r9 += w[b + 9]! * v;
    } else {
      w0 += w[b]! * v; w1 += w[b + 1]! * v; w2 += w[b + 2]! * v; w3 += w[b + 3]! * v; w4 += w[b + 4]! * v;
      w5 += w[b + 5]! * v; w6 += w[b + 6]! * v; w7 += w[b + 7]! * v; w8 += w[b + 8]! * v; w9 += w[b + 9]! * v;
    }
  }
  rules[0] = r0; rules[1] = r1; rules[2] = r2; rules[3] = r3; rules[4] = r4;
  rules[5] = r5; rules[6] = r6; rules[7] = r7; rules[8] = r8; rules[9] = r9;
  words[0] = w0; words[1] = w1; words[2] = w2; words[3] = w3; words[4] = w4;
  words[5] = w5; words[6] = w6; words[7] = w7; words[8] = w8; words[9] = w9;
}
