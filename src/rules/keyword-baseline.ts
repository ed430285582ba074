import { join } from 'node:path';
import { z } from 'zod';
import { LEXICON_DIR } from '../paths.js';
import { TAG_IDS, type PerTag, type TagId } from '../tags.js';
import { readJson } from '../text/resources.js';

export const STREET_ASB_FAMILIES = ['begging', 'homeless', 'street_drinking', 'drunk', 'abusive_language'] as const;
export type StreetAsbFamily = (typeof STREET_ASB_FAMILIES)[number];

const KeywordFile = z.object({
  description: z.string(),
  street_asb_families: z.object(Object.fromEntries(STREET_ASB_FAMILIES.map((f) => [f, z.array(z.string().min(1)).min(1)])) as Record<StreetAsbFamily, z.ZodArray<z.ZodString>>),
  tags: z.object(Object.fromEntries(TAG_IDS.map((t) => [t, z.array(z.string().min(1)).min(1)])) as Record<TagId, z.ZodArray<z.ZodString>>),
});

/** The partnership's keyword method (lexicons/keyword-baseline.json): case-insensitive "contains". */
export interface KeywordBaseline {
  readonly keywords: PerTag<readonly string[]>;
  tags(text: string): TagId[];
  /** Which keywords of a tag the text contains. */
  matches(text: string, tag: TagId): string[];
  /** The partnership's street-ASB keyword families the text matches. */
  streetFamilies(text: string): StreetAsbFamily[];
}

export function loadKeywordBaseline(dir = LEXICON_DIR): KeywordBaseline {
  const file = KeywordFile.parse(readJson(join(dir, 'keyword-baseline.json')));
  const lowered = Object.fromEntries(TAG_IDS.map((t) => [t, file.tags[t].map((k) => k.toLowerCase())])) as PerTag<string[]>;
  const matches = (text: string, tag: TagId): string[] => {
    const lower = text.toLowerCase();
    return lowered[tag].filter((k) => lower.includes(k));
  };
  const families = STREET_ASB_FAMILIES.map((f) => [f, file.street_asb_families[f].map((k) => k.toLowerCase())] as const);
  return {
    keywords: file.tags,
    matches,
    streetFamilies: (text) => {
      const lower = text.toLowerCase();
      return families.filter(([, ks]) => ks.some((k) => lower.includes(k))).map(([f]) => f);
    },
    tags: (text) => TAG_IDS.filter((t) => matches(text, t).length > 0),
  };
}
