import type { Token } from '../text/tokens.js';
import type { Pattern } from './pattern.js';

/*
 * Phrases made only of whole words ("door staff", "ex|former partner") are
 * most of every lexicon (about 3,000 of them). Walking a trie of their words
 * from each token finds all of them that start there in one walk, however
 * many share a first word ("his wife", "his partner", "his ex ..."), instead
 * of trying each phrase on its own. Phrases with gaps or prefixes stay on the
 * general path (matcher.ts).
 */

/** A phrase that ends at a trie node, with its place in the order phrases were added. */
export interface TrieEnd<E> {
  readonly seq: number;
  readonly entry: E;
}

interface Node<E> {
  readonly next: Map<string, Node<E>>;
  readonly ends: TrieEnd<E>[];
}

const node = <E>(): Node<E> => ({ next: new Map(), ends: [] });

/** Whether a pattern can go in the trie: every position a set of whole words, no gaps, no prefixes. */
export function isWordsOnly(pattern: Pattern): boolean {
  return pattern.specs.every((s) => s.kind === 'word' && s.prefixes.length === 0);
}

export class PhraseTrie<E> {
  private readonly root = node<E>();

  /** Adds every word sequence the pattern's alternatives spell out; `pattern` must pass isWordsOnly. */
  add(pattern: Pattern, end: TrieEnd<E>): void {
    let level: Node<E>[] = [this.root];
    for (const spec of pattern.specs) {
      if (spec.kind !== 'word') throw new Error(`motag: pattern "${pattern.source}" has a gap and cannot go in the trie`);
      const nextLevel: Node<E>[] = [];
      for (const n of level) {
        for (const w of spec.words) {
          let child = n.next.get(w);
          if (!child) n.next.set(w, (child = node()));
          if (!nextLevel.includes(child)) nextLevel.push(child);
        }
      }
      level = nextLevel;
    }
    for (const n of level) n.ends.push(end);
  }

  /**
   * Calls found(end, last) for every phrase that starts at token `first`,
   * shortest first, never crossing a sentence boundary (as matchAt in
   * pattern.ts). A token matches one word of a position at most, so a phrase
   * is found at most once per start.
   */
  walk(tokens: readonly Token[], first: number, found: (end: TrieEnd<E>, last: number) => void): void {
    const sentence = tokens[first]!.sentence;
    let n = this.root.next.get(tokens[first]!.norm);
    for (let j = first; n !== undefined; ) {
      for (const e of n.ends) found(e, j);
      j++;
      const t = tokens[j];
      if (t === undefined || t.sentence !== sentence) return;
      n = n.next.get(t.norm);
    }
  }
}
