import type { Token } from '../text/tokens.js';
import { compilePattern, matchAt, type Pattern } from './pattern.js';
import { PhraseTrie, isWordsOnly, type TrieEnd } from './phrase-trie.js';

/** A pattern found in the token stream: tokens first..last inclusive. */
export interface Match<Owner> {
  readonly owner: Owner;
  readonly pattern: Pattern;
  readonly first: number;
  readonly last: number;
}

interface Entry<Owner> {
  readonly owner: Owner;
  readonly pattern: Pattern;
  /** Its place in the order phrases were added: matches starting at one token come out in this order. */
  readonly seq: number;
}

/** A prefix alternative of a phrase's first word, filed under the prefix's first three letters. */
interface PrefixStart<Owner> {
  readonly prefix: string;
  readonly entry: Entry<Owner>;
}

/** Prefixes are at least 3 letters (pattern.ts), so the first three characters of a token pick the few that can match. */
const PREFIX_KEY_CHARS = 3;
function prefixKey(s: string): number {
  return s.length < PREFIX_KEY_CHARS ? -1 : (s.charCodeAt(0) * 65536 + s.charCodeAt(1)) * 65536 + s.charCodeAt(2);
}

/**
 * Finds every phrase of every lexicon in one pass over the tokens. Phrases of
 * whole words only go in a trie walked once from each token (phrase-trie.ts);
 * the rest (gaps, prefixes) are indexed by their first word, or by the first
 * three letters of a prefix first word. Matches come out by first token, and
 * at one token in the order the old one-list-per-first-word matcher gave
 * them (exact first words in the order phrases were added, then prefix first
 * words in that order), which every later step relies on.
 */
export class PhraseMatcher<Owner> {
  private readonly trie = new PhraseTrie<Entry<Owner>>();
  private readonly byFirstWord = new Map<string, Entry<Owner>[]>();
  private readonly byPrefixKey = new Map<number, PrefixStart<Owner>[]>();
  private readonly added: { phrase: string; owner: Owner }[] = [];

  add(phrase: string, owner: Owner): void {
    const pattern = compilePattern(phrase);
    const entry = { owner, pattern, seq: this.added.length };
    this.added.push({ phrase, owner });
    const first = pattern.specs[0]!;
    if (first.kind !== 'word') throw new Error(`motag: pattern "${phrase}" must start with a word`);
    if (isWordsOnly(pattern)) {
      this.trie.add(pattern, { seq: entry.seq, entry });
      return;
    }
    for (const w of first.words) {
      const list = this.byFirstWord.get(w);
      if (list) list.push(entry);
      else this.byFirstWord.set(w, [entry]);
    }
    for (const prefix of first.prefixes) {
      const key = prefixKey(prefix);
      const list = this.byPrefixKey.get(key);
      if (list) list.push({ prefix, entry });
      else this.byPrefixKey.set(key, [{ prefix, entry }]);
    }
  }

  private readonly unmaskingWords: string[] = [];

  /** What was added, in order (the equivalence test rebuilds the old matcher from it). */
  source(): { readonly phrases: readonly { phrase: string; owner: Owner }[]; readonly unmasking: readonly string[] } {
    return { phrases: this.added, unmasking: this.unmaskingWords };
  }

  /**
   * Words a masked token may stand for: officers write slurs with asterisks
   * ("cr*pple", "f*gs"), and an asterisk stands for one letter. Only words of
   * the families passed to allowUnmasking are candidates, and only a single
   * candidate is accepted, so "p***" (paki or poof?) stays unresolved.
   */
  private readonly maskable = new Map<number, string[]>();

  allowUnmasking(words: Iterable<string>): void {
    for (const w of words) {
      this.unmaskingWords.push(w);
      if (w.includes('*') || w.length < 3) continue;
      const list = this.maskable.get(w.length) ?? [];
      if (!list.includes(w)) list.push(w);
      this.maskable.set(w.length, list);
    }
  }

