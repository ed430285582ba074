import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCorpus } from '../../src/corpus/store.js';
import { FeatureAccumulator } from '../../src/model/feature-accumulator.js';
import { extractFeatures, visitFeatures } from '../../src/model/features.js';
import { LinearModel } from '../../src/model/linear-model.js';
import { readModelFile } from '../../src/model/model-file.js';
import { LEXICON_DIR, PACKAGE_ROOT } from '../../src/paths.js';
import { createRuleEngine } from '../../src/rules/engine.js';
import { DEFAULT_MODEL_PATH } from '../../src/tagger/tagger.js';

/*
 * Bulk tagging scores a record from a small table of hashed slots (FeatureAccumulator) without
 * building its feature list; explanations still build the list. On every
 * corpus record the two must give the same probabilities to the last bit,
 * and the accumulator must come back empty for the next record.
 */
describe('scoring from hashed slots against scoring the feature list', () => {
  it('gives bit-identical probabilities on every corpus record', () => {
    const model = new LinearModel(readModelFile(DEFAULT_MODEL_PATH));
    const engine = createRuleEngine(LEXICON_DIR);
    const acc = new FeatureAccumulator();
    const opts = { ruleFeatures: model.ruleFeatures };
    const corpus = readCorpus(join(PACKAGE_ROOT, 'corpus', 'corpus.jsonl'));
    expect(corpus.length).toBeGreaterThan(7000);
    let differ = 0;
    // Runs of 40 records too: thousands of distinct features, so the slot table grows mid-record.
    const texts = [...corpus.map((r) => r.text), ...Array.from({ length: 20 }, (_, i) => corpus.slice(i * 40, i * 40 + 40).map((r) => r.text).join(' '))];
    for (const text of texts) {
      const { tokens, findings } = engine.analyse(text);
      const fromList = model.probabilities(extractFeatures(tokens, findings, opts));
      visitFeatures(tokens, findings, opts, acc);
      const fromSlots = model.probabilitiesOf(acc);
      if (JSON.stringify(fromSlots) !== JSON.stringify(fromList) || acc.count !== 0) differ++;
      if (Object.keys(fromList).some((t) => !Object.is(fromList[t as keyof typeof fromList], fromSlots[t as keyof typeof fromSlots]))) differ++;
    }
    expect(differ).toBe(0);
  });
});
