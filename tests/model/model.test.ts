import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readCorpus } from '../../src/corpus/store.js';
import { applyPlatt, sigmoid } from '../../src/model/calibration.js';
import { expectedCalibrationError, fitPlatt } from '../../src/training/calibrate.js';
import { hashFeature, FEATURE_SPACE as HASH_SIZE, type WeightedIndex } from '../../src/model/features.js';
import { dot, trainLogistic } from '../../src/training/logistic.js';
import { LinearModel } from '../../src/model/linear-model.js';
import { abstainBand, f1At, smoothedF1Threshold } from '../../src/training/thresholds.js';
import { prepare, trainModel } from '../../src/training/train.js';
import { LEXICON_DIR, PACKAGE_ROOT } from '../../src/paths.js';
import { createRuleEngine } from '../../src/rules/engine.js';
import { join } from 'node:path';

const f = (name: string, value = 1): WeightedIndex => ({ index: hashFeature(name), value });
const toy = [
  ...Array.from({ length: 40 }, (_, i) => ({ features: [f('bias'), f('drunk'), f(`noise${i % 7}`)], label: 1 as const })),
  ...Array.from({ length: 60 }, (_, i) => ({ features: [f('bias'), f('sober'), f(`noise${i % 7}`)], label: 0 as const })),
];
const opts = { epochs: 10, l2: 0.1, learningRate: 0.2, positiveWeight: 1, seed: 3 };

describe('logistic regression over hashed features', () => {
  it('learns a separable signal', () => {
    const w = trainLogistic(toy, HASH_SIZE, opts);
    expect(sigmoid(dot(w, [f('bias'), f('drunk')]))).toBeGreaterThan(0.9);
    expect(sigmoid(dot(w, [f('bias'), f('sober')]))).toBeLessThan(0.1);
  });
  it('gives the same weights for the same seed, and other weights for another', () => {
    const a = trainLogistic(toy, HASH_SIZE, opts);
    expect(trainLogistic(toy, HASH_SIZE, opts)).toEqual(a);
    expect(trainLogistic(toy, HASH_SIZE, { ...opts, seed: 4 })).not.toEqual(a);
  });
});

describe('calibration', () => {
  it('Platt scaling maps margins onto observed frequencies', () => {
    const margins = Array.from({ length: 400 }, (_, i) => (i - 200) / 50);
    const labels = margins.map((m, i) => ((i * 7919) % 100 < 100 * sigmoid(2 * m) ? 1 : 0) as 0 | 1);
    const p = fitPlatt(margins, labels);
    expect(p.a).toBeGreaterThan(1.2);
    expect(expectedCalibrationError(margins.map((m) => applyPlatt(p, m)), labels)).toBeLessThan(0.08);
  });
  it('expected calibration error is 0 for perfect and large for inverted scores', () => {
    expect(expectedCalibrationError([1, 1, 0, 0], [1, 1, 0, 0])).toBe(0);
    expect(expectedCalibrationError([0.95, 0.95, 0.05, 0.05], [0, 0, 1, 1])).toBeCloseTo(0.95);
  });
});

describe('threshold and abstain band', () => {
  const scores = [0.05, 0.1, 0.2, 0.3, 0.45, 0.5, 0.55, 0.7, 0.8, 0.9, 0.95];
  const labels: (0 | 1)[] = [0, 0, 0, 0, 1, 0, 1, 1, 1, 1, 1];
  it('puts the threshold where F1 is highest', () => {
    const t = smoothedF1Threshold(scores, labels);
    expect(f1At(scores, labels, t)).toBeCloseTo(Math.max(...scores.map((s) => f1At(scores, labels, s))));
  });
  it('puts the threshold inside a plateau of good cuts, not on the edge of one dev positive', () => {
    // Every cut in (0.35, 0.6] gives the best F1; the raw best cut would sit exactly on 0.6.
    const s = [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.6, 0.7, 0.8, 0.9];
    const y: (0 | 1)[] = [0, 0, 1, 0, 0, 0, 1, 1, 1, 1];
    const t = smoothedF1Threshold(s, y);
    expect(t).toBeGreaterThan(0.4);
    expect(t).toBeLessThan(0.56);
  });
  it('sizes the band so that decisions outside it are at least 95% right', () => {
    const band = abstainBand(scores, labels, 0.45);
    const above = scores.map((s, i) => [s, labels[i]] as const).filter(([s]) => s >= band.high);
    const below = scores.map((s, i) => [s, labels[i]] as const).filter(([s]) => s < band.low);
    expect(above.filter(([, y]) => y === 1).length / above.length).toBeGreaterThanOrEqual(0.95);
    expect(below.every(([, y]) => y === 0)).toBe(true);
    expect(band.low).toBeLessThanOrEqual(0.45);
    expect(band.high).toBeGreaterThan(0.5);
  });
});

