import { z } from 'zod';
import { TAG_IDS, type TagId } from '../tags.js';

/*
 * The result of tagging one narrative (INTERFACE.md), as one zod schema: the
 * TypeScript types below are inferred from it, and the HTTP service documents
 * its responses with it (GET /openapi.json), so the two cannot drift apart.
 */
const TagIdSchema = z.enum(TAG_IDS);
const Span = { start: z.number().int(), end: z.number().int(), text: z.string() };

/** A span of the original text that supports a tag (INTERFACE.md "evidence"). */
export const EvidenceSchema = z.object({
  tag: TagIdSchema,
  ...Span,
  /** "lexicon:<family id>" for a rule cue, "model:<feature>" for a model-only decision. */
  source: z.string(),
  /** How much the cue counted (after weakening or an unclear role). */
  weight: z.number(),
  note: z.string().optional(),
});

/** A cue that was seen but does not count, with the reason (INTERFACE.md "discounted"). */
export const DiscountedSchema = z.object({
  tag: TagIdSchema,
  ...Span,
  reason: z.string(),
  source: z.string(),
  /** The words or rule that caused the discount. */
  by: z.string().optional(),
});

export const TagResultSchema = z.object({
  id: z.string().nullable(),
  /** Exactly the tags decided yes, in INTERFACE.md order. */
  tags: z.array(TagIdSchema).describe('The tags decided yes'),
  scores: z.object(Object.fromEntries(TAG_IDS.map((t) => [t, z.number().min(0).max(1)])) as Record<TagId, z.ZodNumber>),
  /** Tags whose score falls in the model's abstain band: a reviewer should check them (decided or not). */
  needs_review: z.array(TagIdSchema).describe("Tags whose score is inside the model's abstain band"),
  evidence: z.array(EvidenceSchema),
  discounted: z.array(DiscountedSchema),
  model: z.string(),
});

export type Evidence = z.infer<typeof EvidenceSchema>;
export type Discounted = z.infer<typeof DiscountedSchema>;
/** One tagged narrative: the JSON shape of INTERFACE.md. */
export type TagResult = z.infer<typeof TagResultSchema>;
