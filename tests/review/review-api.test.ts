import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { addApiKey, revokeApiKey } from '../../src/review/accounts.js';
import { MAX_COMMENT } from '../../src/review/schemas.js';
import { addReview, getRecord } from '../../src/review/reviews.js';
import { TAG_IDS, type PerTag, type TagId } from '../../src/tags.js';
import { appFor, PASSWORD, reviewFixture } from './fixture.js';

const fx = reviewFixture();
const app = appFor(fx.db);

async function signIn(username: string): Promise<string> {
  const res = await request(app).post('/v1/review/login').send({ username, password: PASSWORD }).expect(200);
  return res.body.token as string;
}

const keyOf = (recordId: string): number => (fx.db.prepare('SELECT id FROM records WHERE record_id = ?').get(recordId) as { id: number }).id;
const labelsFrom = (tags: readonly TagId[]) => Object.fromEntries(TAG_IDS.map((t) => [t, tags.includes(t) ? 1 : 0]));

describe('review access', () => {
  it('answers 401 on every review route without a reviewer credential, and sends the page to sign-in', async () => {
    const key = keyOf('r0');
    for (const path of ['/v1/review/me', '/v1/review/queues', '/v1/review/queue?queue=abstain', `/v1/review/records/${key}`]) {
      const res = await request(app).get(path).expect(401);
      expect(res.body.error.message).toMatch(/sign-in/);
    }
    await request(app).post(`/v1/review/records/${key}/reviews`).send({ queue: 'audit', labels: labelsFrom([]) }).expect(401);
    const page = await request(app).get('/review?queue=audit').expect(302);
    expect(page.headers.location).toBe('/review/login?next=%2Freview%3Fqueue%3Daudit');
  });

  it('refuses a wrong password with 401', async () => {
    const res = await request(appFor(fx.db)).post('/v1/review/login').send({ username: 'bob', password: 'wrong password here' }).expect(401);
    expect(res.body.error.message).toBe('wrong username or password');
  });

  it('signs in with an HttpOnly, SameSite=Strict cookie and stores only hashes of tokens and passwords', async () => {
    const res = await request(app).post('/v1/review/login').send({ username: 'alice', password: PASSWORD }).expect(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^motag_session=mts_/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    await request(app).get('/v1/review/me').set('Cookie', cookie.split(';')[0]!).expect(200, { username: 'alice', role: 'reviewer' });
    const dump = JSON.stringify([fx.db.prepare('SELECT * FROM sessions').all(), fx.db.prepare('SELECT * FROM users').all()]);
    expect(dump).not.toContain(res.body.token);
    expect(dump).not.toContain(PASSWORD);
    expect(dump).toMatch(/scrypt\$/);
  });

  it('ends the session on sign-out', async () => {
    const token = await signIn('alice');
    await request(app).post('/v1/review/logout').set('Authorization', `Bearer ${token}`).send({}).expect(204);
    await request(app).get('/v1/review/me').set('Authorization', `Bearer ${token}`).expect(401);
  });
});

describe('pipeline keys', () => {
  it('requires a live key on the tag routes and /metrics; a key can never review', async () => {
    const { db } = reviewFixture();
    const local = appFor(db, { keyTtlMs: 0 });
    // No key made yet: closed, not open.
    const none = await request(local).post('/v1/tag').send({ text: 'drunk male' }).expect(401);
    expect(none.body.error.message).toMatch(/API key/);
    const key = addApiKey(db, 'pipeline', 'test');
    expect(key).toMatch(/^mtk_/);
    await request(local).post('/v1/tag').send({ text: 'drunk male' }).expect(401);
    await request(local).post('/v1/tag').set('Authorization', 'Bearer mtk_not-a-real-key').send({ text: 'drunk male' }).expect(401);
    await request(local).post('/v1/tag').set('Authorization', `Bearer ${key}`).send({ text: 'drunk male' }).expect(200);
    await request(local).post('/v1/tag/batch').set('X-API-Key', key).send({ records: [{ id: 'a', text: 'drunk male' }] }).expect(200);
    await request(local).get('/metrics').expect(401);
    await request(local).get('/metrics').set('Authorization', `Bearer ${key}`).expect(200);
    // The schema holds no data and is served openly.
    await request(local).get('/openapi.json').expect(200);

    const review = await request(local).get('/v1/review/me').set('Authorization', `Bearer ${key}`).expect(401);
    expect(review.body.error.message).toMatch(/pipeline API key cannot be used to review/);
    await request(local).get('/v1/review/me').set('X-API-Key', key).expect(401);
    expect(db.prepare('SELECT key_hash FROM api_keys').get()).not.toEqual({ key_hash: key });
  });

  it('keeps two keys live for rotation, and revoking the last one leaves the routes closed', async () => {
    const { db } = reviewFixture();
    const local = appFor(db, { keyTtlMs: 0 });
    const oldKey = addApiKey(db, 'etl-2025', 'test');
    const newKey = addApiKey(db, 'etl-2026', 'test');
    for (const k of [oldKey, newKey]) await request(local).post('/v1/tag').set('Authorization', `Bearer ${k}`).send({ text: 'drunk male' }).expect(200);
    revokeApiKey(db, 'etl-2025', 'test');
    await request(local).post('/v1/tag').set('Authorization', `Bearer ${oldKey}`).send({ text: 'drunk male' }).expect(401);
    await request(local).post('/v1/tag').set('Authorization', `Bearer ${newKey}`).send({ text: 'drunk male' }).expect(200);
    revokeApiKey(db, 'etl-2026', 'test');
    for (const path of ['/v1/tag', '/v1/tag/batch']) await request(local).post(path).send({ text: 'drunk male' }).expect(401);
    await request(local).post('/v1/tag').set('Authorization', `Bearer ${newKey}`).send({ text: 'drunk male' }).expect(401);
    await request(local).get('/v1/tags').expect(401);
    await request(local).get('/metrics').expect(401);
  });

  it('opens the tag routes and /metrics only with AUTH=none', async () => {
    const { db } = reviewFixture();
    addApiKey(db, 'pipeline', 'test');
    const open = appFor(db, { env: { AUTH: 'none' } });
    await request(open).post('/v1/tag').send({ text: 'drunk male' }).expect(200);
    await request(open).get('/metrics').expect(200);
    // Review still needs a reviewer.
    await request(open).get('/v1/review/me').expect(401);
  });

  it('picks up a key made or revoked by the admin command within the cache period', async () => {
    const { db } = reviewFixture();
    const local = appFor(db, { keyTtlMs: 100 });
    const key = addApiKey(db, 'pipeline', 'test');
    await new Promise((r) => setTimeout(r, 150));
    await request(local).post('/v1/tag').send({ text: 'drunk male' }).expect(401);
    await request(local).post('/v1/tag').set('Authorization', `Bearer ${key}`).send({ text: 'drunk male' }).expect(200);
    addApiKey(db, 'second', 'test');
    revokeApiKey(db, 'pipeline', 'test');
    await new Promise((r) => setTimeout(r, 150));
    await request(local).post('/v1/tag').set('Authorization', `Bearer ${key}`).send({ text: 'drunk male' }).expect(401);
  });
});

describe('queues and reviews', () => {
  it('fills the fixed queues from the tagger, the keyword method and the audit sample', async () => {
    const token = await signIn('alice');
    const get = (q: string) => request(app).get(`/v1/review/queue?${q}`).set('Authorization', `Bearer ${token}`).expect(200);
    const audit = (await get('queue=audit&tag=domestic')).body;
    expect(audit.items.map((i: { id: string }) => i.id)).toContain('r1');
    const disagreement = (await get('queue=disagreement')).body;
    for (const item of disagreement.items as { key: number; tags: TagId[] }[]) {
      const record = (await request(app).get(`/v1/review/records/${item.key}`).set('Authorization', `Bearer ${token}`).expect(200)).body;
      for (const t of item.tags) expect(record.result.tags.includes(t)).not.toBe(record.keyword_tags.includes(t));
    }
    const abstain = (await get('queue=abstain')).body;
    expect(abstain.total).toBe(abstain.items.length);
    await request(app).get('/v1/review/queue?queue=nonsense').set('Authorization', `Bearer ${token}`).expect(400);
    await request(app).get('/v1/review/queue?queue=conflict').set('Authorization', `Bearer ${token}`).expect(403);
  });

  it('stores a review with its reviewer, offers the record blind to a second reviewer, and sends a disagreement to the adjudicator', async () => {
    const [alice, bob, carol] = [await signIn('alice'), await signIn('bob'), await signIn('carol')];
    const key = keyOf('r3');
    const record = (await request(app).get(`/v1/review/records/${key}`).set('Authorization', `Bearer ${alice}`).expect(200)).body;
    expect(record.my_review).toBeNull();

    const aliceLabels = { ...labelsFrom(record.result.tags), familial: 1 };
    const saved = await request(app)
      .post(`/v1/review/records/${key}/reviews`)
      .set('Authorization', `Bearer ${alice}`)
      .send({ queue: 'audit', labels: aliceLabels, comment: 'brother hit the victim: familial' })
      .expect(201);
    expect(saved.body.reviewer).toBe('alice');

    // Bob sees it in his second-review queue; alice does not see it in hers.
    const bobQueue = (await request(app).get('/v1/review/queue?queue=second').set('Authorization', `Bearer ${bob}`).expect(200)).body;
    expect(bobQueue.items.map((i: { key: number }) => i.key)).toEqual([key]);
    const aliceQueue = (await request(app).get('/v1/review/queue?queue=second').set('Authorization', `Bearer ${alice}`).expect(200)).body;
    expect(aliceQueue.total).toBe(0);

    // Blind: nothing of alice's review reaches bob, even asking for the conflict view.
    for (const queue of ['second', 'conflict']) {
      const blind = await request(app).get(`/v1/review/records/${key}?queue=${queue}`).set('Authorization', `Bearer ${bob}`).expect(200);
      expect(blind.body.other_reviews).toBeUndefined();
      expect(JSON.stringify(blind.body)).not.toContain('alice');
    }

    await request(app)
      .post(`/v1/review/records/${key}/reviews`)
      .set('Authorization', `Bearer ${bob}`)
      .send({ queue: 'second', labels: { ...aliceLabels, familial: 0, alcohol: 1 } })
      .expect(201);
    const bobAfter = (await request(app).get('/v1/review/queue?queue=second').set('Authorization', `Bearer ${bob}`).expect(200)).body;
    expect(bobAfter).toMatchObject({ total: 1, reviewed_by_me: 1 });

    const conflicts = (await request(app).get('/v1/review/queue?queue=conflict').set('Authorization', `Bearer ${carol}`).expect(200)).body;
    expect(conflicts.items.map((i: { key: number }) => i.key)).toEqual([key]);
    const view = (await request(app).get(`/v1/review/records/${key}?queue=conflict`).set('Authorization', `Bearer ${carol}`).expect(200)).body;
    expect(view.other_reviews.map((r: { reviewer: string }) => r.reviewer)).toEqual(['alice', 'bob']);
    expect(view.conflict_tags).toEqual(['alcohol', 'familial']);

    await request(app).post(`/v1/review/records/${key}/reviews`).set('Authorization', `Bearer ${carol}`).send({ queue: 'conflict', labels: aliceLabels }).expect(201);
    const settled = (await request(app).get('/v1/review/queue?queue=conflict').set('Authorization', `Bearer ${carol}`).expect(200)).body;
    expect(settled).toMatchObject({ total: 1, reviewed_by_me: 1 });

    const reads = fx.db.prepare("SELECT actor FROM audit_log WHERE action = 'record.read' AND subject = ?").all(`record:${key}`) as { actor: string }[];
    expect(new Set(reads.map((r) => r.actor))).toEqual(new Set(['alice', 'bob', 'carol']));
    const log = fx.db.prepare("SELECT actor, subject FROM audit_log WHERE action = 'review.add' AND subject = ?").all(`record:${key}`);
    expect(log).toEqual([
      { actor: 'alice', subject: `record:${key}` },
      { actor: 'bob', subject: `record:${key}` },
      { actor: 'carol', subject: `record:${key}` },
    ]);
  });

  it('rejects incomplete or oversized reviews with a reason, and unknown records with 404', async () => {
    const token = await signIn('alice');
    const key = keyOf('r0');
    const { alcohol: _dropped, ...missing } = labelsFrom([]);
    const bad = await request(app).post(`/v1/review/records/${key}/reviews`).set('Authorization', `Bearer ${token}`).send({ queue: 'audit', labels: missing }).expect(400);
    expect(bad.body.error.message).toMatch(/labels\.alcohol/);
    await request(app).post(`/v1/review/records/${key}/reviews`).set('Authorization', `Bearer ${token}`).send({ queue: 'audit', labels: { ...labelsFrom([]), alcohol: 2 } }).expect(400);
    await request(app)
      .post(`/v1/review/records/${key}/reviews`)
      .set('Authorization', `Bearer ${token}`)
      .send({ queue: 'audit', labels: labelsFrom([]), comment: 'x'.repeat(MAX_COMMENT + 1) })
      .expect(400);
    await request(app).post('/v1/review/records/999999/reviews').set('Authorization', `Bearer ${token}`).send({ queue: 'audit', labels: labelsFrom([]) }).expect(404);
    await request(app).get('/v1/review/records/abc').set('Authorization', `Bearer ${token}`).expect(404);
  });

  it('keeps reviews and the audit log append-only', () => {
    addReview(fx.db, fx.alice, getRecord(fx.db, keyOf('r5'))!, labelsFrom([]) as PerTag<0 | 1>, 'audit', '');
    expect(() => fx.db.prepare("UPDATE audit_log SET actor = 'mallory'").run()).toThrow(/append-only/);
    expect(() => fx.db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(() => fx.db.prepare("UPDATE reviews SET comment = 'changed'").run()).toThrow(/append-only/);
  });
});
