#!/usr/bin/env node
// Out-of-fold and out-of-source figures over train + dev, for rule and model work:
//   npm run cv [-- --errors FILE] [--only PREFIX,...]
//   npm run cv -- --by-source [--errors FILE] [--joint | --anchored] [--cap N] [--real-share X] [--rules-only tag,...]
// The test split is never read: work from these errors, not from test's.
//
// Default: the same five folds as `npm run compare` (fold k held out, fold
// k+1 chooses thresholds, the other three train).
//
// --by-source: leave one source out. Each source (each corpus writer, each
// real dataset) is held out in turn; a hash-chosen quarter of the rest chooses
// hyper-parameters, calibration and thresholds, the other three quarters
// train. Prints, per tag, pooled out-of-source F1 for the keyword baseline,
// the rules alone and rules + model; the worst source (among sources with at
// least 10 positives of the tag); the real-only figure (the real sources'
// held-out records pooled, each predicted by a model that never saw its
// source); and macro-F1 per source over the tags with 10 or more positives in
// it. --joint (every tag fitted jointly), --anchored (every tag anchored), --cap, --real-share and --rules-only try other combinations
// (src/training/train.ts COMBINATION) without editing the code.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCorpus } from '../dist/corpus/store.js';
import { hashUnit } from '../dist/corpus/splits.js';
import { goldSet } from '../dist/eval/evaluate.js';
import { loadKeywordBaseline } from '../dist/rules/keyword-baseline.js';
import { countsPerTag, prf as metricsPrf } from '../dist/eval/metrics.js';
import { ALL_ANCHORED, COMBINATION, JOINT, prepare, trainModel } from '../dist/training/train.js';
import { LEXICON_DIR } from '../dist/paths.js';
import { createRuleEngine } from '../dist/rules/engine.js';
import { createTagger } from '../dist/tagger/tagger.js';
import { TAG_IDS } from '../dist/tags.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const arg = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const flag = (name) => argv.includes(name);
const bySource = flag('--by-source');
const errorsPath = arg('--errors') ?? join(tmpdir(), bySource ? 'motag-loso-errors.txt' : 'motag-cv-errors.txt');
const only = arg('--only')?.split(',');
const base = flag('--joint') ? JOINT : flag('--anchored') ? ALL_ANCHORED : COMBINATION;
const rulesOnly = arg('--rules-only')?.split(',').filter(Boolean) ?? [];
const combination = Object.fromEntries(
  TAG_IDS.map((t) => [
    t,
    {
      ...base[t],
      ...(arg('--cap') ? { wordCap: Number(arg('--cap')) } : {}),
      ...(arg('--real-share') ? { realShare: Number(arg('--real-share')) } : {}),
      ...(rulesOnly.includes(t) ? { rulesOnly: true } : {}),
    },
  ]),
);
const describeCombination = () => TAG_IDS.map((t) => `${t} ${combination[t].rulesOnly ? 'rules only' : Number.isFinite(combination[t].wordCap) ? `anchored (cap ${combination[t].wordCap}, real share ${combination[t].realShare})` : `joint (real share ${combination[t].realShare})`}`).join('; ');

const pool = readCorpus(join(root, 'corpus', 'corpus.jsonl')).filter((r) => r.split !== 'test');
const engine = createRuleEngine(LEXICON_DIR);
const keyword = loadKeywordBaseline();
const rulesTagger = createTagger({ modelPath: null });
const work = mkdtempSync(join(tmpdir(), 'motag-cv-'));
// Features depend on the record only, not on the fold: extract them once.
const prepared = new Map(prepare(pool, engine, true).map((p) => [p.record.id, p]));

// Held-out predictions, one row per record: { record, systems: { keyword, rules, model } as tag sets, result }.
const rows = [];
const plan = bySource ? sourcePlan() : foldPlan();
try {
  plan.forEach(({ held, tune, fit }, k) => {
    const { file } = trainModel({ name: 'cv', train: fit.map((r) => prepared.get(r.id)), dev: tune.map((r) => prepared.get(r.id)), seed: 1, ruleFeatures: true, corpusSha256: '0'.repeat(64), combination });
    const path = join(work, `cv${k}.json`);
    writeFileSync(path, JSON.stringify(file));
    const tagger = createTagger({ modelPath: path });
    for (const r of held) {
      const result = tagger.tag(r.text);
      rows.push({ record: r, gold: goldSet(r), result, systems: { keyword: new Set(keyword.tags(r.text)), rules: new Set(rulesTagger.tag(r.text).tags), model: new Set(result.tags) } });
    }
  });
} finally {
  rmSync(work, { recursive: true, force: true });
}

function foldPlan() {
  const fold = (r) => Math.floor(hashUnit(`cv|${r.id}`) * 5);
  return [0, 1, 2, 3, 4].map((k) => ({
    held: pool.filter((r) => fold(r) === k),
    tune: pool.filter((r) => fold(r) === (k + 1) % 5),
    fit: pool.filter((r) => fold(r) !== k && fold(r) !== (k + 1) % 5),
  }));
}

function sourcePlan() {
  const sources = [...new Set(pool.map((r) => r.source))].sort();
  return sources.map((s) => {
    const rest = pool.filter((r) => r.source !== s);
    const tuneSide = (r) => hashUnit(`loso|${r.id}`) < 0.25;
    return { source: s, held: pool.filter((r) => r.source === s), tune: rest.filter(tuneSide), fit: rest.filter((r) => !tuneSide(r)) };
  });
}

