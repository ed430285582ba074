import type { Finding } from '../rules/analyse.js';
import { RULE_THRESHOLD, ruleScores } from '../rules/score.js';
import { TAG_IDS, perTag } from '../tags.js';
import type { Token } from '../text/tokens.js';

/*
 * Features for the statistical model, hashed into a fixed space so the model
 * file has a fixed size whatever the vocabulary:
 *  - word unigrams and bigrams of the normalised tokens (shorthand expanded,
 *    spelling fixed), so "IP's B/F" and "victim's boyfriend" look alike;
 *  - character 4-grams inside words, for misspellings the spelling list lacks;
 *  - the rule layer's outputs: its verdict per tag, each cue family that
 *    counted, each that was discounted and why, and how roles were decided.
 * Word features keep the span they came from, so a model-only decision can
 * still be shown in the text.
 */
export const HASH_BITS = 18;
export const HASH_SIZE = 1 << HASH_BITS;
/*
 * Rule outputs (and the bias) are hashed into their own slots after the word
 * space, so the model can tell them apart: the rule-anchored combination
 * (src/training/train.ts) fits them first and lets the word features move the result only
 * within a bounded margin.
 */
export const RULE_BITS = 14;
export const RULE_SIZE = 1 << RULE_BITS;
export const FEATURE_SPACE = HASH_SIZE + RULE_SIZE;

/** Whether a feature index is a rule output (or the bias) rather than a word feature. */
export function isRuleIndex(index: number): boolean {
  return index >= HASH_SIZE;
}
/** The most a rule feature adds up to, however often its cue repeats. */
const RULE_FEATURE_CAP = 2;
const ROLE_RANKS = ['', 'wrong_party', 'unclear', 'linked'] as const;

/** What scoring needs of a feature: where it is and how much of it there is. */
export interface WeightedIndex {
  readonly index: number;
  readonly value: number;
}

export interface Feature extends WeightedIndex {
  /** The span the feature came from (-1 when it has none, like the bias or a rule verdict). */
  readonly start: number;
  readonly end: number;
  /*
   * Enough to build the readable name later (featureName), so a record's
   * features are extracted once and names are built only for the few
   * features an explanation shows: the token a word feature came from and
   * which part of it (WORD, BIGRAM, or a character n-gram's offset), or the
   * name of a rule feature, which exists as a string already.
   */
  readonly token: number;
  readonly part: number;
  readonly label: string | null;
}

export interface FeatureOptions {
  /** Include the rule layer's outputs (rules plus model) or not (model only). */
  readonly ruleFeatures: boolean;
}

const WORD = -1;
const BIGRAM = -2;

