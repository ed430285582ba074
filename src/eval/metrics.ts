import { TAG_IDS, perTag, type PerTag, type TagId } from '../tags.js';

/** Gold and predicted tag sets for one record. */
export interface Pair {
  readonly gold: ReadonlySet<TagId>;
  readonly predicted: ReadonlySet<TagId>;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Prf {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export function countsPerTag(pairs: readonly Pair[], indices?: readonly number[]): PerTag<Counts> {
  const c = perTag<Counts>(() => ({ tp: 0, fp: 0, fn: 0 }));
  const visit = (p: Pair): void => {
    for (const t of TAG_IDS) {
      const g = p.gold.has(t);
      const y = p.predicted.has(t);
      if (g && y) c[t].tp++;
      else if (y) c[t].fp++;
      else if (g) c[t].fn++;
    }
  };
  if (indices) for (const i of indices) visit(pairs[i]!);
  else for (const p of pairs) visit(p);
  return c;
}

/**
 * Precision, recall and F1. With no predictions precision is 1 by convention
 * only when there was nothing to find; otherwise 0, so a silent tagger never
 * scores well on a tag that has positives.
 */
export function prf({ tp, fp, fn }: Counts): Prf {
  const precision = tp + fp === 0 ? (fn === 0 ? 1 : 0) : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

export function micro(counts: PerTag<Counts>): Prf {
  const sum = { tp: 0, fp: 0, fn: 0 };
  for (const t of TAG_IDS) {
    sum.tp += counts[t].tp;
    sum.fp += counts[t].fp;
    sum.fn += counts[t].fn;
  }
  return prf(sum);
}

export function macro(counts: PerTag<Counts>): Prf {
  const all = TAG_IDS.map((t) => prf(counts[t]));
  const mean = (k: keyof Prf): number => all.reduce((s, x) => s + x[k], 0) / all.length;
  return { precision: mean('precision'), recall: mean('recall'), f1: mean('f1') };
}
