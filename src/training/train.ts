import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { CorpusRecord } from '../corpus/record.js';
import type { RuleEngine } from '../rules/engine.js';
import { perTag, type PerTag, type TagId } from '../tags.js';
import { applyPlatt, type Platt } from '../model/calibration.js';
import { fitPlatt } from './calibrate.js';
import { extractFeatures, FEATURE_SPACE, HASH_BITS, isRuleIndex, RULE_BITS, type Feature, type WeightedIndex } from '../model/features.js';
import { dot, trainLogistic, type Example, type TrainOptions } from './logistic.js';
import { encodeWeights, type Band, type Decider, type ModelFile } from '../model/model-file.js';
import { abstainBand, smoothedF1Threshold } from './thresholds.js';
import { capMargin } from '../model/linear-model.js';

/*
 * Training: fit on the train split, choose each tag's regularisation and class
 * weight (by calibrated dev log-loss), calibration, threshold and abstain band
 * on dev. The test split is never read here; it is only scored afterwards for
 * the model card.
 */
export const HYPER_GRID: readonly Omit<TrainOptions, 'seed'>[] = [0.1, 1, 3, 10].flatMap((l2) =>
  [1, 3].map((positiveWeight) => ({ l2, positiveWeight, epochs: 12, learningRate: 0.2 })),
);
/** The word stage of the anchored fit is regularised harder: it corrects the rules, it does not replace them. */
const WORD_GRID: readonly Omit<TrainOptions, 'seed' | 'positiveWeight'>[] = [1, 3, 10, 30].map((l2) => ({ l2, epochs: 12, learningRate: 0.2 }));

/**
 * How rules and words are combined, per tag. Chosen out of source
 * (`npm run cv -- --by-source`, real-only figure): on real police text the
 * jointly fitted model learnt the corpus writers' habits (clock formats, "town
 * centre", short log lines being negative) and overruled its own rules, so for
 * most tags the rules are fitted first and the words may move their margin by
 * at most `wordCap`, with real records weighted up. Alcohol, hate_race and
 * street_asb held up better out of source with the joint fit.
 */
export interface TagCombination {
  /** The most the word features may move the margin (in logits); Infinity fits rules and words jointly. */
  readonly wordCap: number;
  /** Total weight of the real records as a share of all (0 leaves plain counts): real text is a third of the corpus but all of what motag is for. */
  readonly realShare: number;
  /** Decide the tag by the rules alone (when out of source the model did not beat them). */
  readonly rulesOnly: boolean;
}
export type Combination = PerTag<TagCombination>;

const ANCHORED: TagCombination = { wordCap: 1.5, realShare: 0.5, rulesOnly: false };
const JOINT_FIT: TagCombination = { wordCap: Number.POSITIVE_INFINITY, realShare: 0, rulesOnly: false };
const JOINT_TAGS: readonly TagId[] = ['alcohol', 'hate_race', 'street_asb'];

export const COMBINATION: Combination = perTag((t) => (JOINT_TAGS.includes(t) ? JOINT_FIT : ANCHORED));
export const ALL_ANCHORED: Combination = perTag(() => ANCHORED);
export const JOINT: Combination = perTag(() => JOINT_FIT);

export interface Prepared {
  readonly record: CorpusRecord;
  readonly features: Feature[];
}

export function prepare(records: readonly CorpusRecord[], engine: RuleEngine, ruleFeatures: boolean): Prepared[] {
  return records.map((record) => {
    const { tokens, findings } = engine.analyse(record.text);
    return { record, features: extractFeatures(tokens, findings, { ruleFeatures }) };
  });
}

export interface FittedTag {
  readonly weights: Float32Array;
  readonly hyper: Omit<TrainOptions, 'seed'>;
  readonly platt: Platt;
  readonly threshold: number;
  readonly band: Band;
  readonly wordCap: number;
  readonly realShare: number;
}

/** Per-record weights so that real records carry `realShare` of the total weight. */
export function sourceWeights(records: readonly CorpusRecord[], realShare: number): number[] {
  const real = records.filter((r) => r.source.startsWith('real:')).length;
  const other = records.length - real;
  if (realShare <= 0 || real === 0 || other === 0) return records.map(() => 1);
  // Mean weight stays 1, so the L2 strengths mean the same as without weighting.
  const wReal = (realShare * records.length) / real;
  const wOther = ((1 - realShare) * records.length) / other;
  return records.map((r) => (r.source.startsWith('real:') ? wReal : wOther));
}

