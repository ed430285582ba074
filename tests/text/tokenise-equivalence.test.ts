import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCorpus } from '../../src/corpus/store.js';
import { LEXICON_DIR, PACKAGE_ROOT } from '../../src/paths.js';
import { loadTextResources } from '../../src/text/resources.js';
import { tokenise } from '../../src/text/tokenise.js';
import { referenceTokenise } from './reference-tokenise.js';

/* The tokeniser must give exactly the tokens it gave before its speed-ups, on every corpus record. */
describe('the tokeniser against the one it replaced', () => {
  it('gives the same tokens on every corpus record, as written, upper-cased and with curly apostrophes', () => {
    const res = loadTextResources(LEXICON_DIR);
    const corpus = readCorpus(join(PACKAGE_ROOT, 'corpus', 'corpus.jsonl'));
    expect(corpus.length).toBeGreaterThan(7000);
    const differ: string[] = [];
    for (const r of corpus) {
      for (const text of [r.text, r.text.toUpperCase(), r.text.replaceAll("'", '’')]) {
        if (JSON.stringify(tokenise(text, res)) !== JSON.stringify(referenceTokenise(text, res))) differ.push(text.slice(0, 80));
      }
    }
    expect(differ).toEqual([]);
  });
});
