import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { CorpusRecord } from '../corpus/record.js';
import type { RuleEngine } from '../rules/engine.js';
import { perTag, type PerTag, type TagId } from '../tags.js';
import { fitPlatt, applyPlatt, type Platt } from './calibrate.js';
import { extractFeatures, HASH_BITS, HASH_SIZE, type Feature } from './features.js';
import { dot, trainLogistic, type TrainOptions } from './logistic.js';
import { encodeWeights, type ModelFile } from './model-file.js';
import { abstainBand, smoothedF1Threshold, type Band } from './thresholds.js';

/*
 * Training: fit on the train split, choose each tag's regularisation and class
 * weight (by calibrated dev log-loss), calibration, threshold and abstain band
 * on dev. The test split is never read here; it is only scored afterwards for
 * the model card.
 */
export const HYPER_GRID: readonly Omit<TrainOptions, 'seed'>[] = [0.1, 1, 3, 10].flatMap((l2) =>
  [1, 3].map((positiveWeight) => ({ l2, positiveWeight, epochs: 12, learningRate: 0.2 })),
);

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
}

export function fitTag(tag: TagId, train: readonly Prepared[], dev: readonly Prepared[], seed: number, grid = HYPER_GRID): FittedTag {
  const examples = train.map((p) => ({ features: p.features, label: p.record.labels[tag] }));
  const devLabels = dev.map((p) => p.record.labels[tag]);
  let best: { weights: Float32Array; hyper: Omit<TrainOptions, 'seed'>; loss: number } | null = null;
  for (const hyper of grid) {
    const weights = trainLogistic(examples, HASH_SIZE, { ...hyper, seed });
    const loss = calibratedLogLoss(dev.map((p) => dot(weights, p.features)), devLabels);
    if (!best || loss < best.loss - 1e-9) best = { weights, hyper, loss };
  }
  const margins = dev.map((p) => dot(best!.weights, p.features));
  const platt = fitPlatt(margins, devLabels);
  const probs = margins.map((m) => applyPlatt(platt, m));
  const threshold = smoothedF1Threshold(probs, devLabels);
  return { weights: best!.weights, hyper: best!.hyper, platt, threshold, band: abstainBand(probs, devLabels, threshold) };
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
}): { file: ModelFile; fitted: PerTag<FittedTag> } {
  const fitted = perTag((t) => fitTag(t, opts.train, opts.dev, opts.seed, opts.grid));
  const file: ModelFile = {
    format: 'motag-model/1',
    name: opts.name,
    seed: opts.seed,
    corpusSha256: opts.corpusSha256,
    hashBits: HASH_BITS,
    ruleFeatures: opts.ruleFeatures,
    tags: perTag((t) => ({
      ...encodeWeights(fitted[t].weights),
      platt: fitted[t].platt,
      threshold: fitted[t].threshold,
      band: fitted[t].band,
      hyper: fitted[t].hyper,
    })),
  };
  return { file, fitted };
}

export function sha256File(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

