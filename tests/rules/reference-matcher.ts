/*
 * The phrase matcher as it was before the trie (one candidate list per first
 * word, every prefix phrase tried at every token), kept only so
 * matcher-equivalence.test.ts can show the trie matcher finds the same
 * matches in the same order.
 */
import type { Token } from '../../src/text/tokens.js';
import { compilePattern, matchAt, type Pattern } from '../../src/rules/pattern.js';
import type { Match } from '../../src/rules/matcher.js';


interface Entry<Owner> {
  readonly owner: Owner;
  readonly pattern: Pattern;
}

/**
 * Finds every phrase of every lexicon in one pass over the tokens. Phrases are
 * indexed by their first word, so the cost per token is one map look-up plus
 * the few phrases that start with a prefix pattern.
 */
export class ReferenceMatcher<Owner> {
  private readonly byFirstWord = new Map<string, Entry<Owner>[]>();
  private readonly byFirstPrefix: { prefix: string; entry: Entry<Owner> }[] = [];

  add(phrase: string, owner: Owner): void {
    const pattern = compilePattern(phrase);
    const entry = { owner, pattern };
    const first = pattern.specs[0]!;
    if (first.kind !== 'word') throw new Error(`motag: pattern "${phrase}" must start with a word`);
    for (const w of first.words) {
      const list = this.byFirstWord.get(w);
      if (list) list.push(entry);
      else this.byFirstWord.set(w, [entry]);
    }
    for (const prefix of first.prefixes) this.byFirstPrefix.push({ prefix, entry });
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
    for (let i = 0; i < tokens.length; i++) {
      const norm = tokens[i]!.norm;
      const exact = this.byFirstWord.get(norm);
      if (exact) for (const e of exact) this.tryAt(e, tokens, i, out);
      for (const { prefix, entry } of this.byFirstPrefix) {
        if (norm.startsWith(prefix)) this.tryAt(entry, tokens, i, out);
      }
    }
    return out;
  }

  private tryAt(entry: Entry<Owner>, tokens: readonly Token[], i: number, out: Match<Owner>[]): void {
    const last = matchAt(entry.pattern.specs, tokens, i);
    if (last >= 0) out.push({ owner: entry.owner, pattern: entry.pattern, first: i, last });
  }
}

