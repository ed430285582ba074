import { z } from 'zod';
import { TAG_IDS } from '../tags.js';

/*
 * The shapes of the reviewed data in lexicons/. Everything is validated when
 * the tagger is built, so a typo in a lexicon fails loudly at start-up rather
 * than silently never matching.
 *
 * Pattern syntax (one entry = one phrase, tokens separated by spaces):
 *   word        the normalised token, after shorthand and spelling
 *   word*       any token starting with "word"
 *   a|b|c       any one of the alternatives, each ONE token (each may end in *):
 *               "go back to africa|your own" means "...africa|your" then "own";
 *               write a multi-word alternative as its own entry
 *   ...         up to three tokens of anything (same sentence)
 *   <night_time>, <day_time>   clock-time classes from the text layer
 */
const Phrase = z.string().trim().min(1);
const FamilyId = z.string().regex(/^[a-z_]+\.[a-z_]+$/, 'family ids look like "tag.family"');

const Veto = z.object({ family: FamilyId, reason: z.string().regex(/^[a-z_]+$/) });
const Requirement = z.object({
  family: FamilyId,
  /** Tokens either side within the sentence, or anywhere in the record. */
  within: z.union([z.number().int().positive(), z.literal('record')]),
  reason: z.string().regex(/^[a-z_]+$/),
});
export type Requirement = z.infer<typeof Requirement>;

export const CueFamilySchema = z.object({
  id: FamilyId,
  note: z.string().min(10),
  weight: z.number().gt(0).lte(1),
  entries: z.array(Phrase).min(1),
  /** Phrases that contain a cue but do not mean it ("drink-drive" is not street drinking). */
  exclude: z.array(Phrase).optional(),
  /**
   * The cue counts only with a support cue close by ("Muslim" needs abuse nearby to be a hate cue).
   * A list means any one of them will do, each with its own reach.
   */
  requires: z
    .union([Requirement, z.array(Requirement).min(1)])
    .transform((r) => (Array.isArray(r) ? r : [r]))
    .optional(),
  /**
   * The cue does not count when a support cue is anywhere in the record ("not related", "not in a relationship").
   * A list means any one of them vetoes it.
   */
  forbiddenBy: z
    .union([Veto, z.array(Veto).min(1)])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .optional(),
  /** A relationship cue: it counts only when the party-role rules link victim and suspect. */
  relationship: z.boolean().optional(),
  /**
   * For a relationship cue the role rules could neither link nor rule out: the
   * fraction of its weight it still counts for (default UNCLEAR_ROLE_FACTOR in
   * analyse.ts). Under 0.59 an unlinked cue alone stays below the rule threshold.
   */
  unlinkedFactor: z.number().gte(0).lte(1).optional(),
  /** Context categories that never apply to this family ("her ex denied it" does not deny the ex). */
  ignoresContext: z.array(z.string().regex(/^[a-z_]+$/)).optional(),
  /** Entries are nouns: each plain entry is matched in its plural too ("batty boy" -> "batty boys"), from lexicons/plurals.json (inflect.ts). */
  inflect: z.boolean().optional(),
  /** A marker that gives way when another tag is shown by linked relationship cues (DV between family). */
  yieldsTo: z.enum(TAG_IDS).optional(),
});

export const TagLexiconSchema = z.object({
  tag: z.enum(TAG_IDS),
  note: z.string().min(10),
  families: z.array(CueFamilySchema).min(1),
});

export const SupportFamilySchema = z.object({
  id: FamilyId,
  note: z.string().min(10),
  entries: z.array(Phrase).min(1),
});

export const SupportLexiconSchema = z.object({
  description: z.string(),
  families: z.array(SupportFamilySchema).min(1),
});

/** What a context category does to the cues in its scope. */
export const ContextCategorySchema = z.object({
  effect: z.enum(['discount', 'weaken']),
  /** For "weaken": the factor the cue's weight is multiplied by. */
  factor: z.number().gt(0).lt(1).optional(),
  note: z.string().min(10),
});

