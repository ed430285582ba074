#!/usr/bin/env node
// What the hostility reader costs (issue 15): lexicon load with compromise's
// inflection, and records per second for tokenising alone, tokenising plus the
// obfuscation reader (natural's Damerau-Levenshtein), and the whole rule layer,
// over the corpus narratives.   npm run bench:text [-- --rounds N]
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const roundsArg = process.argv.indexOf('--rounds');
const rounds = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 3;
const lexicons = join(root, 'lexicons');
const texts = readFileSync(join(root, 'corpus', 'corpus.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).text);

const t0 = performance.now();
const { pluralOf } = await import('../dist/rules/inflect.js');
pluralOf('gay man');
const compromiseMs = performance.now() - t0;
const { loadTextResources } = await import('../dist/text/resources.js');
const { tokenise } = await import('../dist/text/tokenise.js');
const { loadRuleSet } = await import('../dist/rules/ruleset.js');
const { Deobfuscator } = await import('../dist/text/deobfuscate.js');
const { createRuleEngine } = await import('../dist/rules/engine.js');
const t1 = performance.now();
const rules = loadRuleSet(lexicons);
const loadMs = performance.now() - t1;
const res = loadTextResources(lexicons);
const reader = new Deobfuscator(rules.obfuscation);
const engine = createRuleEngine(lexicons);

function rate(name, fn) {
  fn(); // warm up
  const start = performance.now();
  for (let r = 0; r < rounds; r++) fn();
  const seconds = (performance.now() - start) / 1000;
  console.log(`| ${name} | ${Math.round((texts.length * rounds) / seconds).toLocaleString('en-GB')} |`);
}
let rewritten = 0;
console.log(`compromise loaded and first plural in ${compromiseMs.toFixed(0)} ms; every lexicon loaded (plurals included) in ${loadMs.toFixed(0)} ms`);
console.log(`${texts.length} corpus narratives x ${rounds} rounds, one thread`);
console.log('| stage | records/s |');
console.log('|---|---:|');
rate('tokenise', () => { for (const t of texts) tokenise(t, res); });
rate('tokenise + obfuscation reader', () => { rewritten = 0; for (const t of texts) { const toks = tokenise(t, res).tokens; if (reader.apply(t, toks) !== toks) rewritten++; } });
rate('whole rule layer (tokenise, read, match, context, roles, stance)', () => { for (const t of texts) engine.analyse(t); });
console.log(`records the obfuscation reader rewrote: ${rewritten} of ${texts.length}`);
