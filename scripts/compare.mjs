#!/usr/bin/env node
// One table, same splits: keyword baseline, rules only, model only, rules plus
// model, and two outside references trained on the same train split
// (scikit-learn TF-IDF + logistic regression; fastText), each skipped with a
// message when not installed. Then 5-fold cross-validation over train + dev.
// Usage: npm run compare [-- --no-cv]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCorpus } from '../dist/corpus/store.js';
import { hashUnit } from '../dist/corpus/splits.js';
import { countsPerTag, macro, micro, prf } from '../dist/eval/metrics.js';
import { goldSet } from '../dist/eval/evaluate.js';
import { loadKeywordBaseline } from '../dist/rules/keyword-baseline.js';
import { prepare, trainModel } from '../dist/training/train.js';
import { smoothedF1Threshold } from '../dist/training/thresholds.js';
import { LEXICON_DIR } from '../dist/paths.js';
import { createRuleEngine } from '../dist/rules/engine.js';
import { createTagger } from '../dist/tagger/tagger.js';
import { TAG_IDS } from '../dist/tags.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const records = readCorpus(join(root, 'corpus', 'corpus.jsonl'));
const bySplit = (s) => records.filter((r) => r.split === s);
const work = mkdtempSync(join(tmpdir(), 'motag-compare-'));
const engine = createRuleEngine(LEXICON_DIR);
const SEED = 1;

function trainTo(path, train, dev, ruleFeatures) {
  const { file } = trainModel({ name: ruleFeatures ? 'rules+model' : 'model-only', train: prepare(train, engine, ruleFeatures), dev: prepare(dev, engine, ruleFeatures), seed: SEED, ruleFeatures, corpusSha256: '0'.repeat(64) });
  writeFileSync(path, JSON.stringify(file));
  return path;
}

function score(gold, predicted) {
  const counts = countsPerTag(gold.map((g, i) => ({ gold: goldSet(g), predicted: new Set(predicted[i]) })));
  return { perTag: Object.fromEntries(TAG_IDS.map((t) => [t, prf(counts[t]).f1])), macro: macro(counts).f1, micro: micro(counts).f1 };
}

const taggerPredict = (tagger, gold) => gold.map((g) => tagger.tag(g.text).tags);

function writeSplits(dir, train, dev, test) {
  for (const [name, rows] of [['train', train], ['dev', dev], ['test', test]]) {
    writeFileSync(join(dir, `${name}.jsonl`), rows.map((r) => JSON.stringify({ id: r.id, text: r.text, labels: r.labels })).join('\n') + '\n');
  }
}

function sklearn(dir) {
  const r = spawnSync('/usr/bin/python3', [join(root, 'scripts', 'reference_sklearn.py'), dir], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) return { skipped: /No module named 'sklearn'/.test(r.stderr) ? 'python3-sklearn is not installed (apt-get install python3-sklearn)' : `failed: ${r.stderr.trim().split('\n').pop()}` };
  return { predictions: JSON.parse(r.stdout).predictions };
}

function fasttext(dir, train, dev, test) {
  if (spawnSync('fasttext', [], { encoding: 'utf8' }).error) return { skipped: 'fasttext is not installed (apt-get install fasttext)' };
  const clean = (t) => t.replace(/\s+/g, ' ').toLowerCase();
  const preds = test.map(() => []);
  for (const tag of TAG_IDS) {
    const file = (name, rows) => {
      const p = join(dir, `ft-${tag}-${name}.txt`);
      writeFileSync(p, rows.map((r) => `__label__${r.labels[tag]} ${clean(r.text)}`).join('\n') + '\n');
      return p;
    };
    const model = join(dir, `ft-${tag}`);
    const fit = spawnSync('fasttext', ['supervised', '-input', file('train', train), '-output', model, '-epoch', '25', '-wordNgrams', '2', '-minn', '3', '-maxn', '5', '-thread', '1', '-seed', String(SEED), '-verbose', '0'], { encoding: 'utf8' });
    if (fit.status !== 0) return { skipped: `fasttext failed: ${fit.stderr.trim()}` };
    const probs = (rows, name) => {
      const out = spawnSync('fasttext', ['predict-prob', `${model}.bin`, file(name, rows), '2'], { encoding: 'utf8', maxBuffer: 1 << 26 }).stdout.trim().split('\n');
      return out.map((line) => {
        const m = /__label__1 ([0-9.e-]+)/.exec(line);
        if (m) return Number(m[1]);
        const z = /__label__0 ([0-9.e-]+)/.exec(line);
        return z ? 1 - Number(z[1]) : 0;
      });
    };
    const devP = probs(dev, 'dev');
    const t = smoothedF1Threshold(devP, dev.map((r) => r.labels[tag]));
    probs(test, 'test').forEach((p, i) => p >= t && preds[i].push(tag));
  }
  return { predictions: preds };
}

