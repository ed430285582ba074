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
  /** Every place a keyword of the tag occurs, widened to the word that holds it ("bar" in "battery"), in text order. */
  hits(text: string, tag: TagId): KeywordHit[];
  /** The partnership's street-ASB keyword families the text matches. */
  streetFamilies(text: string): StreetAsbFamily[];
}

/** A keyword found in the text, with the whole word that holds it: the method's "contains" is a substring test. */
export interface KeywordHit {
  readonly keyword: string;
  /** Offsets into the text; -1 when lower-casing changed the text's length, so offsets would not be the narrative's. */
  readonly start: number;
  readonly end: number;
  /** The word (or words, for a keyword with spaces) around the match, as written. */
  readonly word: string;
  /** The keyword matched part of a longer word rather than a word of its own. */
  readonly insideWord: boolean;
}

const WORD_CHAR = /[\p{L}\p{N}'’*-]/u;

function findHits(text: string, keywords: readonly string[]): KeywordHit[] {
  const lower = text.toLowerCase();
  if (lower.length !== text.length) return keywords.map((keyword) => ({ keyword, start: -1, end: -1, word: keyword, insideWord: false }));
  const hits: KeywordHit[] = [];
  for (const keyword of keywords) {
    for (let at = lower.indexOf(keyword); at >= 0; at = lower.indexOf(keyword, at + 1)) {
      let from = at;
      let to = at + keyword.length;
      while (from > 0 && WORD_CHAR.test(text[from - 1]!)) from--;
      while (to < text.length && WORD_CHAR.test(text[to]!)) to++;
      hits.push({ keyword, start: at, end: at + keyword.length, word: text.slice(from, to), insideWord: from < at || to > at + keyword.length });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
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
    hits: (text, tag) => findHits(text, matches(text, tag)),
    streetFamilies: (text) => {
      const lower = text.toLowerCase();
      return families.filter(([, ks]) => ks.some((k) => lower.includes(k))).map(([f]) => f);
    },
    tags: (text) => TAG_IDS.filter((t) => matches(text, t).length > 0),
  };
}
