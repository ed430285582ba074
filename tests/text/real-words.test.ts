import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pluralsList, realWordsList } from '../../src/rules/real-words-file.js';
import { LEXICON_DIR } from '../../src/paths.js';
import { realWordsNear } from '../../src/text/real-words.js';

describe('the generated lexicon files', () => {
  it('lexicons/plurals.json is what `npm run lexicon:generate` makes from today\'s lexicons', () => {
    const shipped = JSON.parse(readFileSync(join(LEXICON_DIR, 'plurals.json'), 'utf8'));
    expect(shipped).toEqual(pluralsList(LEXICON_DIR));
  });

  it('lexicons/real-words.json is what `npm run lexicon:generate` makes from today\'s lexicons and the dictionary', () => {
    const dictionary = createRequire(import.meta.url)('an-array-of-english-words') as string[];
    const shipped = JSON.parse(readFileSync(join(LEXICON_DIR, 'real-words.json'), 'utf8'));
    expect(shipped).toEqual(realWordsList(LEXICON_DIR, dictionary));
  });

  it('finds the real words one edit from a target, and only those', () => {
    expect(realWordsNear(['drunken', 'queers'], ['drunker', 'queens', 'queues', 'trunk', 'queers', 'drunk'], 6)).toEqual(['drunker', 'queens']);
  });
});
