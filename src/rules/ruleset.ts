import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readJson } from '../text/resources.js';
import type { TagId } from '../tags.js';
import { TAG_IDS } from '../tags.js';
import { PhraseMatcher } from './matcher.js';
import { PERSON_FAMILIES } from './mentions.js';
import { compileRoleRules, type RoleRules } from './role-lexicon.js';
import type { ObfuscationVocabulary } from '../text/deobfuscate.js';
import type { GroupOwner, StanceOwner } from './stance.js';
import {
  ContextLexiconSchema,
  RoleLexiconSchema,
  PluralsSchema,
  RealWordsSchema,
  StanceLexiconSchema,
  SupportLexiconSchema,
  TagLexiconSchema,
  type ContextCategory,
  type StanceLexicon,
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
  | { readonly kind: 'context'; readonly family: CompiledContextFamily }
  | GroupOwner
  | { readonly kind: 'group_exclude' }
  | StanceOwner
  | { readonly kind: 'back_ref' }
  | { readonly kind: 'speech' };

/** Every lexicon, validated and compiled into one matcher. */
export interface RuleSet {
  readonly matcher: PhraseMatcher<PhraseOwner>;
  readonly cueFamilies: readonly CompiledCueFamily[];
  /** How many cue, support and context families were loaded (shown by `motag explain`). */
  readonly familyCount: number;
  /** Marker family id -> the tag it gives way to (see CueFamily.yieldsTo). */
  readonly yields: ReadonlyMap<string, TagId>;
  /** The party-role rules of lexicons/roles.json. */
  readonly roles: RoleRules;
  /** Words the obfuscation reader may restore (group words, slurs, hostile words) and real words it must leave alone. */
  readonly obfuscation: ObfuscationVocabulary;
  /** How stance findings meet context: categories that never discount them, and record-wide vetoes (lexicons/stance.json). */
  readonly stance: { readonly ignoresContext: readonly string[]; readonly forbiddenBy: readonly { family: string; reason: string }[] };
}

/*
 * Ids the code itself names. The data is checked against them at load, so a
 * lexicon where one was renamed refuses to load instead of quietly losing the
 * evidence that depends on it.
 */
/** Support families read by the masked-word resolver (with the cue families ending in SLUR_SUFFIX). */
export const UNMASKING_FAMILIES = ['hate.hostility', 'masked.everyday'] as const;
export const SLUR_SUFFIX = '.slur';
/** Slurs that are also everyday words; their other sense is a context category (slur_homonym). */
export const HOMONYM_SLUR_SUFFIX = '.homonym_slur';
/** The context category whose scope makes a support cue not count (analyse.ts, "IP is Muslim, no abuse"). */
export const NEGATED_CATEGORY = 'negated';

/** How lexicon nouns get their plurals: from lexicons/plurals.json, or (for the generator) from compromise directly. */
export interface RuleSetOptions {
  readonly plural?: (noun: string) => string | null;
}

export function loadRuleSet(lexiconDir: string, options: RuleSetOptions = {}): RuleSet {
  const pluralOf = options.plural ?? shippedPlurals(lexiconDir);
  const matcher = new PhraseMatcher<PhraseOwner>();
  // Every word of every phrase, for the obfuscation reader: words the rules read are never rewritten.
  const lexiconWords = new Set<string>();
  const add = (phrase: string, owner: PhraseOwner): void => {
    matcher.add(phrase, owner);
    for (const w of phrase.toLowerCase().split(/[\s|]+/)) if (/^[a-z]+$/.test(w)) lexiconWords.add(w);
  };
  const cueFamilies: CompiledCueFamily[] = [];
  const familyIds = new Set<string>();
  const claim = (id: string, where: string): void => {
    if (familyIds.has(id)) throw new Error(`motag: family id "${id}" is defined twice (${where})`);
    familyIds.add(id);
  };

  const tagDir = join(lexiconDir, 'tags');
  const fileOf = new Map<string, string>();
  const seenTags = new Set<TagId>();
  for (const file of readdirSync(tagDir).filter((f) => f.endsWith('.json')).sort()) {
    const lex = parseOrExplain(TagLexiconSchema, readJson(join(tagDir, file)), `lexicons/tags/${file}`);
    seenTags.add(lex.tag);
    for (const fam of lex.families) {
      claim(fam.id, file);
      if (!fam.id.startsWith(`${lex.tag}.`)) throw new Error(`motag: family "${fam.id}" in ${file} must start with "${lex.tag}."`);
      const entries = fam.inflect ? withPlurals(fam.entries, pluralOf) : fam.entries;
      const family: CompiledCueFamily = { ...fam, entries, tag: lex.tag };
      fileOf.set(fam.id, join(tagDir, file));
      cueFamilies.push(family);
      for (const phrase of entries) add(phrase, { kind: 'cue', family });
      for (const phrase of fam.exclude ?? []) add(phrase, { kind: 'exclude', family });
    }
  }
  const missing = TAG_IDS.filter((t) => !seenTags.has(t));
  if (missing.length > 0) throw new Error(`motag: no lexicon for tags ${missing.join(', ')} in ${tagDir}`);

  const supportFile = join(lexiconDir, 'support.json');
  const support = parseOrExplain(SupportLexiconSchema, readJson(supportFile), supportFile);
  for (const fam of support.families) {
    claim(fam.id, 'support.json');
    for (const phrase of fam.entries) add(phrase, { kind: 'support', id: fam.id });
  }

  const contextFile = join(lexiconDir, 'context.json');
  const context = parseOrExplain(ContextLexiconSchema, readJson(contextFile), contextFile);
  for (const fam of context.families) {
    claim(fam.id, 'context.json');
    const structural = fam.direction === 'pseudo' || fam.direction === 'terminate';
    const effect = context.categories[fam.category];
    if (!structural && !effect) throw new Error(`motag: context family "${fam.id}" names unknown category "${fam.category}"`);
    if (!structural && fam.maxScope === undefined) throw new Error(`motag: context family "${fam.id}" needs maxScope`);
    for (const target of fam.appliesTo ?? []) {
      if (!(TAG_IDS as readonly string[]).includes(target) && !cueFamilies.some((f) => f.id === target)) {
        throw new Error(`motag: ${contextFile}: context family "${fam.id}" applies to unknown tag or cue family "${target}"`);
      }
    }
    const compiled: CompiledContextFamily = { ...fam, effect: structural ? undefined : effect };
    for (const phrase of fam.literals) add(phrase, { kind: 'context', family: compiled });
  }

  const supportIds = new Set(support.families.map((f) => f.id));
  const needSupport = (id: string, what: string): void => {
    if (!supportIds.has(id)) throw new Error(`motag: ${supportFile} has no family "${id}" (${what})`);
  };
  for (const id of UNMASKING_FAMILIES) needSupport(id, 'masked words are resolved against it');
  for (const id of PERSON_FAMILIES) needSupport(id, 'the role rules find the people named with it');
  if (!cueFamilies.some((f) => f.id.endsWith(SLUR_SUFFIX))) throw new Error(`motag: ${tagDir} has no family ending in "${SLUR_SUFFIX}" (masked slurs are resolved against them)`);
  if (!context.categories[NEGATED_CATEGORY]) throw new Error(`motag: ${contextFile} has no category "${NEGATED_CATEGORY}" (a denied support cue does not count)`);
  const categories = new Set(Object.keys(context.categories));
  for (const fam of cueFamilies) {
    for (const c of fam.ignoresContext ?? []) {
      if (!categories.has(c)) throw new Error(`motag: ${fileOf.get(fam.id)}: family "${fam.id}" ignores unknown context category "${c}" (categories are in ${contextFile})`);
    }
  }
  const stanceFile = join(lexiconDir, 'stance.json');
  const stance = parseOrExplain(StanceLexiconSchema, readJson(stanceFile), stanceFile);
  const groupWords: string[] = [];
  for (const group of stance.groups) {
    const owner: GroupOwner = { kind: 'group', strand: group.strand };
    const forms = [...group.entries, ...group.nouns.flatMap((n) => [n, pluralOf(n) ?? n])];
    for (const phrase of new Set(forms)) add(phrase, owner);
    for (const phrase of group.exclude) add(phrase, { kind: 'group_exclude' });
    groupWords.push(...forms);
  }
  for (const family of stance.hostility) {
    claim(family.id, 'stance.json');
    for (const phrase of family.entries) add(phrase, { kind: 'stance', family });
  }
  for (const v of stance.forbiddenBy) needSupport(v.family, `${stanceFile} vetoes stance findings with it`);
  for (const c of stance.ignoresContext) {
    if (!context.categories[c]) throw new Error(`motag: ${stanceFile}: ignoresContext names unknown context category "${c}"`);
  }
  for (const phrase of stance.backReference.entries) add(phrase, { kind: 'back_ref' });
  for (const phrase of stance.speech.entries) add(phrase, { kind: 'speech' });

  const rolesFile = join(lexiconDir, 'roles.json');
  const roles = compileRoleRules(parseOrExplain(RoleLexiconSchema, readJson(rolesFile), rolesFile), supportIds, rolesFile);

  for (const fam of cueFamilies) {
    for (const needed of [...(fam.requires ?? []).map((r) => r.family), ...(fam.forbiddenBy ?? []).map((v) => v.family)]) {
      if (needed && !familyIds.has(needed)) throw new Error(`motag: ${fileOf.get(fam.id)}: family "${fam.id}" names unknown support family "${needed}"`);
    }
  }
  // Masked slurs and swearing are resolved against the slur families, hostility words and
  // everyday swear words: a mask that fits both a slur and a swear word stays unresolved.
  matcher.allowUnmasking(
    // Homonym slurs too: nobody masks a cigarette, so "f*gs" is the slur.
    [...cueFamilies.filter((f) => f.id.endsWith(SLUR_SUFFIX) || f.id.endsWith(HOMONYM_SLUR_SUFFIX)).flatMap((f) => f.entries), ...support.families.filter((f) => (UNMASKING_FAMILIES as readonly string[]).includes(f.id)).flatMap((f) => f.entries)]
      // Every word of a phrase or its alternatives: "b*tty boy" is "batty boy".
      .flatMap((e) => e.toLowerCase().split(/[\s|]+/))
      .filter((w) => w !== '...' && !w.endsWith('*') && /^[a-z']+$/.test(w)),
  );
  const yields = new Map<string, TagId>();
  for (const fam of cueFamilies) if (fam.yieldsTo) yields.set(fam.id, fam.yieldsTo);
  const { targets, anchors } = obfuscationTargets(groupWords, cueFamilies, stance);
  const realWordsFile = join(lexiconDir, 'real-words.json');
  const realWords = parseOrExplain(RealWordsSchema, readJson(realWordsFile), realWordsFile);
  // Words of any lexicon phrase are words the rules already read ("allahu" of "allahu akbar"): never rewritten either.
  const neverRewrite = new Set([...realWords.words, ...stance.neverRewrite.entries, ...[...lexiconWords].filter((w) => !targets.has(w))]);
  return { matcher, cueFamilies, familyCount: familyIds.size, yields, roles, obfuscation: { targets, anchors, neverRewrite }, stance: { ignoresContext: stance.ignoresContext, forbiddenBy: stance.forbiddenBy } };
}

function parseOrExplain<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }, value: unknown, where: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`);
  throw new Error(`motag: invalid lexicon ${where}:\n  ${issues.join('\n  ')}`);
}

/**
 * The words the obfuscation reader may restore a disguised token to: the
 * one-word entries of the group lexicon, the slur families and the hostile
 * words said about a group (not words inside phrases: "with" of "fed up
 * with" is no hate word). Group words and slurs are also the anchors a
 * run-together token must contain to be split ("ihatemexicans").
 */
function obfuscationTargets(groupWords: readonly string[], cueFamilies: readonly CompiledCueFamily[], stance: StanceLexicon): { targets: Set<string>; anchors: Set<string> } {
  const oneWord = (phrases: readonly string[]): string[] => phrases.map((e) => e.toLowerCase()).filter((w) => /^[a-z]+$/.test(w));
  const anchors = new Set(oneWord([...groupWords, ...cueFamilies.filter((f) => f.id.endsWith(SLUR_SUFFIX) || f.id.endsWith(HOMONYM_SLUR_SUFFIX)).flatMap((f) => f.entries)]));
  const hostile = oneWord(stance.hostility.filter((f) => f.kind !== 'reported_abuse').flatMap((f) => f.entries));
  return { targets: new Set([...anchors, ...hostile]), anchors };
}

/** Plain entries (no alternatives, prefixes, gaps or masks) with their plurals added. */
function withPlurals(entries: readonly string[], pluralOf: (noun: string) => string | null): string[] {
  const out = new Set(entries);
  for (const e of entries) {
    if (!/^[a-z' ]+$/.test(e)) continue;
    const plural = pluralOf(e);
    if (plural) out.add(plural);
  }
  return [...out];
}

/**
 * The plurals compromise gave for every lexicon noun, read from
 * lexicons/plurals.json (`npm run lexicon:generate`): compromise itself costs
 * 40 MB and half a second in every process and tagging thread, for a few
 * hundred words that only change when a lexicon does. A noun missing from the
 * file means the file is stale, and the lexicons refuse to load.
 */
function shippedPlurals(lexiconDir: string): (noun: string) => string | null {
  const file = join(lexiconDir, 'plurals.json');
  const { plurals } = parseOrExplain(PluralsSchema, readJson(file), file);
  return (noun) => {
    if (!(noun in plurals)) throw new Error(`motag: ${file} has no plural for "${noun}": run npm run lexicon:generate`);
    return plurals[noun] ?? null;
  };
}
