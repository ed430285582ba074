#!/usr/bin/env node
// Writes tests/tagger/shipped-snapshot.jsonl: the shipped tagger's results on
// every 39th corpus record (about 200), which tests/tagger/shipped-snapshot.test.ts
// compares against. Re-run (after npm run build) only when a change of
// predictions is intended, and say so in the commit.
import { writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCorpus } from '../dist/corpus/store.js';
import { createTagger } from '../dist/tagger/tagger.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const STRIDE = 39;
const tagger = createTagger();
const sample = readCorpus(join(root, 'corpus', 'corpus.jsonl')).filter((_, i) => i % STRIDE === 0);
const out = join(root, 'tests', 'tagger', 'shipped-snapshot.jsonl');
writeFileSync(out, sample.map((r) => JSON.stringify(tagger.tag(r.text, r.id))).join('\n') + '\n');
console.error(`motag: wrote ${sample.length} results of ${tagger.model} to ${out}`);
