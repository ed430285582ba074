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

/**
 * One record of a batch. A record that fails this is answered with its own
 * error in its place, never by failing the batch: a pipeline sending 500
 * records should not lose 499 for one empty text. A whole-number id is taken
 * as its decimal string (ids often come out of databases as numbers), and
 * fields other than id and text are ignored.
 */
export function batchRecordSchema(maxText: number) {
  return z.object({
    id: z.union([z.string().min(1, 'id is empty').max(200, 'id is over 200 characters'), z.number().int().transform(String)], { error: 'id must be a string (or a whole number)' }),
    text: narrativeText(maxText),
  });
}

/** The batch itself: malformed (not an object, no records array, too many records) is a 400 for the whole request. */
export function batchEnvelopeSchema(maxBatch: number) {
  return z
    .object({
      records: z
        .array(z.unknown())
        .min(1, 'records is empty')
        .max(maxBatch, `at most ${maxBatch} records per batch`),
    })
    .strict();
}

/** The request as documented in OpenAPI: the envelope with the record schema in it. */
export function batchRequestSchema(maxText: number, maxBatch: number) {
  return z
    .object({
      records: z.array(batchRecordSchema(maxText)).min(1).max(maxBatch),
    })
    .strict();
}

/** In a batch answer, in the place of a record that could not be tagged. */
export const RecordErrorSchema = z.object({
  id: z.string().nullable().describe('The record id as sent, when it was a string or number'),
  error: z.object({ code: z.literal('invalid_record'), message: z.string(), details: z.array(z.object({ path: z.string(), message: z.string() })) }),
});

const TagId = z.enum(TAG_IDS);
export const BatchResultSchema = z.object({
  model: z.string().describe('The model that tagged the records'),
  results: z.array(z.union([TagResultSchema, RecordErrorSchema])).describe('One entry per record, in order: a result, or an error for a record that failed validation'),
});

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
