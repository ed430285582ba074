import { statSync } from 'node:fs';
import type { CorpusRecord, Split } from '../corpus/record.js';
import { countsPerTag, macro, prf } from '../eval/metrics.js';
import { goldSet } from '../eval/evaluate.js';
import { createTagger } from '../tagger/tagger.js';
import { TAG_IDS, perTag, type PerTag } from '../tags.js';
import { expectedCalibrationError } from './calibrate.js';
import { readModelFile } from '../model/model-file.js';

interface SplitFigures {
  readonly records: number;
  readonly macroF1: number;
  readonly perTag: PerTag<{ precision: number; recall: number; f1: number; support: number; ece: number }>;
}

/** The model card: provenance, choices made on dev, and figures on dev and test. */
export function modelCard(modelPath: string, records: readonly CorpusRecord[], trainingSeconds: number) {
  const file = readModelFile(modelPath);
  const loadStart = process.hrtime.bigint();
  const tagger = createTagger({ modelPath });
  const loadSeconds = Number(process.hrtime.bigint() - loadStart) / 1e9;
  const figures = (split: Split): SplitFigures => {
    const gold = records.filter((r) => r.split === split);
    const results = gold.map((g) => tagger.tag(g.text, g.id));
    const counts = countsPerTag(gold.map((g, i) => ({ gold: goldSet(g), predicted: new Set(results[i]!.tags) })));
    return {
      records: gold.length,
      macroF1: round(macro(counts).f1),
      perTag: perTag((t) => {
        const x = prf(counts[t]);
        const ece = expectedCalibrationError(results.map((r) => r.scores[t]), gold.map((g) => g.labels[t]));
        return { precision: round(x.precision), recall: round(x.recall), f1: round(x.f1), support: counts[t].tp + counts[t].fn, ece: round(ece) };
      }),
    };
  };
  return {
    name: tagger.model,
    trained: new Date().toISOString().slice(0, 10),
    trainingSeconds,
    seed: file.seed,
    corpusSha256: file.corpusSha256,
    splits: { train: count(records, 'train'), dev: count(records, 'dev'), test: count(records, 'test') },
    features: `hashed word unigrams and bigrams, character 4-grams, rule outputs; 2^${file.hashBits} dimensions`,
    fileMegabytes: round(statSync(modelPath).size / 1e6),
    loadSeconds: round(loadSeconds),
    perTag: Object.fromEntries(TAG_IDS.map((t) => [t, { threshold: round(file.tags[t].threshold), band: file.tags[t].band, hyper: file.tags[t].hyper }])),
    dev: figures('dev'),
    test: figures('test'),
  };
}

function count(records: readonly CorpusRecord[], split: Split): number {
  return records.filter((r) => r.split === split).length;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
