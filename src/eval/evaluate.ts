import type { GoldRecord } from '../corpus/record.js';
import type { TagResult } from '../tagger/result.js';
import { TAG_IDS, perTag, type PerTag, type TagId } from '../tags.js';
import { bootstrapF1, type Interval } from './bootstrap.js';
import { countsPerTag, macro, micro, prf, type Counts, type Pair, type Prf } from './metrics.js';

export interface TagScore extends Prf, Counts {
  readonly support: number;
  readonly f1Interval: Interval;
}

export interface SystemScore {
  readonly name: string;
  readonly perTag: PerTag<TagScore>;
  readonly micro: Prf & { readonly f1Interval: Interval };
  readonly macro: Prf & { readonly f1Interval: Interval };
}

/** How often a cue family fired on records that do not carry its tag. */
export interface FamilyPrecision {
  readonly family: string;
  readonly tag: TagId;
  readonly fired: number;
  readonly onNegatives: number;
  readonly precision: number;
}

export interface ErrorCase {
  readonly kind: 'false_positive' | 'false_negative';
  readonly tag: TagId;
  readonly id: string;
  readonly text: string;
  readonly score: number;
  /** For a false positive, the evidence that gave the tag; for a false negative, the cues that were discounted. */
  readonly cues: readonly { text: string; source: string; reason?: string }[];
}

export interface EvalReport {
  readonly records: number;
  readonly systems: readonly SystemScore[];
  readonly families: readonly FamilyPrecision[];
  readonly errors: readonly ErrorCase[];
}

export function scoreSystem(name: string, gold: readonly GoldRecord[], predicted: readonly ReadonlySet<TagId>[]): SystemScore {
  const pairs: Pair[] = gold.map((g, i) => ({ gold: goldSet(g), predicted: predicted[i]! }));
  const counts = countsPerTag(pairs);
  const ci = bootstrapF1(pairs);
  return {
    name,
    perTag: perTag((t) => ({ ...counts[t], ...prf(counts[t]), support: counts[t].tp + counts[t].fn, f1Interval: ci.perTag[t] })),
    micro: { ...micro(counts), f1Interval: ci.micro },
    macro: { ...macro(counts), f1Interval: ci.macro },
  };
}

export function goldSet(g: GoldRecord): Set<TagId> {
  return new Set(TAG_IDS.filter((t) => g.labels[t] === 1));
}

export function familyPrecision(gold: readonly GoldRecord[], results: readonly TagResult[]): FamilyPrecision[] {
  const stats = new Map<string, { tag: TagId; fired: number; onNegatives: number }>();
  results.forEach((r, i) => {
    const seen = new Set<string>();
    for (const e of r.evidence) {
      if (seen.has(e.source)) continue;
      seen.add(e.source);
      const s = stats.get(e.source) ?? { tag: e.tag, fired: 0, onNegatives: 0 };
      s.fired++;
      if (gold[i]!.labels[e.tag] === 0) s.onNegatives++;
      stats.set(e.source, s);
    }
  });
  return [...stats.entries()]
    .map(([source, s]) => ({ family: source.replace(/^lexicon:/, ''), ...s, precision: (s.fired - s.onNegatives) / s.fired }))
    .sort((a, b) => a.tag.localeCompare(b.tag) || a.family.localeCompare(b.family));
}

export function errorCases(gold: readonly GoldRecord[], results: readonly TagResult[]): ErrorCase[] {
  const out: ErrorCase[] = [];
  results.forEach((r, i) => {
    const g = gold[i]!;
    for (const tag of TAG_IDS) {
      const yes = r.tags.includes(tag);
      if (yes && g.labels[tag] === 0) {
        const cues = r.evidence.filter((e) => e.tag === tag).map((e) => ({ text: e.text, source: e.source }));
        out.push({ kind: 'false_positive', tag, id: g.id, text: g.text, score: r.scores[tag], cues });
      } else if (!yes && g.labels[tag] === 1) {
        const cues = [
          ...r.evidence.filter((e) => e.tag === tag).map((e) => ({ text: e.text, source: e.source, reason: `counted ${e.weight}` })),
          ...r.discounted.filter((d) => d.tag === tag).map((d) => ({ text: d.text, source: d.source, reason: d.reason })),
        ];
        out.push({ kind: 'false_negative', tag, id: g.id, text: g.text, score: r.scores[tag], cues });
      }
    }
  });
  return out;
}
