import { join } from 'node:path';
import { z } from 'zod';
import { LEXICON_DIR } from '../paths.js';
import { TAG_IDS, type PerTag, type TagId } from '../tags.js';
import { readJson } from '../text/resources.js';

const KeywordFile = z.object({
  description: z.string(),
  tags: z.object(Object.fromEntries(TAG_IDS.map((t) => [t, z.array(z.string().min(1)).min(1)])) as Record<TagId, z.ZodArray<z.ZodString>>),
});

/** The partnership's keyword method (lexicons/keyword-baseline.json): case-insensitive "contains". */
export interface KeywordBaseline {
  readonly keywords: PerTag<readonly string[]>;
  tags(text: string): TagId[];
  /** Which keywords of a tag the text contains (the street-ASB families are counted this way). */
  matches(text: string, tag: TagId): string[];
}

export function loadKeywordBaseline(dir = LEXICON_DIR): KeywordBaseline {
  const file = KeywordFile.parse(readJson(join(dir, 'keyword-baseline.json')));
  const lowered = Object.fromEntries(TAG_IDS.map((t) => [t, file.tags[t].map((k) => k.toLowerCase())])) as PerTag<string[]>;
  const matches = (text: string, tag: TagId): string[] => {
    const lower = text.toLowerCase();
    return lowered[tag].filter((k) => lower.includes(k));
  };
  return {
    keywords: file.tags,
    matches,
    tags: (text) => TAG_IDS.filter((t) => matches(text, t).length > 0),
  };
}
