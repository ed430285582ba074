import { seededRandom } from '../random.js';
import { TAG_IDS, perTag, type PerTag } from '../tags.js';
import { countsPerTag, macro, micro, prf, type Pair } from './metrics.js';

export interface Interval {
  readonly low: number;
  readonly high: number;
}

export interface F1Intervals {
  readonly perTag: PerTag<Interval>;
  readonly micro: Interval;
  readonly macro: Interval;
}

/** 95% percentile bootstrap intervals for F1, resampling records with replacement. */
export function bootstrapF1(pairs: readonly Pair[], rounds = 1000, seed = 20261125): F1Intervals {
  const rand = seededRandom(seed);
  const tagSamples = perTag<number[]>(() => []);
  const microSamples: number[] = [];
  const macroSamples: number[] = [];
  const n = pairs.length;
  const indices = new Array<number>(n);
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < n; i++) indices[i] = Math.floor(rand() * n);
    const counts = countsPerTag(pairs, indices);
    for (const t of TAG_IDS) tagSamples[t].push(prf(counts[t]).f1);
    microSamples.push(micro(counts).f1);
    macroSamples.push(macro(counts).f1);
  }
  return { perTag: perTag((t) => interval(tagSamples[t])), micro: interval(microSamples), macro: interval(macroSamples) };
}

function interval(samples: number[]): Interval {
  if (samples.length === 0) return { low: 0, high: 0 };
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))]!;
  return { low: at(0.025), high: at(0.975) };
}
