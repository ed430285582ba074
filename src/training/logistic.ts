import { seededRandom, shuffleInPlace } from '../random.js';
import { sigmoid } from '../model/calibration.js';
import type { WeightedIndex } from '../model/features.js';

/*
 * A small binary logistic regression over hashed sparse features, written
 * here because npm has no fast sparse one. Trained with AdaGrad on the log
 * loss plus L2, in a seeded shuffled order, so the same data and seed give
 * the same weights bit for bit.
 */
export interface TrainOptions {
  readonly epochs: number;
  readonly l2: number;
  readonly learningRate: number;
  /** Weight of a positive example relative to a negative one. */
  readonly positiveWeight: number;
  readonly seed: number;
}

export interface Example {
  readonly features: readonly WeightedIndex[];
  readonly label: 0 | 1;
  /** How much the example counts (default 1): balances real records against synthetic ones. */
  readonly weight?: number;
  /** A fixed margin the fitted weights add to (default 0): the rule stage's margin when fitting the word stage. */
  readonly offset?: number;
}

export function dot(weights: Float32Array, features: readonly WeightedIndex[]): number {
  let z = 0;
  for (const f of features) z += weights[f.index]! * f.value;
  return z;
}

export function trainLogistic(examples: readonly Example[], size: number, opts: TrainOptions): Float32Array {
  const w = new Float32Array(size);
  const g2 = new Float32Array(size).fill(1e-8);
  const order = examples.map((_, i) => i);
  const rand = seededRandom(opts.seed);
  const n = Math.max(1, examples.length);
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    shuffleInPlace(order, rand);
    for (const i of order) {
      const ex = examples[i]!;
      const p = sigmoid((ex.offset ?? 0) + dot(w, ex.features));
      const scale = (ex.label === 1 ? opts.positiveWeight : 1) * (ex.weight ?? 1);
      const err = (p - ex.label) * scale;
      for (const f of ex.features) {
        // L2 is spread over the examples so its total per epoch is l2 * |w|.
        const grad = err * f.value + (opts.l2 / n) * w[f.index]!;
        g2[f.index]! += grad * grad;
        w[f.index]! -= (opts.learningRate * grad) / Math.sqrt(g2[f.index]!);
      }
    }
  }
  return w;
}
