import type { Finding } from '../rules/analyse.js';
import { RULE_THRESHOLD, ruleScores } from '../rules/score.js';
import { TAG_IDS } from '../tags.js';
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

export interface Feature {
  readonly index: number;
  readonly value: number;
  /** Readable name, kept only when explaining a decision. */
  readonly name?: string;
  readonly start?: number;
  readonly end?: number;
}

export interface FeatureOptions {
  /** Include the rule layer's outputs (rules plus model) or not (model only). */
  readonly ruleFeatures: boolean;
  /** Keep names and spans for explanation (slower; off in bulk tagging). */
  readonly named?: boolean;
}

/** FNV-1a: fast, stable across platforms, good enough spread for feature hashing. */
export function hashFeature(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) & (HASH_SIZE - 1);
}

export function extractFeatures(tokens: readonly Token[], findings: readonly Finding[], opts: FeatureOptions): Feature[] {
  const named = opts.named ?? false;
  const features = new Map<number, { index: number; value: number; name?: string; start?: number; end?: number }>();
  const add = (name: string, value: number, start?: number, end?: number): void => {
    const index = hashFeature(name);
    const prev = features.get(index);
    if (prev) prev.value += value;
    else features.set(index, named ? { index, value, name, start, end } : { index, value });
  };
  // Text features are length-normalised so long narratives do not dominate.
  const text = 1 / Math.sqrt(Math.max(1, tokens.length));

  add('bias', 1);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    add(`w:${t.norm}`, text, t.start, t.end);
    const next = tokens[i + 1];
    if (next && next.sentence === t.sentence) add(`b:${t.norm} ${next.norm}`, text, t.start, next.end);
    if (t.norm.length >= 5 && !t.norm.startsWith('<')) {
      const padded = `^${t.norm}$`;
      for (let j = 0; j + 4 <= padded.length; j++) add(`c:${padded.slice(j, j + 4)}`, text / 4, t.start, t.end);
    }
  }
  if (opts.ruleFeatures) {
    // The rules' own verdict per tag, so the model can learn where to trust them.
    const scores = ruleScores(findings);
    for (const tag of TAG_IDS) add(scores[tag] >= RULE_THRESHOLD ? `rule:${tag}:yes` : `rule:${tag}:no`, 1);
    for (const f of findings) {
      if (f.discount) add(`r:${f.family}:${f.discount.reason}`, 1, f.start, f.end);
      else add(`r:${f.family}:counted${f.role ? `:${f.role}` : ''}`, f.weight, f.start, f.end);
    }
  }
  return [...features.values()];
}
