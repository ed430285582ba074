#!/usr/bin/env node
// Trains the shipped model from the corpus: npm run train [-- --seed N]
// Fits on train, chooses hyper-parameters, calibration, thresholds and abstain
// bands on dev, then scores test for the model card. Writes
// models/motag-model.json (deterministic for a seed) and models/model-card.json.
import { writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCorpus } from '../dist/corpus/store.js';
import { createRuleEngine } from '../dist/rules/engine.js';
import { prepare, trainModel, sha256File } from '../dist/training/train.js';
import { modelCard } from '../dist/training/card.js';
import { LEXICON_DIR } from '../dist/paths.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const seedArg = process.argv.indexOf('--seed');
const seed = seedArg > 0 ? Number(process.argv[seedArg + 1]) : 1;
const corpusPath = join(root, 'corpus', 'corpus.jsonl');
const records = readCorpus(corpusPath);
// --extra FILE: records added to the train split only (public hate data in frames,
// scripts/hate-training-data.mjs); dev, test and the model card read the corpus alone.
const extraArg = process.argv.indexOf('--extra');
const extra = extraArg > 0 ? readCorpus(process.argv[extraArg + 1]) : [];
const outArg = process.argv.indexOf('--out');
const engine = createRuleEngine(LEXICON_DIR);
const started = Date.now();
const split = (name) => records.filter((r) => r.split === name);
const { file } = trainModel({
  name: `model-s${seed}`,
  train: prepare([...split('train'), ...extra], engine, true),
  dev: prepare(split('dev'), engine, true),
  seed,
  ruleFeatures: true,
  corpusSha256: sha256File(corpusPath),
});
mkdirSync(join(root, 'models'), { recursive: true });
const modelPath = outArg > 0 ? process.argv[outArg + 1] : join(root, 'models', 'motag-model.json');
writeFileSync(modelPath, `${JSON.stringify(file)}\n`);
const card = modelCard(modelPath, records, Math.round((Date.now() - started) / 1000));
if (outArg < 0) writeFileSync(join(root, 'models', 'model-card.json'), `${JSON.stringify(card, null, 2)}\n`);
console.error(`motag train: wrote ${modelPath} (${card.fileMegabytes} MB) in ${card.trainingSeconds} s`);
console.log(`test macro-F1 ${card.test.macroF1.toFixed(3)}, dev macro-F1 ${card.dev.macroF1.toFixed(3)}`);