// ---- figures
const f = (x) => (Number.isNaN(x) ? '-' : x.toFixed(3));
// The project's own metrics (src/eval/metrics.ts), over one system's predictions.
const counts = (subset, system) => countsPerTag(subset.map((row) => ({ gold: row.gold, predicted: row.systems[system] })));
const prf = (c) => {
  const x = metricsPrf(c);
  return [x.precision, x.recall, x.f1];
};
const positives = (subset, t) => subset.filter((r) => r.record.labels[t] === 1).length;
const macroOver = (subset, system, tags) => {
  const c = counts(subset, system);
  return tags.length === 0 ? NaN : tags.reduce((a, t) => a + prf(c[t])[2], 0) / tags.length;
};

if (!bySource) {
  const selected = only ? rows.filter((r) => only.some((p) => r.record.id.startsWith(p))) : rows;
  const rules = counts(selected, 'rules');
  const both = counts(selected, 'model');
  console.log(`Out-of-fold over train + dev${only ? ` (${only.join(', ')} only)` : ''}, 5 folds\n`);
  console.log('| tag | rules P | rules R | rules F1 | rules + model P | R | F1 |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const t of TAG_IDS) console.log(`| ${t} | ${prf(rules[t]).map(f).join(' | ')} | ${prf(both[t]).map(f).join(' | ')} |`);
  console.log(`| **macro F1** | | | ${f(macroOver(selected, 'rules', TAG_IDS))} | | | ${f(macroOver(selected, 'model', TAG_IDS))} |`);
  writeErrors(selected);
} else {
  const sources = [...new Set(rows.map((r) => r.record.source))].sort();
  const real = rows.filter((r) => r.record.source.startsWith('real:'));
  const c = { keyword: counts(rows, 'keyword'), rules: counts(rows, 'rules'), model: counts(rows, 'model') };
  const rc = { keyword: counts(real, 'keyword'), rules: counts(real, 'rules'), model: counts(real, 'model') };
  console.log(`Leave one source out over train + dev: ${sources.length} sources, ${rows.length} records (${real.length} real)`);
  console.log(`combination: ${describeCombination()}\n`);
  console.log('| tag | pooled keyword F1 | pooled rules F1 | pooled rules + model F1 | worst source (rules + model F1) | real positives | real keyword F1 | real rules F1 | real rules + model F1 |');
  console.log('|---|---:|---:|---:|---|---:|---:|---:|---:|');
  for (const t of TAG_IDS) {
    let worst = null;
    for (const s of sources) {
      const sub = rows.filter((r) => r.record.source === s);
      if (positives(sub, t) < 10) continue;
      const x = prf(counts(sub, 'model')[t])[2];
      if (!worst || x < worst.f1) worst = { s, f1: x };
    }
    console.log(`| ${t} | ${f(prf(c.keyword[t])[2])} | ${f(prf(c.rules[t])[2])} | ${f(prf(c.model[t])[2])} | ${worst ? `${worst.s} ${f(worst.f1)}` : '-'} | ${positives(real, t)} | ${f(prf(rc.keyword[t])[2])} | ${f(prf(rc.rules[t])[2])} | ${f(prf(rc.model[t])[2])} |`);
  }
  const realTags = TAG_IDS.filter((t) => positives(real, t) > 0);
  console.log(`| **macro F1** | ${f(macroOver(rows, 'keyword', TAG_IDS))} | ${f(macroOver(rows, 'rules', TAG_IDS))} | ${f(macroOver(rows, 'model', TAG_IDS))} | | | ${f(macroOver(real, 'keyword', realTags))} | ${f(macroOver(real, 'rules', realTags))} | ${f(macroOver(real, 'model', realTags))} |`);
  console.log(`\n(real macro-F1 over the ${realTags.length} tags with real positives)\n`);
  console.log('| held-out source | records | tags with 10+ positives | keyword macro-F1 | rules macro-F1 | rules + model macro-F1 |');
  console.log('|---|---:|---|---:|---:|---:|');
  for (const s of sources) {
    const sub = rows.filter((r) => r.record.source === s);
    const tags = TAG_IDS.filter((t) => positives(sub, t) >= 10);
    console.log(`| ${s} | ${sub.length} | ${tags.length} | ${f(macroOver(sub, 'keyword', tags))} | ${f(macroOver(sub, 'rules', tags))} | ${f(macroOver(sub, 'model', tags))} |`);
  }
  writeErrors(only ? rows.filter((r) => only.some((p) => r.record.source.startsWith(p) || r.record.id.startsWith(p))) : rows);
}

function writeErrors(subset) {
  const errors = [];
  for (const { record: r, result: res, systems } of subset) {
    for (const t of TAG_IDS) {
      const gold = r.labels[t] === 1;
      if (gold === systems.model.has(t)) continue;
      const cues = res.evidence.filter((e) => e.tag === t).map((e) => `"${e.text}" [${e.source}]${e.note ? ` ${e.note}` : ''}`);
      const discounted = res.discounted.filter((e) => e.tag === t).map((e) => `"${e.text}" [${e.source}] ${e.reason}${e.by ? ` (${e.by})` : ''}`);
      errors.push(`${gold ? 'FN' : 'FP'} ${t} ${r.id} ${res.scores[t].toFixed(3)} rules:${systems.rules.has(t) ? 'yes' : 'no'}: ${r.text}\n   cues: ${cues.join('; ') || '(none)'}${discounted.length ? `\n   discounted: ${discounted.join('; ')}` : ''}`);
    }
  }
  writeFileSync(errorsPath, errors.sort().join('\n') + '\n');
  console.log(`\n${errors.length} held-out errors of rules + model, with their evidence: ${errorsPath}`);
}
