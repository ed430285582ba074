import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCorpus } from '../../src/corpus/store.js';
import { LEXICON_DIR, PACKAGE_ROOT } from '../../src/paths.js';
import type { Match } from '../../src/rules/matcher.js';
import { loadRuleSet, type PhraseOwner } from '../../src/rules/ruleset.js';
import { loadTextResources } from '../../src/text/resources.js';
import { tokenise } from '../../src/text/tokenise.js';
import { ReferenceMatcher } from './reference-matcher.js';

/*
 * The trie matcher (src/rules/matcher.ts) must find exactly what the matcher
 * before it found, in the same order, on every corpus record: every later
 * step (longest match, scopes, roles) reads the matches in that order.
 */
const rules = loadRuleSet(LEXICON_DIR);
const text = loadTextResources(LEXICON_DIR);
const reference = new ReferenceMatcher<PhraseOwner>();
const { phrases, unmasking } = rules.matcher.source();
for (const { phrase, owner } of phrases) reference.add(phrase, owner);
reference.allowUnmasking(unmasking);
const corpus = readCorpus(join(PACKAGE_ROOT, 'corpus', 'corpus.jsonl'));

// The owner object itself (shared by both matchers) and the span: the same match, or not.
const key = (m: Match<PhraseOwner>): [PhraseOwner, string, number, number] => [m.owner, m.pattern.source, m.first, m.last];

describe('the trie matcher against the matcher it replaced', () => {
  it('holds every lexicon phrase, with the words masked slurs are resolved against', () => {
    expect(phrases.length).toBeGreaterThan(3000);
    expect(unmasking.length).toBeGreaterThan(50);
  });

  it('finds the same matches in the same order on every corpus record, as written, upper-cased and run together', () => {
    expect(corpus.length).toBeGreaterThan(7000);
    const texts = corpus.flatMap((r, i) => [r.text, r.text.toUpperCase(), `${r.text} ${corpus[(i + 1) % corpus.length]!.text}`]);
    let differ = 0;
    let matches = 0;
    const firstDiffer: string[] = [];
    for (const t of texts) {
      const tokens = tokenise(t, text).tokens;
      const got = rules.matcher.findAll(tokens);
      const want = reference.findAll(tokens);
      matches += want.length;
      const same = got.length === want.length && got.every((m, k) => key(m).every((v, j) => v === key(want[k]!)[j]));
      if (!same) {
        differ++;
        if (firstDiffer.length < 3) firstDiffer.push(t.slice(0, 120));
      }
    }
    expect(firstDiffer).toEqual([]);
    expect(differ).toBe(0);
    expect(matches).toBeGreaterThan(100_000);
  });
});
