import { z } from 'zod';
import { TagResultSchema } from '../tagger/result.js';
import { TAG_IDS } from '../tags.js';
import { textProblem } from '../text/narrative.js';

/*
 * The HTTP contract as zod schemas: requests are validated with them and
 * GET /openapi.json is generated from them, so the two cannot drift apart.
 * The result itself is the tagger's schema (src/tagger/result.ts).
 */
/**
 * The narrative as sent: checked by the same validator as batch input
 * (src/text/narrative.ts) and never trimmed, so evidence offsets index the
 * caller's own string. The meta gives OpenAPI the limits the check enforces.
 */
function narrativeText(maxText: number) {
  return z
    .string()
    .superRefine((text, ctx) => {
      const problem = textProblem(text, maxText);
      if (problem?.kind === 'empty') ctx.addIssue({ code: 'custom', message: 'text is empty' });
      else if (problem?.kind === 'too_long') ctx.addIssue({ code: 'custom', message: `text is over ${maxText} characters` });
    })
    .meta({ minLength: 1, maxLength: maxText });
}

export function tagRequestSchema(maxText: number) {
  return z
    .object({
      id: z.string().max(200).optional().describe('Caller-supplied record id, echoed in the result'),
      text: narrativeText(maxText).describe('The narrative (MO text); evidence offsets are UTF-16 code unit indices into it as sent'),
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
              text: narrativeText(maxText),
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
