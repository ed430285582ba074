#!/usr/bin/env node
// Out-of-fold figures and errors over train + dev, for rule and model work:
//   npm run cv [-- --errors FILE] [--only PREFIX,...]
// The same five folds as `npm run compare` (fold k held out, fold k+1 chooses
// thresholds, the other three train). Prints precision, recall and F1 per tag
// for the rules alone and for rules plus model, pooled over the held-out
// folds, and writes every out-of-fold error with its evidence to FILE. The
// test split is never read: work from these errors, not from test's.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCorpus } from '../dist/corpus/store.js';
import { hashUnit } from '../dist/corpus/splits.js';
import { prepare, trainModel } from '../dist/model/train.js';
import { LEXICON_DIR } from '../dist/paths.js';
import { createRuleEngine } from '../dist/rules/engine.js';
import { createTagger } from '../dist/tagger/tagger.js';
import { TAG_IDS } from '../dist/tags.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const errorsPath = arg('--errors') ?? join(tmpdir(), 'motag-cv-errors.txt');
const only = arg('--only')?.split(',');

const pool = readCorpus(join(root, 'corpus', 'corpus.jsonl')).filter((r) => r.split !== 'test');
const engine = createRuleEngine(LEXICON_DIR);
const work = mkdtempSync(join(tmpdir(), 'motag-cv-'));
const fold = (r) => Math.floor(hashUnit(`cv|${r.id}`) * 5);
const counts = () => Object.fromEntries(TAG_IDS.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
const both = counts();
const rules = counts();
const errors = [];
const rulesTagger = createTagger({ modelPath: null });

try {
  for (let k = 0; k < 5; k++) {
    const held = pool.filter((r) => fold(r) === k);
    const tune = pool.filter((r) => fold(r) === (k + 1) % 5);
    const fit = pool.filter((r) => fold(r) !== k && fold(r) !== (k + 1) % 5);
    const { file } = trainModel({ name: 'cv', train: prepare(fit, engine, true), dev: prepare(tune, engine, true), seed: 1, ruleFeatures: true, corpusSha256: '0'.repeat(64) });
    const path = join(work, `cv${k}.json`);
    writeFileSync(path, JSON.stringify(file));
    const tagger = createTagger({ modelPath: path });
    for (const r of held) {
      if (only && !only.some((p) => r.id.startsWith(p))) continue;
      const res = tagger.tag(r.text);
      const rr = rulesTagger.tag(r.text);
      for (const t of TAG_IDS) {
        const gold = r.labels[t] === 1;
        for (const [c, out] of [[both, res], [rules, rr]]) {
          const given = out.tags.includes(t);
          if (gold && given) c[t].tp++;
          else if (given) c[t].fp++;
          else if (gold) c[t].fn++;
        }
        if (gold === res.tags.includes(t)) continue;
        const cues = res.evidence.filter((e) => e.tag === t).map((e) => `"${e.text}" [${e.source}]${e.note ? ` ${e.note}` : ''}`);
        const discounted = res.discounted.filter((e) => e.tag === t).map((e) => `"${e.text}" [${e.source}] ${e.reason}${e.by ? ` (${e.by})` : ''}`);
        errors.push(`${gold ? 'FN' : 'FP'} ${t} ${r.id} ${res.scores[t].toFixed(3)}: ${r.text}\n   cues: ${cues.join('; ') || '(none)'}${discounted.length ? `\n   discounted: ${discounted.join('; ')}` : ''}`);
      }
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const f = (x) => x.toFixed(3);
const prf = ({ tp, fp, fn }) => {
  const p = tp / (tp + fp || 1);
  const r = tp / (tp + fn || 1);
  return [p, r, (2 * p * r) / (p + r || 1)];
};
console.log(`Out-of-fold over train + dev${only ? ` (${only.join(', ')} only)` : ''}, 5 folds\n`);
console.log('| tag | rules P | rules R | rules F1 | rules + model P | R | F1 |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
let macroRules = 0;
let macroBoth = 0;
for (const t of TAG_IDS) {
  const a = prf(rules[t]);
  const b = prf(both[t]);
  macroRules += a[2] / TAG_IDS.length;
  macroBoth += b[2] / TAG_IDS.length;
  console.log(`| ${t} | ${a.map(f).join(' | ')} | ${b.map(f).join(' | ')} |`);
}
console.log(`| **macro F1** | | | ${f(macroRules)} | | | ${f(macroBoth)} |`);
writeFileSync(errorsPath, errors.sort().join('\n') + '\n');
console.log(`\n${errors.length} out-of-fold errors of rules + model, with their evidence: ${errorsPath}`);
