import { Writable } from 'node:stream';
import { pino } from 'pino';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createApp, type AppState } from '../../src/server/app.js';
import { configFromEnv } from '../../src/server/config.js';
import { openDb } from '../../src/store/db.js';
import { TAG_IDS } from '../../src/tags.js';
import { shippedTagger } from '../helpers.js';

const logLines: string[] = [];
const logger = pino({ level: 'info' }, new Writable({ write: (chunk, _enc, cb) => (logLines.push(String(chunk)), cb()) }));
const config = configFromEnv({ MAX_BATCH: '5', AUTH: 'none' });
const state: AppState = { accepting: true };
const app = createApp({ tagger: shippedTagger(), db: openDb(':memory:'), config, logger, version: '0.0.0-test', state });
const post = (path: string) => request(app).post(path);

describe('POST /v1/tag', () => {
  it('answers one result in the INTERFACE.md shape, echoing the id', async () => {
    const res = await post('/v1/tag').send({ id: 'r1', text: 'Drunk male ejected by door staff at 02:00' }).expect(200);
    expect(res.body.id).toBe('r1');
    expect(res.body.tags).toEqual(expect.arrayContaining(['alcohol', 'nte']));
    expect(Object.keys(res.body.scores).sort()).toEqual([...TAG_IDS].sort());
    expect(res.body.evidence.length).toBeGreaterThan(0);
    expect(res.body.model).toMatch(/^motag-/);
    expect(Array.isArray(res.body.needs_review)).toBe(true);
  });

  it('gives a null id when none is sent', async () => {
    const res = await post('/v1/tag').send({ text: 'Pedal cycle stolen' }).expect(200);
    expect(res.body.id).toBeNull();
  });
});

describe('POST /v1/tag/batch', () => {
  it('answers the results in the same order', async () => {
    const records = [
      { id: 'a', text: "IP's boyfriend punched her" },
      { id: 'b', text: 'Pedal cycle stolen' },
      { id: 'c', text: 'Male begging outside Tesco, abusive to shoppers' },
    ];
    const res = await post('/v1/tag/batch').send({ records }).expect(200);
    expect(res.body.results.map((r: { id: string }) => r.id)).toEqual(['a', 'b', 'c']);
    expect(res.body.results[0].tags).toContain('domestic');
    expect(res.body.results[2].tags).toContain('street_asb');
  });

  it('answers 200 with an error in the place of each invalid record, and tags the rest', async () => {
    const res = await post('/v1/tag/batch')
      .send({ records: [{ id: 'a', text: 'drunk male' }, { id: 'b', text: '' }, { id: 'c' }, 'not a record', { id: 'e', text: 'x'.repeat(20_001) }] })
      .expect(200);
    expect(res.body.model).toMatch(/^motag-/);
    const results = res.body.results;
    expect(results).toHaveLength(5);
    expect(results[0]).toMatchObject({ id: 'a', tags: ['alcohol'] });
    expect(results[1]).toEqual({ id: 'b', error: { code: 'invalid_record', message: 'text: text is empty', details: [{ path: 'text', message: 'text is empty' }] } });
    expect(results[2]).toMatchObject({ id: 'c', error: { code: 'invalid_record', details: [{ path: 'text' }] } });
    expect(results[3]).toMatchObject({ id: null, error: { code: 'invalid_record', message: '(record): a record must be an object with id and text' } });
    expect(results[4].error.message).toMatch(/over 20000 characters/);
    expect(JSON.stringify(results[4])).not.toContain('xxxx');
  });

  it('takes a whole-number id as its string and ignores fields other than id and text', async () => {
    const res = await post('/v1/tag/batch').send({ records: [{ id: 42, text: 'drunk male', offence: 'common assault' }, { id: 1.5, text: 'drunk male' }] }).expect(200);
    expect(res.body.results[0]).toMatchObject({ id: '42', tags: ['alcohol'] });
    expect(res.body.results[1]).toMatchObject({ id: '1.5', error: { code: 'invalid_record', details: [{ path: 'id' }] } });
  });

  it('still refuses a malformed batch as a whole (400)', async () => {
    const res = await post('/v1/tag/batch').send({ records: 'nope' }).expect(400);
    expect(res.body.error.code).toBe('invalid_request');
    await post('/v1/tag/batch').send({ record: [] }).expect(400);
  });

  it('refuses more records than the configured limit', async () => {
    const records = Array.from({ length: 6 }, (_, i) => ({ id: `r${i}`, text: 'text' }));
    const res = await post('/v1/tag/batch').send({ records }).expect(400);
    expect(res.body.error.message).toMatch(/at most 5 records/);
  });

  it('refuses an empty batch', async () => {
    const res = await post('/v1/tag/batch').send({ records: [] }).expect(400);
    expect(res.body.error.message).toMatch(/records is empty/);
  });
});