export const ContextFamilySchema = z.object({
  id: z.string().regex(/^[a-z_]+\.[a-z_]+$/),
  note: z.string().min(10),
  /** A category name from "categories", or the structural kinds "pseudo" and "terminate". */
  category: z.string().regex(/^[a-z_]+$/),
  direction: z.enum(['forward', 'backward', 'bidirectional', 'pseudo', 'terminate']),
  /** How many tokens the scope reaches. */
  maxScope: z.number().int().positive().optional(),
  /**
   * What the scope may not leave: the clause and the quote (default), or the
   * sentence, across clauses and quote edges. Counter-speech reaches into the
   * quote it condemns: 'IP said "Muslims are terrorists" is a vile thing to say'.
   */
  reach: z.enum(['clause', 'sentence']).default('clause'),
  /** Tags or cue families ("alcohol", "alcohol.beverage") this rule applies to; all when absent. */
  appliesTo: z.array(z.string()).optional(),
  literals: z.array(Phrase).min(1),
});

export const ContextLexiconSchema = z.object({
  description: z.string(),
  categories: z.record(z.string(), ContextCategorySchema),
  families: z.array(ContextFamilySchema).min(1),
});

export type CueFamily = z.infer<typeof CueFamilySchema>;
export type TagLexicon = z.infer<typeof TagLexiconSchema>;
export type SupportFamily = z.infer<typeof SupportFamilySchema>;
export type ContextCategory = z.infer<typeof ContextCategorySchema>;
export type ContextFamily = z.infer<typeof ContextFamilySchema>;

/*
 * lexicons/roles.json: the party-role rules as an ordered list (see its description).
 * Conditions are checked against the predicate library and the word classes when the
 * rules load (role-lexicon.ts), so a renamed id fails at start-up.
 */
const ClassId = z.string().regex(/^[a-z_]+$/, 'class ids are lower_snake_case');
const RoleRuleId = z.string().regex(/^role\.[a-z_]+$/, 'role rule ids look like "role.rule_name"');
export type RoleCondition =
  | { readonly near: string; readonly side: 'before' | 'after'; readonly within: number; readonly only?: string; readonly none?: string }
  | { readonly in_sentence: string }
  | { readonly before: string }
  | { readonly lead: string }
  | { readonly sentence_has: readonly string[] }
  | { readonly test: string; readonly with?: Readonly<Record<string, string | number>> }
  | { readonly any: readonly RoleCondition[] }
  | { readonly ref: string };
export const RoleConditionSchema: z.ZodType<RoleCondition> = z.lazy(() =>
  z.union([
    z.object({ near: FamilyId, side: z.enum(['before', 'after']), within: z.number().int().positive(), only: ClassId.optional(), none: ClassId.optional() }).strict(),
    z.object({ in_sentence: FamilyId }).strict(),
    z.object({ before: Phrase }).strict(),
    z.object({ lead: Phrase }).strict(),
    z.object({ sentence_has: z.array(Phrase).min(1) }).strict(),
    z.object({ test: ClassId, with: z.record(z.string(), z.union([z.string(), z.number()])).optional() }).strict(),
    z.object({ any: z.array(RoleConditionSchema).min(2) }).strict(),
    z.object({ ref: ClassId }).strict(),
  ]),
);

export const RoleRuleSchema = z
  .object({
    id: RoleRuleId,
    link: z.enum(['linked', 'wrong_party', 'unclear']),
    /** Shown to reviewers as the reason for the decision. */
    why: z.string().min(5),
    note: z.string().min(10),
    /** All must hold; an empty list always holds (the last, default rule). */
    when: z.array(RoleConditionSchema),
    unless: z.array(RoleConditionSchema).optional(),
  })
  .strict();

