import { z } from 'zod';
import { TAG_IDS, type TagId } from '../tags.js';
import { QUEUES } from './queues.js';

/** Request shapes of the review API: they validate requests and generate /openapi.json. */
export const MAX_COMMENT = 2000;

export const LoginSchema = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(1024) }).strict();
export const QueueQuery = z
  .object({
    queue: z.enum(QUEUES),
    tag: z.enum(TAG_IDS).optional(),
    run: z.coerce.number().int().positive().optional(),
    offset: z.coerce.number().int().min(0).default(0),
    limit: z.coerce.number().int().min(1).max(1000).default(500),
  })
  .strict();
export const RecordQuery = z.object({ queue: z.enum(QUEUES).optional() }).strict();
export const Bit = z.union([z.literal(0), z.literal(1)]);
/** yes (1), no (0) or "unsure": an unsure label keeps the record in the reviewer's queue and out of the corpus. */
export const ReviewLabel = z.union([Bit, z.literal('unsure')]);
/** Search by the export's record id (exact). */
export const RecordSearchQuery = z.object({ id: z.string().min(1).max(200) }).strict();
export const ReviewSchema = z
  .object({
    queue: z.enum(QUEUES),
    labels: z.object(Object.fromEntries(TAG_IDS.map((t) => [t, ReviewLabel])) as Record<TagId, typeof ReviewLabel>).strict(),
    comment: z.string().max(MAX_COMMENT).default(''),
  })
  .strict();
