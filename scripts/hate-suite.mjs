#!/usr/bin/env node
// The functional hate suite (issue 15): share of cases decided right, by kind.
// Usage: npm run suite:hate [-- --rules-only] [--errors] [--json] [--suite FILE ...]
// A hateful case is right when its strand is tagged; a case that is not
// hateful is right when no hate strand is tagged. Two suites, written blind to
// the code by different writers: dev (rules were tuned on it) and held-out
// (never read while tuning; the figure to quote).
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTagger } from '../dist/tagger/tagger.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (f) => args.includes(f);
const suites = args.flatMap((a, i) => (args[i - 1] === '--suite' ? [a] : []));
const files = suites.length > 0 ? suites : ['hate-suite-dev.jsonl', 'hate-suite-heldout.jsonl'].map((f) => join(root, 'tests', 'functional', f));

export const HATEFUL_KINDS = ['derogation', 'dehumanisation', 'implicit_derogation', 'threat', 'question', 'opinion', 'reference_back', 'slur', 'obfuscated'];
export const NOT_HATEFUL_KINDS = ['counter_quote', 'counter_reference', 'neutral_mention', 'positive', 'negated', 'reclaimed_slur', 'slur_homonym', 'non_protected'];
const KINDS = [...HATEFUL_KINDS, ...NOT_HATEFUL_KINDS];

const tagger = createTagger(flag('--rules-only') ? { modelPath: null } : {});
const results = {};
const errors = [];
for (const file of files) {
  const cases = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const byKind = Object.fromEntries(KINDS.map((k) => [k, { right: 0, n: 0 }]));
  for (const c of cases) {
    const tags = tagger.tag(c.text).tags.filter((t) => t.startsWith('hate_'));
    const right = c.hateful ? tags.includes(`hate_${c.strand}`) : tags.length === 0;
    byKind[c.kind].n++;
    if (right) byKind[c.kind].right++;
    else errors.push({ suite: basename(file), id: c.id, kind: c.kind, strand: c.strand, tags, text: c.text });
  }
  results[basename(file, '.jsonl')] = byKind;
}

if (flag('--json')) {
  console.log(JSON.stringify({ model: tagger.model, results, errors: flag('--errors') ? errors : undefined }, null, 2));
} else {
  const names = Object.keys(results);
  const pct = (r) => (r.n === 0 ? '—' : `${((100 * r.right) / r.n).toFixed(0)}% (${r.right}/${r.n})`);
  console.log(`motag ${tagger.model}: share of cases decided right`);
  console.log(`| kind | hateful | ${names.join(' | ')} |`);
  console.log(`|---|---|${names.map(() => '---:').join('|')}|`);
  for (const k of KINDS) console.log(`| ${k} | ${HATEFUL_KINDS.includes(k) ? 'yes' : 'no'} | ${names.map((n) => pct(results[n][k])).join(' | ')} |`);
  const total = (n) => Object.values(results[n]).reduce((a, r) => ({ right: a.right + r.right, n: a.n + r.n }), { right: 0, n: 0 });
  console.log(`| **all** | | ${names.map((n) => pct(total(n))).join(' | ')} |`);
  if (flag('--errors')) for (const e of errors) console.log(`${e.id}\t${e.kind}\t${e.strand}\t[${e.tags.join(',')}]\t${e.text}`);
}