/** FNV-1a: fast, stable across platforms, good enough spread for feature hashing. */
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function fnv(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

function bucket(h: number): number {
  return (h >>> 0) & (HASH_SIZE - 1);
}

export function hashFeature(s: string): number {
  return bucket(fnv(FNV_OFFSET, s));
}

/** The index of a rule output or the bias, in the slots after the word space. */
export function hashRuleFeature(s: string): number {
  return HASH_SIZE + ((fnv(FNV_OFFSET, s) >>> 0) & (RULE_SIZE - 1));
}

/*
 * Hashing the parts of a feature name one after another gives the same value
 * as hashing the joined name (FNV is sequential), so bulk tagging builds no
 * name strings at all; only explanations build them (featureName).
 */
const W = fnv(FNV_OFFSET, 'w:');
const B = fnv(FNV_OFFSET, 'b:');
const C = fnv(FNV_OFFSET, 'c:');
const CARET = 94; // '^' pads the start of a word for its character n-grams
const DOLLAR = 36; // '$' pads the end

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/*
 * The rule outputs every record has (the bias, each tag's verdict) and the
 * role outputs are a fixed few names: built and hashed once here, not per record.
 */
const VERDICT_YES = perTag((tag) => `rule:${tag}:yes`);
const VERDICT_NO = perTag((tag) => `rule:${tag}:no`);
const FIXED_RULE_INDEX = new Map<string, number>(
  ['bias', ...TAG_IDS.flatMap((t) => [VERDICT_YES[t], VERDICT_NO[t], ...ROLE_RANKS.map((r) => `role:${t}:${r}`)])].map((s) => [s, hashRuleFeature(s)]),
);

function ruleIndexOf(s: string): number {
  return FIXED_RULE_INDEX.get(s) ?? hashRuleFeature(s);
}

/**
 * Where the features of a record go as they are found. Scoring a record
 * needs only index and value (FeatureAccumulator, feature-accumulator.ts);
 * explaining one also needs each feature's span and what to name it by
 * (extractFeatures). Both read the one walk below, so they cannot disagree.
 */
export interface FeatureSink {
  add(index: number, value: number, start: number, end: number, token: number, part: number, label: string | null): void;
}

/** A record's features with their spans, for explanations: one per index, the first to reach it keeping its span and name. */
export function extractFeatures(tokens: readonly Token[], findings: readonly Finding[], opts: FeatureOptions): Feature[] {
  const features = new Map<number, Mutable<Feature>>();
  visitFeatures(tokens, findings, opts, {
    add(index, value, start, end, token, part, label) {
      const prev = features.get(index);
      if (prev) prev.value += value;
      else features.set(index, { index, value, start, end, token, part, label });
    },
  });
  return [...features.values()];
}

/** Hands every feature of a record to `sink`, in a fixed order (values of one index add up in that order). */
export function visitFeatures(tokens: readonly Token[], findings: readonly Finding[], opts: FeatureOptions, sink: FeatureSink): void {
  const output = (s: string): void => sink.add(ruleIndexOf(s), 1, -1, -1, -1, 0, s);
  // Text features are length-normalised so long narratives do not dominate.
  const text = 1 / Math.sqrt(Math.max(1, tokens.length));

  output('bias');
  const judged = opts.ruleFeatures ? judgedTokens(tokens, findings) : null;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (judged?.[i]) continue;
    const norm = t.norm;
    sink.add(bucket(fnv(W, norm)), text, t.start, t.end, i, WORD, null);
    const next = tokens[i + 1];
    if (next && next.sentence === t.sentence && !judged?.[i + 1]) {
      sink.add(bucket(fnv(fnv(fnv(B, norm), ' '), next.norm)), text, t.start, next.end, i, BIGRAM, null);
    }
    if (norm.length >= 5 && norm.charCodeAt(0) !== 60 /* '<' */) {
      // 4-grams of "^word$", without building the padded string.
      // (No closure per token for the padding: this loop runs for most words of every record.)
      const n = norm.length + 2;
      for (let j = 0; j + 4 <= n; j++) {
        let h = C;
        for (let k = j; k < j + 4; k++) h = Math.imul(h ^ (k === 0 ? CARET : k === n - 1 ? DOLLAR : norm.charCodeAt(k - 1)), FNV_PRIME);
        sink.add(bucket(h), text / 4, t.start, t.end, i, j, null);
      }
    }
  }
  if (opts.ruleFeatures) {
    // The rules' own verdict per tag, so the model can learn where to trust them.
    const scores = ruleScores(findings);
    for (const tag of TAG_IDS) output(scores[tag] >= RULE_THRESHOLD ? VERDICT_YES[tag] : VERDICT_NO[tag]);
    // For relationship tags, the surest role any of its cues reached, pooled
    // over cue families: a sibling linked by a verb is as good as a parent.
    const roles = new Map<string, number>();
    for (const f of findings) {
      if (!f.role) continue;
      const rank = f.weight > 0 ? (f.role === 'linked' ? 3 : 2) : 1;
      if ((roles.get(f.tag) ?? 0) < rank) roles.set(f.tag, rank);
    }
    for (const [tag, rank] of roles) output(`role:${tag}:${ROLE_RANKS[rank]}`);
    // Repeats of a cue add up to at most RULE_FEATURE_CAP: a narrative that
    // names "his wife" ten times is no more domestic than one that names her twice.
    const totals = new Map<string, { value: number; start: number; end: number }>();
    for (const f of findings) {
      const name = f.discount ? `r:${f.family}:${f.discount.reason}` : `r:${f.family}:counted${f.role ? `:${f.role}` : ''}`;
      const prev = totals.get(name);
      const value = f.discount ? 1 : f.weight;
      if (prev) prev.value += value;
      else totals.set(name, { value, start: f.start, end: f.end });
    }
    for (const [name, t] of totals) sink.add(hashRuleFeature(name), Math.min(t.value, RULE_FEATURE_CAP), t.start, t.end, -1, 0, name);
  }
}

/** The readable name of a feature ("w:drunk", "b:door staff", "c:^pub", "r:nte.door_staff:counted"), for explanations. */
export function featureName(tokens: readonly Token[], f: Feature): string {
  if (f.label !== null) return f.label;
  const norm = tokens[f.token]!.norm;
  if (f.part === WORD) return `w:${norm}`;
  if (f.part === BIGRAM) return `b:${norm} ${tokens[f.token + 1]!.norm}`;
  const padded = `^${norm}$`;
  return `c:${padded.slice(f.part, f.part + 4)}`;
}

/**
 * Tokens inside cues whose meaning the rules judge in context (a faith or
 * disability word needs hostility nearby). Left to the model as plain words,
 * "wheelchair" would learn the weight of the hate records it mostly appears in
 * and fire on every theft from a wheelchair user; the rule feature carries the
 * word together with the verdict.
 */
function judgedTokens(tokens: readonly Token[], findings: readonly Finding[]): boolean[] | null {
  let out: boolean[] | null = null;
  for (const f of findings) {
    if (!f.judged) continue;
    out ??= new Array<boolean>(tokens.length).fill(false);
    // Tokens are in text order (starts never decrease): find the first that
    // can lie inside the cue and walk only the cue's own tokens, so a record
    // dense with judged cues costs cues x cue length, not cues x record length.
    let lo = 0;
    let hi = tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (tokens[mid]!.start < f.start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < tokens.length && tokens[i]!.start <= f.end; i++) if (tokens[i]!.end <= f.end) out[i] = true;
  }
  return out;
}
