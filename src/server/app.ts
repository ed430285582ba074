import { randomUUID } from 'node:crypto';
import express, { type Express } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import type { Tagger } from '../tagger/tagger.js';
import { DeadlineExceeded, inProcessTagging, TaggingFailed, type RecordTagging, type TaggedRecord } from './tagging.js';
import { TAG_DEFINITIONS, TAG_IDS } from '../tags.js';
import type { ServiceConfig } from './config.js';
import { ApiError, errorHandler, notFound } from '../http/errors.js';
import { isLoopbackHost } from './loopback.js';
import { docsRouter } from './docs.js';
import { ServiceMetrics } from './metrics.js';
import { openApiDocument } from './openapi.js';
import { batchEnvelopeSchema, batchRecordSchema, tagRequestSchema } from './schemas.js';
import { parseBody } from '../http/validate.js';
import { PipelineKeys, pipelineAccess } from '../http/access.js';
import { inFlightPerCaller } from '../http/in-flight.js';
import { reviewRouter } from '../review/routes.js';
import type { SignInThrottle } from '../http/sign-in-throttle.js';
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

/** The app tags through `tagging` (worker threads in main.ts), or in this thread with `tagger` (tests). */
export type TaggingDeps = { tagging: RecordTagging; tagger?: never } | { tagger: Tagger; tagging?: never };

export function createApp(deps: TaggingDeps & { db: Db; config: ServiceConfig; logger: Logger; version: string; state?: AppState; pipelineKeys?: PipelineKeys; signInThrottle?: SignInThrottle }): Express {
  const { db, config, logger } = deps;
  const tagging = deps.tagging ?? inProcessTagging(deps.tagger!);
  const tagger = tagging.info;
  const state = deps.state ?? { accepting: true };
  const metrics = new ServiceMetrics();
  const tagRequest = tagRequestSchema(config.MAX_TEXT_LENGTH);
  const batchEnvelope = batchEnvelopeSchema(config.MAX_BATCH);
  const batchRecord = batchRecordSchema(config.MAX_TEXT_LENGTH);
  const openapi = openApiDocument(config, deps.version);

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  // 0 (the default): req.ip is the socket's address and X-Forwarded-For is ignored.
  app.set('trust proxy', config.TRUST_PROXY);
  // The service speaks plain HTTP unless a proxy in front terminates TLS
  // (COOKIE_SECURE=true): only then may browsers be told to insist on HTTPS.
  app.use(
    helmet({
      contentSecurityPolicy: { directives: { upgradeInsecureRequests: config.COOKIE_SECURE ? [] : null } },
      strictTransportSecurity: config.COOKIE_SECURE,
    }),
  );
  app.use(requestIdAndLog(logger));
  // Narratives and results must not be kept by browsers or proxies; the
  // review page's static script and style override this with their own header.
  app.use((_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.use(metrics.middleware());
  app.use(express.json({ limit: config.MAX_BODY_BYTES, strict: false, type: ['application/json', 'application/*+json'] }));

  const pipeline = pipelineAccess(deps.pipelineKeys ?? new PipelineKeys(db), config.AUTH, isLoopbackHost(config.HOST));
  const perCaller = inFlightPerCaller(config.MAX_IN_FLIGHT_PER_CALLER);

  /** Tags on a thread within the deadline; a 503 or 413 with the reason otherwise. */
  const tagAll = async (records: { id: string | null; text: string }[]): Promise<TaggedRecord[]> => {
    let results: TaggedRecord[];
    try {
      results = await tagging.tag(records, config.TAG_DEADLINE_MS);
    } catch (err) {
      if (err instanceof DeadlineExceeded) throw new ApiError(503, 'deadline_exceeded', `${err.message} (TAG_DEADLINE_MS): send shorter or fewer records, or retry later`);
      if (err instanceof TaggingFailed) throw new ApiError(503, 'tagging_failed', `${err.message}: retry, or send shorter or fewer records`);
      throw err;
    }
    const bytes = results.reduce((n, r) => n + r.bytes, 0);
    if (bytes > config.MAX_RESPONSE_BYTES) {
      throw new ApiError(413, 'response_too_large', `the results would be ${bytes} bytes, over the ${config.MAX_RESPONSE_BYTES} byte limit (MAX_RESPONSE_BYTES): send fewer or shorter records`);
    }
    metrics.recordResults(results);
    return results;
  };

  app.post('/v1/tag', pipeline, perCaller, async (req, res) => {
    const body = parseBody(tagRequest, req);
    res.locals.textChars = body.text.length;
    const [result] = await tagAll([{ id: body.id ?? null, text: body.text }]);
    res.type('json').send(result!.json);
  });

  app.post('/v1/tag/batch', pipeline, perCaller, async (req, res) => {
    const body = parseBody(batchEnvelope, req);
    // Each record on its own: the valid ones are tagged, the others answered
    // with their error in their place. Messages name the field, never the text.
    const checked = body.records.map((raw) => {
      const parsed = batchRecord.safeParse(raw);
      if (parsed.success) return { ok: true as const, record: parsed.data };
      const sentId = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
      const details = parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(record)', message: i.path.length === 0 && i.code === 'invalid_type' ? 'a record must be an object with id and text' : i.message }));
      return {
        ok: false as const,
        json: JSON.stringify({
          id: typeof sentId === 'string' || (typeof sentId === 'number' && Number.isFinite(sentId)) ? String(sentId).slice(0, 200) : null,
          error: { code: 'invalid_record', message: details.map((d) => `${d.path}: ${d.message}`).join('; '), details },
        }),
      };
    });
    const valid = checked.flatMap((c) => (c.ok ? [c.record] : []));
    res.locals.textChars = valid.reduce((n, r) => n + r.text.length, 0);
    const tagged = valid.length > 0 ? await tagAll(valid) : [];
    let next = 0;
    const entries = checked.map((c) => (c.ok ? tagged[next++]!.json : c.json));
    res.type('json').send(`{"model":${JSON.stringify(tagger.model)},"results":[${entries.join(',')}]}`);
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

  // Per-tag counts say what the narratives hold: a pipeline key, like tagging.
  app.get('/metrics', pipeline, async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });

  // The schema holds no data: served to anyone, so a client can be built before it has a key.
  app.get('/openapi.json', (_req, res) => {
    res.json(openapi);
  });

  app.use(docsRouter(deps.version));
  app.use(reviewRouter(db, { secureCookies: config.COOKIE_SECURE, ...(deps.signInThrottle ? { throttle: deps.signInThrottle } : {}) }));

  app.use(notFound);
  app.use(errorHandler(logger));
  return app;
}
