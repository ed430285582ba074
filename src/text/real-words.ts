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
export function editDistance(a: string, b: string): number {
  return distance.DamerauLevenshteinDistance(a, b);
}

/** Each of a word's one-letter deletions: two words within one edit share one of these or each other. */
export function deletionsOf(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** Real words of the dictionary one edit from a target, the targets themselves left out; sorted. */
export function realWordsNear(targets: Iterable<string>, dictionary: Iterable<string>, minLength: number): string[] {
  const index = new Map<string, string[]>();
  const targetSet = new Set(targets);
  for (const t of targetSet) {
    if (t.length < minLength) continue;
    for (const key of [t, ...deletionsOf(t)]) index.set(key, [...(index.get(key) ?? []), t]);
  }
  const found = new Set<string>();
  for (const w of dictionary) {
    if (targetSet.has(w) || w.length < minLength - 1) continue;
    for (const key of [w, ...deletionsOf(w)]) {
      for (const t of index.get(key) ?? []) if (editDistance(w, t) === 1) found.add(w);
    }
  }
  return [...found].sort();
}
