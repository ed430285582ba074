import { z } from 'zod';
import { TagResultSchema } from '../tagger/result.js';
import { TAG_IDS } from '../tags.js';

/*
 * The HTTP contract as zod schemas: requests are validated with them and
 * GET /openapi.json is generated from them, so the two cannot drift apart.
 * The result itself is the tagger's schema (src/tagger/result.ts).
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
