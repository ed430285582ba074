import type { AddressInfo } from 'node:net';
import pino from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addApiKey, addUser } from '../../src/auth/accounts.js';
import { PipelineKeys } from '../../src/http/access.js';
import { createApp } from '../../src/server/app.js';
import { configFromEnv } from '../../src/server/config.js';
import { serialise, type RecordTagging } from '../../src/server/tagging.js';
import { openDb } from '../../src/store/db.js';
import { perTag } from '../../src/tags.js';

/*
 * The pipeline routes' 403 and 429, as /openapi.json lists them: a reviewer
 * sign-in is known but not allowed (403); a caller with too many tag requests
 * in flight is told when to come back (429 with Retry-After), and other
 * callers are still served meanwhile.
 */

/** Tagging that holds every request until release() is called, so requests can be kept in flight. */
function heldTagging(): RecordTagging & { release(): void; waiting(): number } {
  let waiters: (() => void)[] = [];
  return {
    info: { model: 'held', thresholds: perTag(() => 0.5), bands: null },
    tag: (records) =>
      new Promise((resolve) => {
        waiters.push(() => resolve(records.map((r) => serialise({ id: r.id, tags: [] } as never))));
      }),
    close: async () => undefined,
    release() {
      for (const w of waiters) w();
      waiters = [];
    },
    waiting: () => waiters.length,
  };
}

const until = async (ok: () => boolean): Promise<void> => {
  for (let i = 0; i < 200 && !ok(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(ok()).toBe(true);
};

describe('a reviewer sign-in on a pipeline route', () => {
  it('is refused with 403 (known, not allowed); an unknown token is still 401', async () => {
    const db = openDb(':memory:');
    addApiKey(db, 'pipeline', 'test');
    addUser(db, 'alice', 'a long test password', 'reviewer', 'test');
    const app = createApp({ tagging: heldTagging(), db, config: configFromEnv({ AUTH: 'keys' }), logger: pino({ level: 'silent' }), version: 'test', pipelineKeys: new PipelineKeys(db, 0) });
    const { token } = (await request(app).post('/v1/review/login').send({ username: 'alice', password: 'a long test password' }).expect(200)).body;
    const refused = await request(app).post('/v1/tag').set('Authorization', `Bearer ${token}`).send({ text: 'drunk male' }).expect(403);
    expect(refused.body.error).toEqual(expect.objectContaining({ code: 'forbidden', message: expect.stringMatching(/pipeline API key/) }));
    await request(app).get('/metrics').set('X-API-Key', token).expect(403);
    await request(app).post('/v1/tag').set('Authorization', 'Bearer mts_not-a-session').send({ text: 'drunk male' }).expect(401);
  });
});

describe('tag requests in flight per caller', () => {
  const db = openDb(':memory:');
  const greedy = addApiKey(db, 'greedy', 'test');
  const other = addApiKey(db, 'other', 'test');
  const tagging = heldTagging();
  const app = createApp({ tagging, db, config: configFromEnv({ AUTH: 'keys', MAX_IN_FLIGHT_PER_CALLER: '2' }), logger: pino({ level: 'silent' }), version: 'test' });
  let server: ReturnType<typeof app.listen>;
  let base = '';
  beforeAll(async () => {
    server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const tag = (key: string, path = '/v1/tag') =>
    fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-API-Key': key },
      body: JSON.stringify(path === '/v1/tag' ? { text: 'drunk male' } : { records: [{ id: 'a', text: 'drunk male' }] }),
    });

  it('answers 429 with Retry-After past the limit, serves other callers meanwhile, and admits again once answers are sent', async () => {
    const held = [tag(greedy), tag(greedy, '/v1/tag/batch')];
    await until(() => tagging.waiting() === 2);

    const refused = await tag(greedy);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('too_many_requests');

    // Another key is not held back by the greedy one.
    const others = tag(other);
    await until(() => tagging.waiting() === 3);
    tagging.release();
    expect((await others).status).toBe(200);
    expect((await Promise.all(held)).map((r) => r.status)).toEqual([200, 200]);

    // Both answered: the greedy caller is admitted again.
    const again = tag(greedy);
    await until(() => tagging.waiting() === 1);
    tagging.release();
    expect((await again).status).toBe(200);
  });
});
