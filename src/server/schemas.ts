import { z } from 'zod';
import { TAG_IDS } from '../tags.js';

/*
 * The HTTP contract as zod schemas: requests are validated with them and
 * GET /openapi.json is generated from them, so the two cannot drift apart.
 */
export function tagRequestSchema(maxText: number) {
  return z
    .object({
      id: z.string().max(200).optional().describe('Caller-supplied record id, echoed in the result'),
      text: z.string().trim().min(1, 'text is empty').max(maxText, `text is over ${maxText} characters`).describe('The narrative (MO text)'),
    })
    .strict();
}

export function batchRequestSchema(maxText: number, maxBatch: number) {
  return z
    .object({
      records: z
        .array(
          z
            .object({
              id: z.string().min(1).max(200),
              text: z.string().trim().min(1, 'text is empty').max(maxText, `text is over ${maxText} characters`),
            })
            .strict(),
        )
        .min(1, 'records is empty')
        .max(maxBatch, `at most ${maxBatch} records per batch`),
    })
    .strict();
}

const TagId = z.enum(TAG_IDS);
const Span = { start: z.number().int(), end: z.number().int(), text: z.string() };

export const TagResultSchema = z.object({
  id: z.string().nullable(),
  tags: z.array(TagId).describe('The tags decided yes'),
  scores: z.object(Object.fromEntries(TAG_IDS.map((t) => [t, z.number().min(0).max(1)]))),
  needs_review: z.array(TagId).describe("Tags whose score is inside the model's abstain band"),
  evidence: z.array(z.object({ tag: TagId, ...Span, source: z.string(), weight: z.number(), note: z.string().optional() })),
  discounted: z.array(z.object({ tag: TagId, ...Span, reason: z.string(), source: z.string(), by: z.string().optional() })),
  model: z.string(),
});

export const BatchResultSchema = z.object({ results: z.array(TagResultSchema) });

export const ErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

export const TagsListSchema = z.object({
  model: z.string(),
  tags: z.array(
    z.object({
      id: TagId,
      definition: z.string(),
      threshold: z.number(),
      review_band: z.object({ low: z.number(), high: z.number() }).nullable(),
    }),
  ),
});
