#!/usr/bin/env node
// Writes lexicons/real-words.json: the English words one edit away from a word
// the obfuscation reader restores, which it must never rewrite (see
// src/text/real-words.ts). Run after changing the group, slur or stance lexicons:
//   npm run lexicon:real-words            (tests/text/real-words.test.ts checks it is current)
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { realWordsList } from '../dist/rules/real-words-file.js';
import { LEXICON_DIR } from '../dist/paths.js';

const dictionary = createRequire(import.meta.url)('an-array-of-english-words');
const file = join(LEXICON_DIR, 'real-words.json');
const list = realWordsList(LEXICON_DIR, dictionary);
writeFileSync(file, JSON.stringify(list, null, 2) + '\n');
console.log(`${file}: ${list.words.length} real words near the hate vocabulary`);
