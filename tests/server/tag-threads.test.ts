import type { Server } from 'node:http';
import { pino } from 'pino';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { configFromEnv } from '../../src/server/config.js';
import { workerPoolTagging } from '../../src/server/tag-pool.js';
import { openDb } from '../../src/store/db.js';
import { shippedTagger } from '../helpers.js';

/*
 * Tagging on worker threads. The thread is a stand-in that stalls on demand
 * (stalling-tag-worker.mjs) rather than a record that happens to be slow, so
 * the order of answers is decided by the test, not by the machine's speed.
 */
const WORKER = new URL('./stalling-tag-worker.mjs', import.meta.url);
const opened: { close(): Promise<void> | void }[] = [];
afterEach(async () => {
  for (const o of opened.splice(0)) await o.close();
});

async function service(env: Record<string, string>, threads = 1) {
  const gate = new SharedArrayBuffer(4);
  const tagging = await workerPoolTagging({ threads, workerUrl: WORKER, workerData: { gate } });
  opened.push(tagging);
  const app = createApp({ tagging, db: openDb(':memory:'), config: configFromEnv({ AUTH: 'none', ...env }), logger: pino({ level: 'silent' }), version: 'test' });
  const server: Server = app.listen(0, '127.0.0.1');
  opened.push({ close: () => void server.close() });
  return { server, tagging, open: () => Atomics.store(new Int32Array(gate), 0, 1) };
}

describe('tagging threads', () => {
  it('answers /healthz and other requests while a record is being tagged', async () => {
    const { server, open } = await service({ TAG_DEADLINE_MS: '60000' }, 2);
    let settled = false;
    const slow = request(server)
      .post('/v1/tag')
      .send({ text: `STALL ${'x'.repeat(20_000 - 6)}` })
      .then((r) => ((settled = true), r));
    // Until the gate opens the slow record cannot finish, so these answer before it.
    await request(server).get('/healthz').expect(200);
    await request(server).get('/readyz').expect(200);
    await request(server).post('/v1/tag').send({ text: 'quick one' }).expect(200);
    expect(settled).toBe(false);
    open();
    const res = await slow;
    expect(res.status).toBe(200);
    expect(res.body.chars).toBe(20_000);
  });

  it('answers 503 with a reason past the deadline, and replaces the stuck thread', async () => {
    const { server, tagging } = await service({ TAG_DEADLINE_MS: '200' }, 1);
    const res = await request(server).post('/v1/tag/batch').send({ records: [{ id: 'a', text: 'fine' }, { id: 'b', text: 'STALL forever' }] }).expect(503);
    expect(res.body.error.code).toBe('deadline_exceeded');
    expect(res.body.error.message).toMatch(/200 ms deadline/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(tagging.replaced).toBe(1);
    // The only thread was the stuck one: its replacement tags the next request.
    const next = await request(server).post('/v1/tag').send({ id: 'c', text: 'after' }).expect(200);
    expect(next.body.id).toBe('c');
  });
});

describe('response size', () => {
  it('refuses an answer over MAX_RESPONSE_BYTES with 413 and a reason', async () => {
    const app = createApp({ tagger: shippedTagger(), db: openDb(':memory:'), config: configFromEnv({ AUTH: 'none', MAX_RESPONSE_BYTES: '3000' }), logger: pino({ level: 'silent' }), version: 'test' });
    const text = 'Drunk male punched his brother outside the pub, then his partner, at 02:00';
    await request(app).post('/v1/tag').send({ text }).expect(200);
    const res = await request(app)
      .post('/v1/tag/batch')
      .send({ records: Array.from({ length: 5 }, (_, i) => ({ id: `r${i}`, text })) })
      .expect(413);
    expect(res.body.error.code).toBe('response_too_large');
    expect(res.body.error.message).toMatch(/over the 3000 byte limit/);
  });
});
