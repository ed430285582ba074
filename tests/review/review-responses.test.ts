import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { addReview, findByRecordId } from '../../src/review/reviews.js';
import { MeSchema, PublicReviewSchema, QueuePageSchema, QueuesSchema, RecordSearchSchema, ReviewRecordSchema, SignedInSchema } from '../../src/review/responses.js';
import { TAG_IDS, type PerTag } from '../../src/tags.js';
import { appFor, PASSWORD, reviewFixture } from './fixture.js';

/*
 * Every review answer is parsed with the schema /openapi.json gives for it.
 * The schemas are strict, so a field a route adds or drops without the
 * schema (and so the document) following fails here.
 */
const fx = reviewFixture();
const app = appFor(fx.db);
const labels = (yes: readonly string[]) => Object.fromEntries(TAG_IDS.map((t) => [t, yes.includes(t) ? 1 : 0])) as PerTag<0 | 1>;

async function signIn(username: string) {
  const res = await request(app).post('/v1/review/login').send({ username, password: PASSWORD }).expect(200);
  SignedInSchema.parse(res.body);
  return res.body.token as string;
}

const parse = <T extends z.ZodType>(schema: T, body: unknown) => {
  const parsed = schema.safeParse(body);
  expect(parsed.error?.issues ?? []).toEqual([]);
  return parsed.data as z.infer<T>;
};

describe('review answers match their OpenAPI schemas', () => {
  it('for the reviewer routes and an adjudicator\'s conflict view', async () => {
    const alice = await signIn('alice');
    const as = (token: string) => ({ Authorization: `Bearer ${token}` });
    parse(MeSchema, (await request(app).get('/v1/review/me').set(as(alice)).expect(200)).body);
    const queues = parse(QueuesSchema, (await request(app).get('/v1/review/queues').set(as(alice)).expect(200)).body);
    expect(queues.runs[0]?.records).toBe(8);
    const page = parse(QueuePageSchema, (await request(app).get('/v1/review/queue?queue=audit').set(as(alice)).expect(200)).body);
    const first = page.items[0]!;
    const search = parse(RecordSearchSchema, (await request(app).get(`/v1/review/records?id=${first.id}`).set(as(alice)).expect(200)).body);
    expect(search.items.map((i) => i.key)).toContain(first.key);
    const record = parse(ReviewRecordSchema, (await request(app).get(`/v1/review/records/${first.key}?queue=audit`).set(as(alice)).expect(200)).body);
    expect(record.my_review).toBeNull();
    const stored = await request(app).post(`/v1/review/records/${first.key}/reviews`).set(as(alice)).send({ queue: 'audit', labels: { ...labels(record.result.tags), alcohol: 'unsure' }, comment: 'not sure' }).expect(201);
    expect(parse(PublicReviewSchema, stored.body).labels.alcohol).toBe('unsure');
    expect(parse(ReviewRecordSchema, (await request(app).get(`/v1/review/records/${first.key}`).set(as(alice)).expect(200)).body).my_review?.comment).toBe('not sure');

    // The conflict view carries other_reviews and conflict_tags, in the schema too.
    const r3 = findByRecordId(fx.db, 'r3')[0]!;
    addReview(fx.db, fx.alice, r3, labels(['familial']), 'audit', 'brother');
    addReview(fx.db, fx.bob, r3, labels([]), 'second', 'argument');
    const carol = await signIn('carol');
    const conflict = parse(ReviewRecordSchema, (await request(app).get(`/v1/review/records/${r3.key}?queue=conflict`).set(as(carol)).expect(200)).body);
    expect(conflict.other_reviews?.map((r) => r.comment)).toEqual(['brother', 'argument']);
    expect(conflict.conflict_tags).toEqual(['familial']);
  });

  it('are the schemas the document names for each review route', async () => {
    const doc = (await request(app).get('/openapi.json').expect(200)).body;
    const ref = (path: string, method: string, status: string) => doc.paths[path][method].responses[status].content?.['application/json']?.schema?.$ref;
    expect({
      login: ref('/v1/review/login', 'post', '200'),
      me: ref('/v1/review/me', 'get', '200'),
      queues: ref('/v1/review/queues', 'get', '200'),
      queue: ref('/v1/review/queue', 'get', '200'),
      search: ref('/v1/review/records', 'get', '200'),
      record: ref('/v1/review/records/{key}', 'get', '200'),
      review: ref('/v1/review/records/{key}/reviews', 'post', '201'),
    }).toEqual({
      login: '#/components/schemas/SignedIn',
      me: '#/components/schemas/Me',
      queues: '#/components/schemas/Queues',
      queue: '#/components/schemas/QueuePage',
      search: '#/components/schemas/RecordSearch',
      record: '#/components/schemas/ReviewRecord',
      review: '#/components/schemas/StoredReview',
    });
    // Strict in the document too: a client generator sees the exact fields.
    expect(doc.components.schemas.ReviewRecord.additionalProperties).toBe(false);
    expect(doc.components.schemas.ReviewRecord.required).toEqual(expect.arrayContaining(['text', 'why', 'keyword_hits', 'fields', 'my_review']));
  });
});
