import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { FeatureAccumulator } from '../model/feature-accumulator.js';
import { extractFeatures, featureName, visitFeatures, type Feature } from '../model/features.js';
import { LinearModel, type SharedModel } from '../model/linear-model.js';
import { readModelFile, type Band } from '../model/model-file.js';
import { LEXICON_DIR, PACKAGE_ROOT } from '../paths.js';
import { VERSION } from '../version.js';
import type { Finding } from '../rules/analyse.js';
import { createRuleEngine, type RuleAnalysis } from '../rules/engine.js';
import { lexiconDigest } from '../rules/lexicon-digest.js';
import type { Token } from '../text/tokens.js';
import { TAG_IDS, perTag, type PerTag, type TagId } from '../tags.js';
import type { Discounted, Evidence, TagResult } from './result.js';
import { RULE_THRESHOLD, round, ruleScores } from '../rules/score.js';

/** The one entry point every face (CLI, server, batch, review, eval) uses. */
/** What tagged a record besides the model's name: digests of the lexicons and of the corpus the model was trained on. */
export interface Provenance {
  /** The first 12 hex digits of a digest of the lexicon files (src/rules/lexicon-digest.ts). */
  readonly lexicons: string;
  /** The first 12 hex digits of the model file's corpusSha256; null when tagging with rules only. */
  readonly corpus: string | null;
}

export interface Tagger {
  readonly model: string;
  readonly provenance: Provenance;
  /** Per-tag decision thresholds in force (the rule threshold when no model is loaded). */
  readonly thresholds: PerTag<number>;
  /** Per-tag abstain bands [low, high) of the model; null for rules only. */
  readonly bands: PerTag<Band> | null;
  tag(text: string, id?: string | null): TagResult;
  /** The rule layer's view, for explanations and model training. */
  analyse(text: string): RuleAnalysis;
}

export const DEFAULT_MODEL_PATH = join(PACKAGE_ROOT, 'models', 'motag-model.json');

export interface TaggerOptions {
  readonly lexiconDir?: string;
  /** A model file; null for rules only; default: the shipped model when present. */
  readonly modelPath?: string | null;
  /** A model already loaded by another thread (LinearModel.share()); modelPath is then not read. */
  readonly sharedModel?: SharedModel;
}

/** The model the options name (a file path, the shipped model, or none), loaded. */
export function loadModel(options: TaggerOptions): LinearModel | null {
  if (options.sharedModel) return new LinearModel(options.sharedModel.header, options.sharedModel.weights);
  const modelPath = options.modelPath === undefined ? (existsSync(DEFAULT_MODEL_PATH) ? DEFAULT_MODEL_PATH : null) : options.modelPath;
  return modelPath ? new LinearModel(readModelFile(modelPath)) : null;
}

/** How many model features are shown for a tag the model gave without any rule cue. */
const MODEL_EVIDENCE_FEATURES = 3;