const fmt = (x) => x.toFixed(3);
try {
  const [train, dev, test] = [bySplit('train'), bySplit('dev'), bySplit('test')];
  writeSplits(work, train, dev, test);
  const rows = [];
  const keyword = loadKeywordBaseline();
  rows.push(['keyword baseline', score(test, test.map((g) => keyword.tags(g.text)))]);
  rows.push(['rules only', score(test, taggerPredict(createTagger({ modelPath: null }), test))]);
  rows.push(['model only', score(test, taggerPredict(createTagger({ modelPath: trainTo(join(work, 'model-only.json'), train, dev, false) }), test))]);
  rows.push(['rules + model (shipped)', score(test, taggerPredict(createTagger(), test))]);
  const notes = [];
  for (const [name, ref] of [['scikit-learn TF-IDF + LR', sklearn(work)], ['fastText', fasttext(work, train, dev, test)]]) {
    if (ref.skipped) notes.push(`${name}: skipped, ${ref.skipped}`);
    else rows.push([name, score(test, ref.predictions)]);
  }
  console.log(`Test split: ${test.length} records (train ${train.length}, dev ${dev.length}). F1 per tag.\n`);
  console.log(`| system | ${TAG_IDS.join(' | ')} | micro | macro |`);
  console.log(`|---|${TAG_IDS.map(() => '---:|').join('')}---:|---:|`);
  for (const [name, s] of rows) console.log(`| ${name} | ${TAG_IDS.map((t) => fmt(s.perTag[t])).join(' | ')} | ${fmt(s.micro)} | ${fmt(s.macro)} |`);
  for (const n of notes) console.log(`\n${n}`);

  if (!process.argv.includes('--no-cv')) {
    // 5-fold cross-validation over train + dev: fold k is held out, fold k+1
    // chooses thresholds, the other three train. Test is not used.
    const pool = [...train, ...dev];
    const fold = (r) => Math.floor(hashUnit(`cv|${r.id}`) * 5);
    console.log('\n5-fold cross-validation over train + dev (macro-F1 on each held-out fold):\n');
    console.log('| fold | records | rules only | rules + model | gain |');
    console.log('|---:|---:|---:|---:|---:|');
    const gains = [];
    for (let k = 0; k < 5; k++) {
      const held = pool.filter((r) => fold(r) === k);
      const tune = pool.filter((r) => fold(r) === (k + 1) % 5);
      const fit = pool.filter((r) => fold(r) !== k && fold(r) !== (k + 1) % 5);
      const rules = score(held, taggerPredict(createTagger({ modelPath: null }), held)).macro;
      const both = score(held, taggerPredict(createTagger({ modelPath: trainTo(join(work, `cv${k}.json`), fit, tune, true) }), held)).macro;
      gains.push(both - rules);
      console.log(`| ${k + 1} | ${held.length} | ${fmt(rules)} | ${fmt(both)} | ${(both - rules >= 0 ? '+' : '') + fmt(both - rules)} |`);
    }
    const mean = gains.reduce((a, b) => a + b, 0) / gains.length;
    console.log(`\nMean gain ${fmt(mean)}; rules + model better on ${gains.filter((g) => g > 0).length} of 5 folds.`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
