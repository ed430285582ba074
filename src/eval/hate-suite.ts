import { readFileSync } from 'node:fs';
import type { Tagger } from '../tagger/tagger.js';
import { TAG_IDS, type TagId } from '../tags.js';

/*
 * The functional hate suite (issue 15, tests/functional/): statements of each
 * kind below, hateful and not, about every strand, inside police frames. A
 * hateful case is decided right when its strand is tagged; a case that is not
 * hateful is decided right when no hate strand is tagged at all.
 */
export const HATEFUL_KINDS = ['derogation', 'dehumanisation', 'implicit_derogation', 'threat', 'question', 'opinion', 'reference_back', 'slur', 'obfuscated'] as const;
export const NOT_HATEFUL_KINDS = ['counter_quote', 'counter_reference', 'neutral_mention', 'positive', 'negated', 'reclaimed_slur', 'slur_homonym', 'non_protected'] as const;
export const SUITE_KINDS = [...HATEFUL_KINDS, ...NOT_HATEFUL_KINDS] as const;
export type SuiteKind = (typeof SUITE_KINDS)[number];

export type SuiteCase =
  | { readonly id: string; readonly kind: (typeof HATEFUL_KINDS)[number]; readonly strand: string; readonly hateful: true; readonly text: string }
  | { readonly id: string; readonly kind: (typeof NOT_HATEFUL_KINDS)[number]; readonly strand: string | null; readonly hateful: false; readonly text: string };

const HATE_TAGS: readonly TagId[] = TAG_IDS.filter((t) => t.startsWith('hate_'));

export function readSuite(path: string): SuiteCase[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((line, i) => {
      const c = JSON.parse(line) as SuiteCase;
      const hateful = (HATEFUL_KINDS as readonly string[]).includes(c.kind);
      if (!(SUITE_KINDS as readonly string[]).includes(c.kind) || c.hateful !== hateful) throw new Error(`${path}:${i + 1}: kind "${c.kind}" and hateful ${c.hateful} do not agree`);
      if (hateful && !HATE_TAGS.includes(`hate_${c.strand}` as TagId)) throw new Error(`${path}:${i + 1}: unknown strand "${c.strand}"`);
      return c;
    });
}

export interface SuiteOutcome {
  readonly case: SuiteCase;
  readonly tags: readonly TagId[];
  readonly right: boolean;
}

export function decide(tagger: Tagger, c: SuiteCase): SuiteOutcome {
  const tags = tagger.tag(c.text).tags.filter((t) => HATE_TAGS.includes(t));
  const right = c.hateful ? tags.includes(`hate_${c.strand}` as TagId) : tags.length === 0;
  return { case: c, tags, right };
}

/** Share right per kind: cases of that kind decided right, and how many there were. */
export function shareByKind(outcomes: readonly SuiteOutcome[]): Record<SuiteKind, { right: number; n: number }> {
  const out = Object.fromEntries(SUITE_KINDS.map((k) => [k, { right: 0, n: 0 }])) as Record<SuiteKind, { right: number; n: number }>;
  for (const o of outcomes) {
    out[o.case.kind].n++;
    if (o.right) out[o.case.kind].right++;
  }
  return out;
}
