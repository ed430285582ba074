import { randomUUID } from 'node:crypto';
import express, { type Express } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import type { Tagger } from '../tagger/tagger.js';
import { TAG_DEFINITIONS, TAG_IDS } from '../tags.js';
import type { ServiceConfig } from './config.js';
import { ApiError, errorHandler, notFound } from '../http/errors.js';
import { ServiceMetrics } from './metrics.js';
import { openApiDocument } from './openapi.js';
import { batchRequestSchema, tagRequestSchema } from './schemas.js';
import { parseBody } from '../http/validate.js';
import { PipelineKeys, pipelineAccess } from '../http/access.js';
import { reviewRouter } from '../review/routes.js';
import type { Db } from '../store/db.js';

export interface AppState {
  /** False while draining on SIGTERM: /readyz answers 503 so no new traffic is routed here. */
  accepting: boolean;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/**
 * A request id on every response (the caller's, when it sent a sane one) and
 * one log line per request: id, method, route, status, time and text length,
 * never the narrative. Written by hand rather than with pino-http, whose
 * per-request child loggers cost a sixth of the service's CPU under load.
 */
function requestIdAndLog(logger: Logger): express.RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    const given = req.headers['x-request-id'];
    const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    res.locals.requestId = id;
    res.setHeader('X-Request-Id', id);
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const route = (req.route?.path as string | undefined) ?? req.path;
      const line = { reqId: id, method: req.method, route, status: res.statusCode, ms: Math.round(ms * 100) / 100, textChars: res.locals.textChars as number | undefined };
      if (res.statusCode >= 500) logger.error(line, 'request failed');
      else logger.info(line, 'request');
    });
    next();
  };
}

export function createApp(deps: { tagger: Tagger; db: Db; config: ServiceConfig; logger: Logger; version: string; state?: AppState; pipelineKeys?: PipelineKeys }): Express {
  const { tagger, db, config, logger } = deps;
  const state = deps.state ?? { accepting: true };
  const metrics = new ServiceMetrics();
  const tagRequest = tagRequestSchema(config.MAX_TEXT_LENGTH);
  const batchRequest = batchRequestSchema(config.MAX_TEXT_LENGTH, config.MAX_BATCH);
  const openapi = openApiDocument(config, deps.version);

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  // The service speaks plain HTTP unless a proxy in front terminates TLS
  // (COOKIE_SECURE=true): only then may browsers be told to insist on HTTPS.
  app.use(
    helmet({
      contentSecurityPolicy: { directives: { upgradeInsecureRequests: config.COOKIE_SECURE ? [] : null } },
      strictTransportSecurity: config.COOKIE_SECURE,
    }),
  );
  app.use(requestIdAndLog(logger));
  app.use(metrics.middleware());
  app.use(express.json({ limit: config.MAX_BODY_BYTES, strict: false, type: ['application/json', 'application/*+json'] }));

  const pipeline = pipelineAccess(deps.pipelineKeys ?? new PipelineKeys(db));

  app.post('/v1/tag', pipeline, (req, res) => {
    const body = parseBody(tagRequest, req);
    res.locals.textChars = body.text.length;
    const result = tagger.tag(body.text, body.id ?? null);
    metrics.recordResults([result]);
    res.json(result);
  });

  app.post('/v1/tag/batch', pipeline, (req, res) => {
    const body = parseBody(batchRequest, req);
    res.locals.textChars = body.records.reduce((n, r) => n + r.text.length, 0);
    const results = body.records.map((r) => tagger.tag(r.text, r.id));
    metrics.recordResults(results);
    res.json({ results });
  });

  app.get('/v1/tags', pipeline, (_req, res) => {
    res.json({
      model: tagger.model,
      tags: TAG_IDS.map((id) => ({ id, definition: TAG_DEFINITIONS[id], threshold: tagger.thresholds[id], review_band: tagger.bands ? tagger.bands[id] : null })),
    });
  });

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', model: tagger.model });
  });

  app.get('/readyz', (_req, res) => {
    if (!state.accepting) res.status(503).json({ status: 'draining', model: tagger.model });
    else res.json({ status: 'ready', model: tagger.model });
  });

  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });

  app.get('/openapi.json', (_req, res) => {
    res.json(openapi);
  });

  app.use(reviewRouter(db, { secureCookies: config.COOKIE_SECURE }));

  app.use(notFound);
  app.use(errorHandler(logger));
  return app;
}
