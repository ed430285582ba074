#!/usr/bin/env node
// Writes the generated lexicon files after a change to the group, slur or
// stance lexicons (tests/text/real-words.test.ts checks both are current):
//   npm run lexicon:generate
// - lexicons/plurals.json: compromise's plural of every inflected lexicon noun;
// - lexicons/real-words.json: the English words one edit from a word the
//   obfuscation reader restores, which it must never rewrite.
// compromise and the dictionary are dev dependencies: the service reads only these files.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pluralsList, realWordsList } from '../dist/rules/real-words-file.js';
import { LEXICON_DIR } from '../dist/paths.js';

const plurals = pluralsList(LEXICON_DIR);
writeFileSync(join(LEXICON_DIR, 'plurals.json'), JSON.stringify(plurals, null, 2) + '\n');
console.log(`lexicons/plurals.json: ${Object.keys(plurals.plurals).length} nouns`);
const dictionary = createRequire(import.meta.url)('an-array-of-english-words');
const words = realWordsList(LEXICON_DIR, dictionary);
writeFileSync(join(LEXICON_DIR, 'real-words.json'), JSON.stringify(words, null, 2) + '\n');
console.log(`lexicons/real-words.json: ${words.words.length} real words near the hate vocabulary`);
