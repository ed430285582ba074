import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readJson } from '../text/resources.js';
import type { TagId } from '../tags.js';
import { TAG_IDS } from '../tags.js';
import { PhraseMatcher } from './matcher.js';
import {
  ContextLexiconSchema,
  SupportLexiconSchema,
  TagLexiconSchema,
  type ContextCategory,
  type ContextFamily,
  type CueFamily,
} from './schema.js';

export interface CompiledCueFamily extends CueFamily {
  readonly tag: TagId;
}

export interface CompiledContextFamily extends ContextFamily {
  /** The category's effect; undefined for the structural pseudo and terminate families. */
  readonly effect: ContextCategory | undefined;
}

/** What a phrase in the shared matcher belongs to. */
export type PhraseOwner =
  | { readonly kind: 'cue'; readonly family: CompiledCueFamily }
  | { readonly kind: 'exclude'; readonly family: CompiledCueFamily }
  | { readonly kind: 'support'; readonly id: string }
  | { readonly kind: 'context'; readonly family: CompiledContextFamily };

/** Every lexicon, validated and compiled into one matcher. */
export interface RuleSet {
  readonly matcher: PhraseMatcher<PhraseOwner>;
  readonly cueFamilies: readonly CompiledCueFamily[];
  /** How many cue, support and context families were loaded (shown by `motag explain`). */
  readonly familyCount: number;
  /** Marker family id -> the tag it gives way to (see CueFamily.yieldsTo). */
  readonly yields: ReadonlyMap<string, TagId>;
}

export function loadRuleSet(lexiconDir: string): RuleSet {
  const matcher = new PhraseMatcher<PhraseOwner>();
  const cueFamilies: CompiledCueFamily[] = [];
  const familyIds = new Set<string>();
  const claim = (id: string, where: string): void => {
    if (familyIds.has(id)) throw new Error(`motag: family id "${id}" is defined twice (${where})`);
    familyIds.add(id);
  };

  const tagDir = join(lexiconDir, 'tags');
  const seenTags = new Set<TagId>();
  for (const file of readdirSync(tagDir).filter((f) => f.endsWith('.json')).sort()) {
    const lex = parseOrExplain(TagLexiconSchema, readJson(join(tagDir, file)), `lexicons/tags/${file}`);
    seenTags.add(lex.tag);
    for (const fam of lex.families) {
      claim(fam.id, file);
      if (!fam.id.startsWith(`${lex.tag}.`)) throw new Error(`motag: family "${fam.id}" in ${file} must start with "${lex.tag}."`);
      const family: CompiledCueFamily = { ...fam, tag: lex.tag };
      cueFamilies.push(family);
      for (const phrase of fam.entries) matcher.add(phrase, { kind: 'cue', family });
      for (const phrase of fam.exclude ?? []) matcher.add(phrase, { kind: 'exclude', family });
    }
  }
  const missing = TAG_IDS.filter((t) => !seenTags.has(t));
  if (missing.length > 0) throw new Error(`motag: no lexicon for tags ${missing.join(', ')} in ${tagDir}`);

  const support = parseOrExplain(SupportLexiconSchema, readJson(join(lexiconDir, 'support.json')), 'lexicons/support.json');
  for (const fam of support.families) {
    claim(fam.id, 'support.json');
    for (const phrase of fam.entries) matcher.add(phrase, { kind: 'support', id: fam.id });
  }

  const context = parseOrExplain(ContextLexiconSchema, readJson(join(lexiconDir, 'context.json')), 'lexicons/context.json');
  for (const fam of context.families) {
    claim(fam.id, 'context.json');
    const structural = fam.direction === 'pseudo' || fam.direction === 'terminate';
    const effect = context.categories[fam.category];
    if (!structural && !effect) throw new Error(`motag: context family "${fam.id}" names unknown category "${fam.category}"`);
    if (!structural && fam.maxScope === undefined) throw new Error(`motag: context family "${fam.id}" needs maxScope`);
    const compiled: CompiledContextFamily = { ...fam, effect: structural ? undefined : effect };
    for (const phrase of fam.literals) matcher.add(phrase, { kind: 'context', family: compiled });
  }

  for (const fam of cueFamilies) {
    for (const needed of [...(fam.requires ?? []).map((r) => r.family), ...(fam.forbiddenBy ?? []).map((v) => v.family)]) {
      if (needed && !familyIds.has(needed)) throw new Error(`motag: family "${fam.id}" names unknown support family "${needed}"`);
    }
  }
  // Masked slurs and swearing are resolved against the slur families, hostility words and
  // everyday swear words: a mask that fits both a slur and a swear word stays unresolved.
  matcher.allowUnmasking(
    [...cueFamilies.filter((f) => f.id.endsWith('.slur')).flatMap((f) => f.entries), ...support.families.filter((f) => f.id === 'hate.hostility' || f.id === 'masked.everyday').flatMap((f) => f.entries)]
      // Every word of a phrase or its alternatives: "b*tty boy" is "batty boy".
      .flatMap((e) => e.toLowerCase().split(/[\s|]+/))
      .filter((w) => w !== '...' && !w.endsWith('*') && /^[a-z']+$/.test(w)),
  );
  const yields = new Map<string, TagId>();
  for (const fam of cueFamilies) if (fam.yieldsTo) yields.set(fam.id, fam.yieldsTo);
  return { matcher, cueFamilies, familyCount: familyIds.size, yields };
}

function parseOrExplain<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }, value: unknown, where: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`);
  throw new Error(`motag: invalid lexicon ${where}:\n  ${issues.join('\n  ')}`);
}