export function fitTag(tag: TagId, train: readonly Prepared[], dev: readonly Prepared[], seed: number, combination: TagCombination, grid = HYPER_GRID): FittedTag {
  const weightsOf = sourceWeights(train.map((p) => p.record), combination.realShare);
  const devLabels = dev.map((p) => p.record.labels[tag]);
  const examples: Example[] = train.map((p, i) => ({ features: p.features, label: p.record.labels[tag], weight: weightsOf[i] }));
  const finish = (weights: Float32Array, hyper: Omit<TrainOptions, 'seed'>, margins: number[]): FittedTag => {
    const platt = fitPlatt(margins, devLabels);
    const probs = margins.map((m) => applyPlatt(platt, m));
    const threshold = smoothedF1Threshold(probs, devLabels);
    return { weights, hyper, platt, threshold, band: abstainBand(probs, devLabels, threshold), wordCap: combination.wordCap, realShare: combination.realShare };
  };

  if (!Number.isFinite(combination.wordCap)) {
    const best = pick(grid, (hyper) => trainLogistic(examples, FEATURE_SPACE, { ...hyper, seed }), (w) => dev.map((p) => dot(w, p.features)), devLabels);
    return finish(best.weights, best.hyper, best.margins);
  }

  // Stage 1: the rules' outputs alone.
  const ruleOnly = (fs: readonly WeightedIndex[]): WeightedIndex[] => fs.filter((f) => isRuleIndex(f.index));
  const wordOnly = (fs: readonly WeightedIndex[]): WeightedIndex[] => fs.filter((f) => !isRuleIndex(f.index));
  const ruleExamples = examples.map((e) => ({ ...e, features: ruleOnly(e.features) }));
  const devRules = dev.map((p) => ruleOnly(p.features));
  const stage1 = pick(grid, (hyper) => trainLogistic(ruleExamples, FEATURE_SPACE, { ...hyper, seed }), (w) => devRules.map((fs) => dot(w, fs)), devLabels);
  // Stage 2: the words, fitted to what the rules left, within the cap.
  const trainOffsets = ruleExamples.map((e) => dot(stage1.weights, e.features));
  const wordExamples = examples.map((e, i) => ({ ...e, features: wordOnly(e.features), offset: trainOffsets[i] }));
  const devWords = dev.map((p) => wordOnly(p.features));
  const wordGrid = WORD_GRID.map((h) => ({ ...h, positiveWeight: stage1.hyper.positiveWeight }));
  const stage2 = pick(
    wordGrid,
    (hyper) => trainLogistic(wordExamples, FEATURE_SPACE, { ...hyper, seed }),
    (w) => devWords.map((fs, i) => stage1.margins[i]! + capMargin(dot(w, fs), combination.wordCap)),
    devLabels,
  );
  const weights = new Float32Array(FEATURE_SPACE);
  for (let i = 0; i < FEATURE_SPACE; i++) weights[i] = isRuleIndex(i) ? stage1.weights[i]! : stage2.weights[i]!;
  return finish(weights, stage1.hyper, stage2.margins);
}

/** The grid point with the lowest calibrated dev log-loss. */
function pick<H>(grid: readonly H[], fit: (h: H) => Float32Array, score: (w: Float32Array) => number[], labels: readonly (0 | 1)[]) {
  let best: { weights: Float32Array; hyper: H; margins: number[]; loss: number } | null = null;
  for (const hyper of grid) {
    const weights = fit(hyper);
    const margins = score(weights);
    const loss = calibratedLogLoss(margins, labels);
    if (!best || loss < best.loss - 1e-9) best = { weights, hyper, margins, loss };
  }
  return best!;
}

/**
 * Mean log-loss on dev after Platt scaling. Hyper-parameters are chosen by it
 * rather than by dev F1: F1 at its best cut hinges on a handful of borderline
 * dev records, log-loss on every record's score.
 */
function calibratedLogLoss(margins: readonly number[], labels: readonly (0 | 1)[]): number {
  const platt = fitPlatt(margins, labels);
  let sum = 0;
  margins.forEach((m, i) => {
    const p = Math.min(1 - 1e-6, Math.max(1e-6, applyPlatt(platt, m)));
    sum -= labels[i] === 1 ? Math.log(p) : Math.log(1 - p);
  });
  return sum / margins.length;
}

export function trainModel(opts: {
  readonly name: string;
  readonly train: readonly Prepared[];
  readonly dev: readonly Prepared[];
  readonly seed: number;
  readonly ruleFeatures: boolean;
  readonly corpusSha256: string;
  readonly grid?: readonly Omit<TrainOptions, 'seed'>[];
  readonly combination?: Combination;
}): { file: ModelFile; fitted: PerTag<FittedTag> } {
  // A model without rule features has nothing to anchor on: it is the joint fit.
  const combination = opts.ruleFeatures ? (opts.combination ?? COMBINATION) : JOINT;
  const fitted = perTag((t) => fitTag(t, opts.train, opts.dev, opts.seed, combination[t], opts.grid));
  const decide = (t: TagId): Decider => (combination[t].rulesOnly ? 'rules' : 'model');
  const file: ModelFile = {
    format: 'motag-model/2',
    name: opts.name,
    seed: opts.seed,
    corpusSha256: opts.corpusSha256,
    hashBits: HASH_BITS,
    ruleBits: RULE_BITS,
    ruleFeatures: opts.ruleFeatures,
    tags: perTag((t) => ({
      ...encodeWeights(fitted[t].weights),
      platt: fitted[t].platt,
      threshold: fitted[t].threshold,
      band: fitted[t].band,
      hyper: fitted[t].hyper,
      wordCap: Number.isFinite(fitted[t].wordCap) ? fitted[t].wordCap : null,
      realShare: fitted[t].realShare,
      decide: decide(t),
    })),
  };
  return { file, fitted };
}

export function sha256File(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}
