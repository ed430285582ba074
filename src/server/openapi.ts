import { z } from 'zod';
import type { ServiceConfig } from './config.js';
import { LoginSchema, ReviewSchema } from '../review/schemas.js';
import { MeSchema, PublicReviewSchema, QueuePageSchema, QueuesSchema, RecordSearchSchema, ReviewRecordSchema, SignedInSchema } from '../review/responses.js';
import { QUEUES } from '../review/queues.js';
import { TagResultSchema } from '../tagger/result.js';
import { BatchResultSchema, ErrorSchema, TagsListSchema, batchRequestSchema, tagRequestSchema } from './schemas.js';

/** GET /openapi.json, generated from the same zod schemas that validate requests. */
export function openApiDocument(config: ServiceConfig, version: string): Record<string, unknown> {
  const schema = (s: z.ZodType) => z.toJSONSchema(s, { target: 'openapi-3.0', unrepresentable: 'any' });
  const json = (ref: string) => ({ 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } });
  const errors = {
    '400': { description: 'Invalid request (malformed JSON, wrong types, missing, empty or oversized text)', content: json('Error') },
    '413': { description: `Body over ${config.MAX_BODY_BYTES} bytes`, content: json('Error') },
  };
  const reviewer = [{ reviewerSession: [] }];
  // Either way of sending a pipeline key will do.
  const pipeline = [{ pipelineKey: [] }, { pipelineKeyHeader: [] }];
  const retryAfter = { 'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer' } } };
  const keyErrors = {
    '401': { description: 'No pipeline key, or one that is unknown or revoked (open only with AUTH=none, or AUTH=auto on loopback before any key was made)', content: json('Error') },
    '403': { description: 'A reviewer sign-in was sent: the pipeline routes take a pipeline key only', content: json('Error') },
  };
  const taggingErrors = {
    ...keyErrors,
    '429': { description: `This caller (its key, or its address where no key is needed) already has ${config.MAX_IN_FLIGHT_PER_CALLER} tag requests in flight: wait for Retry-After`, headers: retryAfter, content: json('Error') },
    '413': { description: `Body over ${config.MAX_BODY_BYTES} bytes, or results over ${config.MAX_RESPONSE_BYTES} bytes (code response_too_large)`, content: json('Error') },
    '503': { description: `Tagging took longer than ${config.TAG_DEADLINE_MS} ms (deadline_exceeded) or a tagging thread failed (tagging_failed): send fewer or shorter records, or retry`, content: json('Error') },
  };
  const unauthorized = { '401': { description: 'No reviewer sign-in (a pipeline key is never accepted here)', content: json('Error') } };
  return {
    openapi: '3.0.3',
    info: { title: 'motag', version, description: 'Tags police MO narratives for alcohol, night-time economy, domestic, familial, hate-crime strands and street ASB.' },
    paths: {
      '/v1/tag': { post: { summary: 'Tag one narrative', security: pipeline, requestBody: { required: true, content: json('TagRequest') }, responses: { '200': { description: 'The result', content: json('TagResult') }, ...errors, ...taggingErrors } } },
      '/v1/tag/batch': {
        post: {
          summary: `Tag up to ${config.MAX_BATCH} narratives; results in the same order`,
          security: pipeline,
          requestBody: { required: true, content: json('BatchRequest') },
          responses: { '200': { description: 'One result per record', content: json('BatchResult') }, ...errors, ...taggingErrors },
        },
      },
      '/v1/tags': { get: { summary: 'Tags with definitions, thresholds and review bands', security: pipeline, responses: { '200': { description: 'The tags', content: json('TagsList') }, ...keyErrors } } },
      '/healthz': { get: { summary: 'Liveness: 200 when the model is loaded', security: [], responses: { '200': { description: 'Alive' } } } },
      '/readyz': { get: { summary: 'Readiness: 200 when the model is loaded and the service is not draining', security: [], responses: { '200': { description: 'Ready' }, '503': { description: 'Not ready' } } } },
      '/metrics': { get: { summary: 'Prometheus metrics (per-tag counts: a pipeline key, like tagging)', security: pipeline, responses: { '200': { description: 'Prometheus text format' }, ...keyErrors } } },
      '/openapi.json': { get: { summary: 'This document', security: [], responses: { '200': { description: 'OpenAPI 3.0' } } } },
      '/v1/review/login': {
        post: {
          summary: 'Reviewer sign-in: sets an HttpOnly session cookie and returns the token for scripts',
          security: [],
          requestBody: { required: true, content: json('Login') },
          responses: {
            '200': { description: 'Signed in', content: json('SignedIn') },
            '401': { description: 'Wrong username or password', content: json('Error') },
            '429': { description: 'Too many attempts (per address, per username or overall); the Retry-After header says when to try again', headers: retryAfter, content: json('Error') },
          },
        },
      },
      '/v1/review/logout': { post: { summary: 'End this session', security: reviewer, responses: { '204': { description: 'Signed out' }, ...unauthorized } } },
      '/v1/review/me': { get: { summary: 'The signed-in reviewer', security: reviewer, responses: { '200': { description: 'Username and role', content: json('Me') }, ...unauthorized } } },
      '/v1/review/queues': { get: { summary: 'Queues, tags and loaded runs', security: reviewer, responses: { '200': { description: 'Queues, tags and runs', content: json('Queues') }, ...unauthorized } } },
      '/v1/review/queue': {
        get: {
          summary: `Records of a queue (${QUEUES.join(', ')}) with this reviewer's progress`,
          security: reviewer,
          parameters: ['queue', 'tag', 'run', 'offset', 'limit'].map((name) => ({ name, in: 'query', required: name === 'queue', schema: { type: name === 'queue' || name === 'tag' ? 'string' : 'integer' } })),
          responses: { '200': { description: 'total, reviewed_by_me and items', content: json('QueuePage') }, '403': { description: 'The conflict queue is for adjudicators', content: json('Error') }, ...unauthorized },
        },
      },
      '/v1/review/records': {
        get: {
          summary: "Find records by the export's record id: key, run, tags and queues of each load with that id",
          security: reviewer,
          parameters: [{ name: 'id', in: 'query', required: true, schema: { type: 'string' } }],
          responses: { '200': { description: 'items (empty when no record has the id)', content: json('RecordSearch') }, '400': { description: 'No id given', content: json('Error') }, ...unauthorized },
        },
      },
      '/v1/review/records/{key}': {
        get: {
          summary: "A record with its text, other columns, result, reasons per tag, keyword hits and this reviewer's latest review (others' only for an adjudicator's conflict view)",
          security: reviewer,
          parameters: [{ name: 'key', in: 'path', required: true, schema: { type: 'integer' } }, { name: 'queue', in: 'query', schema: { type: 'string' } }],
          responses: { '200': { description: 'The record', content: json('ReviewRecord') }, '404': { description: 'No such record', content: json('Error') }, ...unauthorized },
        },
      },
      '/v1/review/records/{key}/reviews': {
        post: {
          summary: 'Store a review: a label for every tag and a comment; acknowledged only once on disk',
          security: reviewer,
          parameters: [{ name: 'key', in: 'path', required: true, schema: { type: 'integer' } }],
          requestBody: { required: true, content: json('Review') },
          responses: { '201': { description: 'Stored', content: json('StoredReview') }, '400': { description: 'Invalid review', content: json('Error') }, '404': { description: 'No such record', content: json('Error') }, ...unauthorized },
        },
      },
    },
    components: {
      securitySchemes: {
        pipelineKey: { type: 'http', scheme: 'bearer', description: 'A pipeline API key (motag keys add NAME) as Authorization: Bearer <key>' },
        pipelineKeyHeader: { type: 'apiKey', in: 'header', name: 'X-API-Key', description: 'The same pipeline API key, as an X-API-Key header' },
        reviewerSession: { type: 'apiKey', in: 'cookie', name: 'motag_session', description: 'A reviewer session (POST /v1/review/login); also accepted as a bearer token' },
      },
      schemas: {
        Login: schema(LoginSchema),
        Review: schema(ReviewSchema),
        TagRequest: schema(tagRequestSchema(config.MAX_TEXT_LENGTH)),
        BatchRequest: schema(batchRequestSchema(config.MAX_TEXT_LENGTH, config.MAX_BATCH)),
        TagResult: schema(TagResultSchema),
        BatchResult: schema(BatchResultSchema),
        TagsList: schema(TagsListSchema),
        Error: schema(ErrorSchema),
        SignedIn: schema(SignedInSchema),
        Me: schema(MeSchema),
        Queues: schema(QueuesSchema),
        QueuePage: schema(QueuePageSchema),
        RecordSearch: schema(RecordSearchSchema),
        ReviewRecord: schema(ReviewRecordSchema),
        StoredReview: schema(PublicReviewSchema),
      },
    },
  };
}
