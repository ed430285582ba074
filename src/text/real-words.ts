import { createRequire } from 'node:module';

/*
 * The real words one edit away from a word the obfuscation reader restores
 * ("trunk" beside "drunk", "queen" beside "queer", "beach" beside "teach"):
 * they must never be rewritten. A full English dictionary (275,000 words)
 * costs 50 MB and a quarter of a second in every process, so the few
 * hundred words that matter are picked out of it ahead of time by
 * `npm run lexicon:generate` into lexicons/real-words.json, and a test
 * checks that file against the dictionary and today's vocabulary.
 */
interface DistanceModule {
  DamerauLevenshteinDistance(a: string, b: string): number;
}
// natural's distance sub-module alone: its top-level import prints to stdout and loads database drivers.
const distance = createRequire(import.meta.url)('natural/lib/natural/distance/levenshtein_distance.js') as DistanceModule;

/** Damerau-Levenshtein distance (a swap of two neighbouring letters is one edit). */
function editDistance(a: string, b: string): number {
  return distance.DamerauLevenshteinDistance(a, b);
}

/** Each of a word's one-letter deletions: two words within one edit share one of these or each other. */
function deletionsOf(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/**
 * The words of a vocabulary one edit from a given word, found with a
 * symmetric-delete index (each word and its one-letter deletions point back
 * to it, so a look-up costs one map read per letter) and confirmed with
 * Damerau-Levenshtein distance. The obfuscation reader restores words with
 * it, and the real-words list is picked out of the dictionary with it.
 */
export class OneEditIndex {
  private readonly keys = new Map<string, string[]>();

  constructor(words: Iterable<string>) {
    for (const w of words) {
      for (const key of [w, ...deletionsOf(w)]) {
        const list = this.keys.get(key);
        if (!list) this.keys.set(key, [w]);
        else if (!list.includes(w)) list.push(w);
      }
    }
  }

  /** The indexed words exactly one edit from `word` (a swap of two neighbouring letters is one edit). */
  near(word: string): string[] {
    const candidates = new Set<string>();
    for (const key of [word, ...deletionsOf(word)]) for (const c of this.keys.get(key) ?? []) candidates.add(c);
    return [...candidates].filter((c) => editDistance(word, c) === 1);
  }
}

/** Real words of the dictionary one edit from a target, the targets themselves left out; sorted. */
export function realWordsNear(targets: Iterable<string>, dictionary: Iterable<string>, minLength: number): string[] {
  const targetSet = new Set(targets);
  const index = new OneEditIndex([...targetSet].filter((t) => t.length >= minLength));
  const found: string[] = [];
  for (const w of dictionary) {
    if (!targetSet.has(w) && w.length >= minLength - 1 && index.near(w).length > 0) found.push(w);
  }
  return [...new Set(found)].sort();
}