export function createTagger(options: TaggerOptions = {}): Tagger {
  const lexiconDir = options.lexiconDir ?? LEXICON_DIR;
  const engine = createRuleEngine(lexiconDir);
  const model = loadModel(options);
  // A retrained model can keep its name (the seed's): the corpus digest tells the two apart.
  const provenance: Provenance = { lexicons: lexiconDigest(lexiconDir), corpus: model ? model.corpusSha256.slice(0, 12) : null };
  const name = `motag-${VERSION}+${model ? model.name : 'rules'}`;
  const byRules = (t: TagId): boolean => model?.decide[t] === 'rules';
  const anyByRules = TAG_IDS.some(byRules);
  const featureOptions = { ruleFeatures: model?.ruleFeatures ?? false };
  // One per tagger, reused record after record (a tagger tags one record at a time).
  const accumulator = model ? new FeatureAccumulator() : null;
  const thresholds = model ? perTag((t) => (byRules(t) ? RULE_THRESHOLD : model.thresholds[t])) : perTag(() => RULE_THRESHOLD);

  return {
    model: name,
    provenance,
    thresholds,
    bands: model ? model.bands : null,
    analyse: (text) => engine.analyse(text),
    tag(text, id = null) {
      const { tokens, findings, overlapped } = engine.analyse(text);
      const evidence = ruleEvidence(findings);
      const discounted = ruleDiscounts(findings, overlapped);
      if (!model) {
        const scores = ruleScores(findings);
        return { id, tags: TAG_IDS.filter((t) => scores[t] >= RULE_THRESHOLD), scores, needs_review: [], evidence, discounted, model: name };
      }
      // Scoring needs only each feature's index and value; the features with
      // their spans are extracted again only for a tag that needs explaining.
      visitFeatures(tokens, findings, featureOptions, accumulator!);
      const modelProbs = model.probabilitiesOf(accumulator!);
      // Tags the model did not beat the rules on out of source are the rules' call.
      const rules = anyByRules ? ruleScores(findings) : null;
      const probs = rules ? perTag((t) => (byRules(t) ? rules[t] : modelProbs[t])) : modelProbs;
      const scores = perTag((t) => round(probs[t]));
      const tags = TAG_IDS.filter((t) => probs[t] >= thresholds[t]);
      const needsReview = TAG_IDS.filter((t) => !byRules(t) && probs[t] >= model.bands[t].low && probs[t] < model.bands[t].high);
      // Every positive stays explainable: a tag the model gave with no rule cue
      // shows the words that drove it.
      const unexplained = tags.filter((t) => !evidence.some((e) => e.tag === t));
      if (unexplained.length > 0) {
        const features = extractFeatures(tokens, findings, featureOptions);
        for (const tag of unexplained) evidence.push(...modelEvidence(model, features, tokens, tag, text));
      }
      return { id, tags, scores, needs_review: needsReview, evidence, discounted, model: name };
    },
  };
}

function ruleEvidence(findings: readonly Finding[]): Evidence[] {
  return findings
    .filter((f) => f.weight > 0)
    .map((f) => ({ tag: f.tag, start: f.start, end: f.end, text: f.text, source: `lexicon:${f.family}`, weight: f.weight, ...(f.note ? { note: f.note } : {}) }));
}

/** Discounted cues in text order; the overlapped ones (never scored) among them. */
function ruleDiscounts(findings: readonly Finding[], overlapped: readonly Finding[]): Discounted[] {
  return [...findings, ...overlapped]
    .filter((f) => f.discount)
    .sort((a, b) => a.start - b.start)
    .map((f) => ({ tag: f.tag, start: f.start, end: f.end, text: f.text, reason: f.discount!.reason, source: `lexicon:${f.family}`, ...(f.discount!.by ? { by: f.discount!.by } : {}) }));
}

/** Function words carry weight in the model but explain nothing to a reviewer. */
const NOT_EXPLANATORY = new Set(['the', 'a', 'an', 'at', 'in', 'on', 'of', 'to', 'and', 'was', 'is', 'by', 'with', 'for', 'from', 'her', 'his', 'he', 'she', 'they', 'it', "'s", 'as', 'when', 'then', 'had', 'has', 'been', 'were', 'be']);

function explanatory(name: string): boolean {
  if (name === 'bias') return false;
  const words = name.replace(/^[wbc]:/, '').split(' ');
  return name.startsWith('r:') || name.startsWith('rule:') || !words.every((w) => NOT_EXPLANATORY.has(w));
}

function modelEvidence(model: LinearModel, features: readonly Feature[], tokens: readonly Token[], tag: TagId, text: string): Evidence[] {
  const out: Evidence[] = [];
  // Contributions come largest first; stop at the first few a reviewer can read.
  for (const { feature, contribution } of model.contributions(features, tag)) {
    if (out.length === MODEL_EVIDENCE_FEATURES || contribution <= 0) break;
    if (feature.start < 0) continue;
    const name = featureName(tokens, feature);
    if (!explanatory(name)) continue;
    out.push({
      tag,
      start: feature.start,
      end: feature.end,
      text: text.slice(feature.start, feature.end),
      source: `model:${name}`,
      weight: round(contribution),
      note: 'model decision with no rule cue',
    });
  }
  return out;
}
