import { z } from 'zod';
import { ROLES } from '../auth/accounts.js';
import { TagResultSchema } from '../tagger/result.js';
import { TAG_IDS, type TagId } from '../tags.js';
import { QUEUES } from './queues.js';
import { ReviewLabel } from './schemas.js';

/*
 * What the review API answers, as zod schemas: /openapi.json is generated
 * from them, and the API tests parse every answer with them (strict objects:
 * a field added to a route but not here fails the tests), so the document
 * cannot drift from the routes.
 */
const perTag = <T extends z.ZodType>(value: T) => z.object(Object.fromEntries(TAG_IDS.map((t) => [t, value])) as Record<TagId, T>).strict();
const Role = z.enum(ROLES);
const Queue = z.enum(QUEUES);
const TagIdSchema = z.enum(TAG_IDS);

export const SignedInSchema = z
  .object({
    username: z.string(),
    role: Role,
    token: z.string().describe('The session token, for scripts: send it as Authorization: Bearer <token>'),
    expires_at: z.string().describe('When the session ends (ISO 8601)'),
  })
  .strict();

export const MeSchema = z.object({ username: z.string(), role: Role }).strict();

export const QueuesSchema = z
  .object({
    queues: z.array(z.object({ id: Queue, description: z.string() }).strict()),
    tags: z.array(TagIdSchema),
    runs: z.array(
      z
        .object({ id: z.number().int(), source: z.string(), model: z.string(), created_at: z.string(), records: z.number().int(), reviewed: z.number().int() })
        .strict()
        .describe('A loaded run: its records and how many have at least one review'),
    ),
  })
  .strict();

export const QueuePageSchema = z
  .object({
    queue: Queue,
    total: z.number().int(),
    reviewed_by_me: z.number().int(),
    items: z.array(z.object({ key: z.number().int(), id: z.string(), run: z.number().int(), tags: z.array(TagIdSchema), reviewed_by_me: z.boolean() }).strict()),
  })
  .strict();

export const RecordSearchSchema = z
  .object({
    items: z.array(
      z
        .object({ key: z.number().int(), id: z.string(), run: z.number().int(), tags: z.array(TagIdSchema), queues: z.array(Queue) })
        .strict()
        .describe('One load of a record with that id: no narrative (reading one is logged per record)'),
    ),
  })
  .strict();

export const PublicReviewSchema = z
  .object({
    id: z.number().int(),
    reviewer: z.string(),
    role: Role,
    queue: Queue,
    labels: perTag(ReviewLabel),
    comment: z.string(),
    created_at: z.string(),
  })
  .strict();

const KeywordHitSchema = z
  .object({
    tag: TagIdSchema,
    keyword: z.string(),
    start: z.number().int().describe('-1 when lower-casing changed the text length, so offsets would not be the narrative\'s'),
    end: z.number().int(),
    word: z.string().describe('The word that holds the keyword, as written ("public" for "pub")'),
    insideWord: z.boolean().describe('The keyword matched part of a longer word'),
  })
  .strict();

const CueSchema = z
  .object({
    kind: z.enum(['rule', 'model', 'discounted']),
    start: z.number().int(),
    end: z.number().int(),
    text: z.string(),
    counted: z.boolean().describe('True only for evidence behind a yes'),
    explanation: z.string().describe('Plain words: "rule alcohol.drunk", "model: no rule cue", "seen, not counted: ..."'),
  })
  .strict();

export const ReviewRecordSchema = z
  .object({
    key: z.number().int(),
    id: z.string(),
    run: z.number().int(),
    text: z.string(),
    result: TagResultSchema,
    keyword_tags: z.array(TagIdSchema),
    keyword_hits: z.array(KeywordHitSchema),
    why: perTag(z.array(CueSchema)).describe('Per tag: the cues and model evidence, and what was seen but not counted'),
    fields: z.record(z.string(), z.string()).describe("The export's other columns (offence, date, ward...)"),
    my_review: PublicReviewSchema.nullable(),
    other_reviews: z.array(PublicReviewSchema).optional().describe("Only in an adjudicator's conflict view: each other reviewer's latest review, with its comment"),
    conflict_tags: z.array(TagIdSchema).optional().describe("Only in an adjudicator's conflict view: the tags the reviews disagree on"),
  })
  .strict();