export const WordClassSchema = z
  .object({
    id: ClassId,
    note: z.string().min(10),
    /** Single tokens, or "@class" for every word of another class. */
    words: z.array(z.string().regex(/^(@[a-z_]+|[^\s|*]+)$/, 'one token per word (or @class)')).min(1),
  })
  .strict();

export const RoleLexiconSchema = z
  .object({
    description: z.string(),
    classes: z.array(WordClassSchema).min(1),
    conditions: z.record(ClassId, RoleConditionSchema),
    rules: z.array(RoleRuleSchema).min(1),
  })
  .strict();

export type RoleRule = z.infer<typeof RoleRuleSchema>;
export type RoleLexicon = z.infer<typeof RoleLexiconSchema>;

/*
 * lexicons/stance.json: what was said about a group (stance.ts). Group nouns
 * are written singular; their plurals come from lexicons/plurals.json (inflect.ts).
 */
const StanceKind = z.enum(['dehumanisation', 'threat', 'hatred', 'derogation', 'question', 'lumping', 'reported_abuse', 'address']);
export type StanceKind = z.infer<typeof StanceKind>;

export const StanceGroupSchema = z
  .object({
    strand: z.enum(TAG_IDS).refine((t) => t.startsWith('hate_'), 'a group belongs to a hate strand'),
    note: z.string().min(10),
    /** Singular nouns: each is matched as written and in its plural. */
    nouns: z.array(Phrase),
    /** Adjectives, plurals and phrases matched as written. */
    entries: z.array(Phrase),
    /** Phrases containing a group word that do not name the group ("black jacket", "disabled the alarm"). */
    exclude: z.array(Phrase),
  })
  .strict();

export const StanceFamilySchema = z
  .object({
    id: z.string().regex(/^stance\.[a-z_]+$/, 'stance family ids look like "stance.name"'),
    kind: StanceKind,
    note: z.string().min(10),
    weight: z.number().gt(0).lte(1),
    /** Counts only in what was said: inside quotes or after a speech word in the sentence (default true). */
    said: z.boolean().default(true),
    /** The most tokens between this word and the group word it is said about (same clause). */
    reach: z.number().int().positive().default(12),
    /** "record": the group may be named anywhere in the record ("you people"). */
    target: z.enum(['near', 'record']).default('near'),
    /** Context categories that do not discount this family ("I don't carry your kind" is still hostile address). */
    ignoresContext: z.array(z.string().regex(/^[a-z_]+$/)).default([]),
    entries: z.array(Phrase).min(1),
  })
  .strict();
export type StanceFamily = z.infer<typeof StanceFamilySchema>;

const NotedList = z.object({ note: z.string().min(10), entries: z.array(Phrase).min(1) }).strict();

export const StanceLexiconSchema = z
  .object({
    description: z.string(),
    groups: z.array(StanceGroupSchema).min(1),
    hostility: z.array(StanceFamilySchema).min(1),
    /** Context categories that do not discount what was said ("should be deported" is the threat, not a hypothetical). */
    ignoresContext: z.array(z.string().regex(/^[a-z_]+$/)),
    /** Support families that, anywhere in the record, veto every stance finding ("no hate element"). */
    forbiddenBy: z.array(Veto),
    backReference: NotedList,
    speech: NotedList,
    neverRewrite: NotedList,
  })
  .strict();
export type StanceLexicon = z.infer<typeof StanceLexiconSchema>;

/** lexicons/real-words.json: generated by `npm run lexicon:generate` (src/text/real-words.ts). */
export const RealWordsSchema = z
  .object({
    description: z.string(),
    source: z.string(),
    minLength: z.number().int().positive(),
    words: z.array(z.string().regex(/^[a-z]+$/)),
  })
  .strict();

/** lexicons/plurals.json: each lexicon noun's plural as compromise gives it (null: none), generated by `npm run lexicon:generate`. */
export const PluralsSchema = z
  .object({
    description: z.string(),
    source: z.string(),
    plurals: z.record(z.string(), z.string().nullable()),
  })
  .strict();