  private unmask(token: Token): Token {
    if (!token.norm.includes('*')) return token;
    const pattern = new RegExp(`^${token.norm.replace(/[^a-z0-9*']/g, '').replace(/\*/g, '[a-z]')}$`);
    const candidates = (this.maskable.get(token.norm.length) ?? []).filter((w) => pattern.test(w));
    return candidates.length === 1 ? { ...token, norm: candidates[0]! } : token;
  }

  findAll(input: readonly Token[]): Match<Owner>[] {
    const tokens = this.maskable.size > 0 && input.some((t) => t.norm.includes('*')) ? input.map((t) => this.unmask(t)) : input;
    const out: Match<Owner>[] = [];
    // Exact-first-word matches at the current token (trie and first-word
    // lists), each with its phrase's seq, sorted into phrase order before they go out.
    const here: Match<Owner>[] = [];
    const seqs: number[] = [];
    let i = 0;
    const fromTrie = (end: TrieEnd<Entry<Owner>>, last: number): void => {
      here.push({ owner: end.entry.owner, pattern: end.entry.pattern, first: i, last });
      seqs.push(end.seq);
    };
    for (; i < tokens.length; i++) {
      const norm = tokens[i]!.norm;
      this.trie.walk(tokens, i, fromTrie);
      const exact = this.byFirstWord.get(norm);
      if (exact) {
        for (const e of exact) {
          const last = matchAt(e.pattern.specs, tokens, i);
          if (last < 0) continue;
          here.push({ owner: e.owner, pattern: e.pattern, first: i, last });
          seqs.push(e.seq);
        }
      }
      if (here.length > 0) {
        pushInSeqOrder(here, seqs, out);
        here.length = 0;
        seqs.length = 0;
      }
      const starts = this.byPrefixKey.get(prefixKey(norm));
      if (!starts) continue;
      for (const { prefix, entry } of starts) {
        if (!norm.startsWith(prefix)) continue;
        const last = matchAt(entry.pattern.specs, tokens, i);
        if (last >= 0) out.push({ owner: entry.owner, pattern: entry.pattern, first: i, last });
      }
    }
    return out;
  }
}

/** Appends `matches` to `out` ordered by `seqs` (a handful at one token: insertion sort, stable). */
function pushInSeqOrder<M>(matches: M[], seqs: number[], out: M[]): void {
  for (let a = 1; a < matches.length; a++) {
    const m = matches[a]!;
    const s = seqs[a]!;
    let b = a - 1;
    for (; b >= 0 && seqs[b]! > s; b--) {
      matches[b + 1] = matches[b]!;
      seqs[b + 1] = seqs[b]!;
    }
    matches[b + 1] = m;
    seqs[b + 1] = s;
  }
  for (const m of matches) out.push(m);
}

/** Two matches share at least one token. */
export function overlaps(a: { first: number; last: number }, b: { first: number; last: number }): boolean {
  return a.first <= b.last && b.first <= a.last;
}

/** Longest first, then earliest: the order in which overlapping matches claim their tokens. */
export function byLength<T extends { first: number; last: number }>(matches: readonly T[]): T[] {
  return [...matches].sort((a, b) => b.last - b.first - (a.last - a.first) || a.first - b.first);
}

/**
 * Overlapping matches of the same key collapse to the longest, then the
 * earliest ("gay men" over "gay" for one group, "kill all" over "kill" for one
 * family); matches of different keys may overlap. Returned in text order.
 */
export function longestPerKey<T extends { first: number; last: number }, K>(matches: readonly T[], key: (m: T) => K): T[] {
  const claimed = new Map<K, Set<number>>();
  const kept: T[] = [];
  for (const m of byLength(matches)) {
    const k = key(m);
    let taken = claimed.get(k);
    if (!taken) claimed.set(k, (taken = new Set()));
    if (claims(taken, m)) kept.push(m);
  }
  return kept.sort((a, b) => a.first - b.first);
}

/** Claims the match's tokens when none is taken yet. */
function claims(taken: Set<number>, m: { first: number; last: number }): boolean {
  for (let i = m.first; i <= m.last; i++) if (taken.has(i)) return false;
  for (let i = m.first; i <= m.last; i++) taken.add(i);
  return true;
}