describe('bad input', () => {
  it.each([
    ['malformed JSON', '{"text": "drunk', 'invalid_json'],
    ['a JSON array', '[1,2]', 'invalid_request'],
    ['wrong type', '{"text": 42}', 'invalid_request'],
    ['missing text', '{"id": "x"}', 'invalid_request'],
    ['empty text', '{"text": "   "}', 'invalid_request'],
    ['unknown field', '{"text": "ok", "extra": 1}', 'invalid_request'],
    ['null body', 'null', 'invalid_request'],
  ])('%s answers 400 with a reason', async (_name, body, code) => {
    const res = await post('/v1/tag').set('Content-Type', 'application/json').send(body).expect(400);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.message.length).toBeGreaterThan(0);
  });

  it('text over 20,000 characters answers 400', async () => {
    const res = await post('/v1/tag').send({ text: 'x'.repeat(20_001) }).expect(400);
    expect(res.body.error.message).toMatch(/over 20000 characters/);
  });

  it('a body over 2 MB answers 413', async () => {
    const records = Array.from({ length: 5 }, (_, i) => ({ id: `r${i}`, text: 'y'.repeat(450_000) }));
    const res = await post('/v1/tag/batch').send({ records }).expect(413);
    expect(res.body.error.code).toBe('payload_too_large');
  });

  it('a body that is not JSON answers 400 and says what to send', async () => {
    const res = await post('/v1/tag').set('Content-Type', 'text/plain').send('drunk male').expect(400);
    expect(res.body.error.message).toMatch(/Content-Type: application\/json/);
  });

  it('an unknown route answers 404', async () => {
    const res = await request(app).get('/v2/nothing').expect(404);
    expect(res.body.error.code).toBe('not_found');
  });
});

describe('GET routes', () => {
  it('/v1/tags lists every tag with its definition, threshold and review band', async () => {
    const res = await request(app).get('/v1/tags').expect(200);
    expect(res.body.tags.map((t: { id: string }) => t.id)).toEqual([...TAG_IDS]);
    for (const t of res.body.tags) {
      expect(t.definition.length).toBeGreaterThan(20);
      expect(t.threshold).toBeGreaterThan(0);
      expect(t.review_band.low).toBeLessThanOrEqual(t.threshold);
    }
  });

  it('/healthz and /readyz answer 200 with the model; /readyz answers 503 while draining', async () => {
    expect((await request(app).get('/healthz').expect(200)).body.model).toMatch(/model/);
    await request(app).get('/readyz').expect(200);
    state.accepting = false;
    await request(app).get('/readyz').expect(503);
    state.accepting = true;
  });

  it('/openapi.json describes every route, from the zod schemas', async () => {
    const res = await request(app).get('/openapi.json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/v1/tag', '/v1/tag/batch', '/v1/tags', '/healthz', '/readyz', '/metrics']));
    expect(res.body.components.schemas.TagRequest.properties.text.maxLength).toBe(20_000);
    expect(res.body.components.schemas.BatchRequest.properties.records.maxItems).toBe(5);
  });

  it('/metrics has request counts, latency histograms per route and tags emitted', async () => {
    await post('/v1/tag').send({ text: 'Drunk male' });
    const res = await request(app).get('/metrics').expect(200);
    expect(res.text).toMatch(/motag_http_requests_total\{route="\/v1\/tag",method="POST",status="200"\} \d+/);
    expect(res.text).toMatch(/motag_http_request_duration_seconds_bucket\{le="0.005",route="\/v1\/tag",method="POST"\}/);
    expect(res.text).toMatch(/motag_tags_emitted_total\{tag="alcohol"\} \d+/);
  });
});

describe('operations', () => {
  it('puts a request id on every response, keeping a valid one the caller sent', async () => {
    const mine = await request(app).get('/healthz').set('X-Request-Id', 'pipeline-42').expect(200);
    expect(mine.headers['x-request-id']).toBe('pipeline-42');
    const fresh = await request(app).get('/nope').set('X-Request-Id', 'bad id with spaces');
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends security headers', async () => {
    const res = await request(app).get('/healthz');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('never writes a narrative to the logs', async () => {
    const secret = 'Zebedee Quixote assaulted his neighbour';
    await post('/v1/tag').send({ text: secret });
    await post('/v1/tag').set('Content-Type', 'application/json').send(`{"text": "${secret}`);
    await post('/v1/tag/batch').send({ records: [{ id: 'z', text: secret }, { id: 'y', text: '' }] });
    const all = logLines.join('');
    expect(all).toContain('/v1/tag');
    expect(all).not.toContain('Zebedee');
  });
});
