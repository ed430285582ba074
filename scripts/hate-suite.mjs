#!/usr/bin/env node
// The functional hate suite (issue 15): share of cases decided right, by kind.
//   npm run suite:hate [-- --rules-only | --model FILE] [--errors] [--json] [--suite FILE ...]
// A hateful case is right when its strand is tagged; a case that is not
// hateful is right when no hate strand is tagged. The suites were written
// blind to the code by three writers: dev-a and dev-b were tuned on;
// heldout was never read while tuning and is the figure to quote.
import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTagger } from '../dist/tagger/tagger.js';
import { decide, HATEFUL_KINDS, readSuite, shareByKind, SUITE_KINDS } from '../dist/eval/hate-suite.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (f) => args.includes(f);
const chosen = args.flatMap((a, i) => (args[i - 1] === '--suite' ? [a] : []));
const dir = join(root, 'tests', 'functional');
const files = chosen.length > 0 ? chosen : readdirSync(dir).filter((f) => /^hate-suite-.*\.jsonl$/.test(f)).sort().map((f) => join(dir, f));

const modelArg = args.indexOf('--model');
const tagger = createTagger(flag('--rules-only') ? { modelPath: null } : modelArg >= 0 ? { modelPath: args[modelArg + 1] } : {});
const results = {};
const errors = [];
for (const file of files) {
  const outcomes = readSuite(file).map((c) => decide(tagger, c));
  results[basename(file, '.jsonl').replace(/^hate-suite-/, '')] = shareByKind(outcomes);
  errors.push(...outcomes.filter((o) => !o.right).map((o) => ({ suite: basename(file), ...o.case, tags: o.tags })));
}

if (flag('--json')) {
  console.log(JSON.stringify({ model: tagger.model, results, errors: flag('--errors') ? errors : undefined }, null, 2));
} else {
  const names = Object.keys(results);
  const pct = (r) => (r.n === 0 ? '—' : `${((100 * r.right) / r.n).toFixed(0)}% (${r.right}/${r.n})`);
  const sum = (rs) => rs.reduce((a, r) => ({ right: a.right + r.right, n: a.n + r.n }), { right: 0, n: 0 });
  console.log(`motag ${tagger.model}: share of cases decided right`);
  console.log(`| kind | hateful | ${names.join(' | ')} | all suites |`);
  console.log(`|---|---|${names.map(() => '---:').join('|')}|---:|`);
  for (const k of SUITE_KINDS) {
    console.log(`| ${k} | ${HATEFUL_KINDS.includes(k) ? 'yes' : 'no'} | ${names.map((n) => pct(results[n][k])).join(' | ')} | ${pct(sum(names.map((n) => results[n][k])))} |`);
  }
  const totals = names.map((n) => sum(Object.values(results[n])));
  console.log(`| **all** | | ${totals.map(pct).join(' | ')} | ${pct(sum(totals))} |`);
  if (flag('--errors')) for (const e of errors) console.log(`${e.id}\t${e.kind}\t${e.strand}\t[${e.tags.join(',')}]\t${e.text}`);
}
