import { createTagger, type Tagger } from '../src/tagger/tagger.js';
import type { TagId } from '../src/tags.js';

let rules: Tagger | null = null;
let shipped: Tagger | null = null;
/**
 * The rule layer alone: the rules implement TAGS.md's definitions and are
 * tested rule by rule. Built once per test file (it reads every lexicon).
 */
export function tagger(): Tagger {
  rules ??= createTagger({ modelPath: null });
  return rules;
}

/** The tagger as shipped: rules plus the trained model in models/. */
export function shippedTagger(): Tagger {
  shipped ??= createTagger();
  return shipped;
}

export function tagsOf(text: string): TagId[] {
  return tagger().tag(text).tags;
}

/** A row of a behaviour table: the narrative and the tags it must and must not get. */
export interface Case {
  readonly text: string;
  readonly yes?: readonly TagId[];
  readonly no?: readonly TagId[];
}

export function describeCase(c: Case): string {
  const parts = [...(c.yes ?? []).map((t) => `+${t}`), ...(c.no ?? []).map((t) => `-${t}`)];
  return `${parts.join(' ')}: ${c.text}`;
}

export function checkCase(c: Case): void {
  const tags = tagsOf(c.text);
  const missing = (c.yes ?? []).filter((t) => !tags.includes(t));
  const extra = (c.no ?? []).filter((t) => tags.includes(t));
  if (missing.length > 0 || extra.length > 0) {
    const r = tagger().tag(c.text);
    throw new Error(
      `"${c.text}"\n  missing: ${missing.join(', ') || '-'}\n  unwanted: ${extra.join(', ') || '-'}\n  got: ${tags.join(', ') || '(none)'}\n` +
        `  evidence: ${r.evidence.map((e) => `${e.tag}:${e.text}(${e.weight})`).join(' ')}\n` +
        `  discounted: ${r.discounted.map((d) => `${d.tag}:${d.text}:${d.reason}`).join(' ')}`,
    );
  }
}
