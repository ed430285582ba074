import { z } from 'zod';
import type { ServiceConfig } from './config.js';
import { BatchResultSchema, ErrorSchema, TagResultSchema, TagsListSchema, batchRequestSchema, tagRequestSchema } from './schemas.js';

/** GET /openapi.json, generated from the same zod schemas that validate requests. */
export function openApiDocument(config: ServiceConfig, version: string): Record<string, unknown> {
  const schema = (s: z.ZodType) => z.toJSONSchema(s, { target: 'openapi-3.0', unrepresentable: 'any' });
  const json = (ref: string) => ({ 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } });
  const errors = {
    '400': { description: 'Invalid request (malformed JSON, wrong types, missing, empty or oversized text)', content: json('Error') },
    '413': { description: `Body over ${config.MAX_BODY_BYTES} bytes`, content: json('Error') },
  };
  return {
    openapi: '3.0.3',
    info: { title: 'motag', version, description: 'Tags police MO narratives for alcohol, night-time economy, domestic, familial, hate-crime strands and street ASB.' },
    paths: {
      '/v1/tag': { post: { summary: 'Tag one narrative', requestBody: { required: true, content: json('TagRequest') }, responses: { '200': { description: 'The result', content: json('TagResult') }, ...errors } } },
      '/v1/tag/batch': {
        post: {
          summary: `Tag up to ${config.MAX_BATCH} narratives; results in the same order`,
          requestBody: { required: true, content: json('BatchRequest') },
          responses: { '200': { description: 'One result per record', content: json('BatchResult') }, ...errors },
        },
      },
      '/v1/tags': { get: { summary: 'Tags with definitions, thresholds and review bands', responses: { '200': { description: 'The tags', content: json('TagsList') } } } },
      '/healthz': { get: { summary: 'Liveness: 200 when the model is loaded', responses: { '200': { description: 'Alive' } } } },
      '/readyz': { get: { summary: 'Readiness: 200 when the model is loaded and the service is not draining', responses: { '200': { description: 'Ready' }, '503': { description: 'Not ready' } } } },
      '/metrics': { get: { summary: 'Prometheus metrics', responses: { '200': { description: 'Prometheus text format' } } } },
      '/openapi.json': { get: { summary: 'This document', responses: { '200': { description: 'OpenAPI 3.0' } } } },
    },
    components: {
      schemas: {
        TagRequest: schema(tagRequestSchema(config.MAX_TEXT_LENGTH)),
        BatchRequest: schema(batchRequestSchema(config.MAX_TEXT_LENGTH, config.MAX_BATCH)),
        TagResult: schema(TagResultSchema),
        BatchResult: schema(BatchResultSchema),
        TagsList: schema(TagsListSchema),
        Error: schema(ErrorSchema),
      },
    },
  };
}