describe('training a model file', () => {
  const records = readCorpus(join(PACKAGE_ROOT, 'corpus', 'corpus.jsonl'));
  const engine = createRuleEngine(LEXICON_DIR);
  const train = prepare(records.filter((r) => r.split === 'train').slice(0, 300), engine, true);
  const dev = prepare(records.filter((r) => r.split === 'dev').slice(0, 150), engine, true);
  const grid = [{ l2: 1, positiveWeight: 1, epochs: 3, learningRate: 0.2 }];
  const run = (seed: number) =>
    trainModel({ name: 'test', train, dev, seed, ruleFeatures: true, corpusSha256: '0'.repeat(64), grid }).file;

  it('is deterministic for a seed, and loads back into a working model', () => {
    const a = run(5);
    expect(JSON.stringify(run(5))).toBe(JSON.stringify(a));
    expect(JSON.stringify(run(6))).not.toBe(JSON.stringify(a));
    const model = new LinearModel(a);
    const engineOut = engine.analyse('S1 was drunk and abusive');
    expect(model.thresholds.alcohol).toBeGreaterThan(0);
    expect(model.bands.alcohol.low).toBeLessThanOrEqual(model.thresholds.alcohol);
    expect(engineOut.findings.length).toBeGreaterThan(0);
  });

  it('gives the same file until training code, features, rules or the fixture change on purpose', () => {
    // Measured on this fixture at 0bcbbdf and after the move to src/training (e5f76689...: the move
    // changed nothing), then again after the real-text rule round changed rule outputs on purpose
    // (unlinked relatives, drink driving, DA, the legal bar). A change that alters the fit changes it:
    // update it only together with a retrained model and the shipped snapshot.
    expect(createHash('sha256').update(JSON.stringify(run(5))).digest('hex')).toBe('62930b4be531d8d617cdf169c2b69e3a06e57b210c8882c2a9411bb5a612fb53');
  });
});

describe('rule-anchored combination', () => {
  it('lets word features move a tag margin by at most the cap, rule features without limit', async () => {
    const { FEATURE_SPACE, hashRuleFeature } = await import('../../src/model/features.js');
    const { encodeWeights } = await import('../../src/model/model-file.js');
    const { TAG_IDS } = await import('../../src/tags.js');
    const w = new Float32Array(FEATURE_SPACE);
    const rule = hashRuleFeature('rule:alcohol:yes');
    const word = hashFeature('w:officers');
    w[rule] = 2;
    w[word] = -10;
    const tag = (cap: number | null) => ({ ...encodeWeights(w), platt: { a: 1, b: 0 }, threshold: 0.5, band: { low: 0.4, high: 0.6 }, hyper: { l2: 1, positiveWeight: 1, epochs: 1, learningRate: 0.1 }, wordCap: cap, realShare: 0, decide: 'model' as const });
    const file = (cap: number | null) => ({ format: 'motag-model/2' as const, name: 't', seed: 1, corpusSha256: '0'.repeat(64), hashBits: 18, ruleBits: 14, ruleFeatures: true, tags: Object.fromEntries(TAG_IDS.map((t) => [t, tag(cap)])) as never });
    const features = [{ index: rule, value: 1 }, { index: word, value: 1 }];
    expect(new LinearModel(file(1.5)).probabilities(features).alcohol).toBeCloseTo(sigmoid(2 - 1.5), 5);
    expect(new LinearModel(file(null)).probabilities(features).alcohol).toBeCloseTo(sigmoid(2 - 10), 5);
    expect(new LinearModel(file(1.5)).probabilities([{ index: rule, value: 3 }]).alcohol).toBeCloseTo(sigmoid(6), 5);
  });
  it('weights real records to the share asked for, keeping the mean weight at 1', async () => {
    const { sourceWeights } = await import('../../src/training/train.js');
    const recs = [...Array(8)].map((_, i) => ({ source: i < 2 ? 'real:x' : 'synthetic:y' })) as never;
    const w = sourceWeights(recs, 0.5);
    expect(w[0]! * 2).toBeCloseTo(4);
    expect(w[2]! * 6).toBeCloseTo(4);
    expect(sourceWeights(recs, 0)).toEqual(Array(8).fill(1));
  });
});
