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
  /** How many tokens the scope reaches (it never leaves the clause). */
  maxScope: z.number().int().positive().optional(),
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
