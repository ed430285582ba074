#!/usr/bin/env node
// The two reference passes npm run bench:batch puts beside motag, run on the
// same export: node scripts/bench-reference.mjs floor|regex IN OUT
//  - floor: csv-parse -> csv-stringify with motag's output columns and
//    constant results: what reading and writing the file costs at least;
//  - regex: the same, with one case-insensitive regex of 250 lexicon phrases
//    run over every narrative to fill the tag columns: the simplest tagger a
//    user could write instead.
import { createReadStream, createWriteStream, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify';
import { TAG_IDS } from '../dist/tags.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [mode, input, output] = process.argv.slice(2);
if (mode !== 'floor' && mode !== 'regex') throw new Error('usage: bench-reference.mjs floor|regex IN OUT');

// 250 plain phrases (no prefixes, gaps or alternatives), 25 from each tag's lexicon.
const tagOf = new Map();
for (const file of readdirSync(join(root, 'lexicons', 'tags')).sort()) {
  const lex = JSON.parse(readFileSync(join(root, 'lexicons', 'tags', file), 'utf8'));
  const plain = lex.families.flatMap((f) => f.entries).filter((e) => /^[a-z' ]+$/i.test(e) && !tagOf.has(e.toLowerCase()));
  for (const e of plain.slice(0, 25)) tagOf.set(e.toLowerCase(), lex.tag);
}
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const PHRASES = new RegExp(`\\b(?:${[...tagOf.keys()].sort((a, b) => b.length - a.length).map(escape).join('|')})\\b`, 'gi');

const stamp = new Date().toISOString();
const zeros = TAG_IDS.map(() => '0');
let columns = null;
const tagRow = new Transform({
  objectMode: true,
  transform(row, _enc, done) {
    if (!columns) columns = Object.keys(row);
    const tags = new Set();
    if (mode === 'regex') for (const m of row.MO_text.matchAll(PHRASES)) tags.add(tagOf.get(m[0].toLowerCase()));
    const flags = mode === 'regex' ? TAG_IDS.map((t) => (tags.has(t) ? '1' : '0')) : zeros;
    const scores = mode === 'regex' ? TAG_IDS.map((t) => (tags.has(t) ? '0.9' : '0.1')) : zeros;
    done(null, [...columns.map((c) => row[c]), ...flags, ...scores, [...tags].join('; '), '', 'reference', stamp]);
  },
});
await pipeline(createReadStream(input), parse({ columns: true, bom: true }), tagRow, stringify({ header: false }), createWriteStream(output));
