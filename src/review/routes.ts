import { join } from 'node:path';
import express, { type Router } from 'express';
import { serialize as serializeCookie } from 'cookie';
import { z } from 'zod';
import { LoginSchema, QueueQuery, RecordQuery, RecordSearchQuery, ReviewSchema } from './schemas.js';
import { PACKAGE_ROOT } from '../paths.js';
import { currentReviewer, reviewerAccess, SESSION_COOKIE, sessionToken } from '../http/access.js';
import { SignInThrottle } from '../http/sign-in-throttle.js';
import { ApiError } from '../http/errors.js';
import { parseBody, parseQuery } from '../http/validate.js';
import { audit, type Db } from '../store/db.js';
import { TAG_IDS, type PerTag, type TagId } from '../tags.js';
import { authenticate, createSession, endSession, sessionReviewer, SESSION_HOURS } from '../auth/accounts.js';
import { QUEUE_DESCRIPTIONS, QUEUES } from './queues.js';
import { queuePage } from './queue-list.js';
import { loadKeywordBaseline } from '../rules/keyword-baseline.js';
import { addReview, findByRecordId, getRecord, latestPerReviewer, outcome, reviewsOf, type Label, type StoredReview } from './reviews.js';
import { keywordHits, tagReasons } from './record-view.js';
import { listRuns } from './runs.js';

const PAGE_DIR = join(PACKAGE_ROOT, 'src', 'review', 'page');

const KeyParam = z.coerce.number().int().positive();

function publicReview(r: StoredReview): Record<string, unknown> {
  return { id: r.id, reviewer: r.reviewer, role: r.role, queue: r.queue, labels: Object.fromEntries(TAG_IDS.map((t) => [t, r.decisions[t].label])), comment: r.comment, created_at: r.createdAt };
}

/**
 * The review API (/v1/review) and the review page (/review). Everything but
 * sign-in needs a reviewer session. A record is shown blind: other reviewers'
 * decisions are given only to an adjudicator working the conflict queue.
 */
export function reviewRouter(db: Db, opts: { secureCookies: boolean; throttle?: SignInThrottle }): Router {
  const router = express.Router();
  const throttle = opts.throttle ?? new SignInThrottle();
  const requireReviewer = reviewerAccess(db);
  const keywords = loadKeywordBaseline();

  router.post('/v1/review/login', async (req, res) => {
    const body = parseBody(LoginSchema, req);
    // The socket's address, or the client's as TRUST_PROXY hops of proxy report it.
    const address = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    const admission = throttle.admit(body.username, address);
    if (!admission.ok) {
      res.setHeader('Retry-After', String(Math.ceil(admission.retryAfterMs / 1000)));
      throw new ApiError(429, 'too_many_attempts', `${admission.reason}: try again in ${Math.ceil(admission.retryAfterMs / 1000)} s`);
    }
    let reviewer: Awaited<ReturnType<typeof authenticate>>;
    try {
      reviewer = await authenticate(db, body.username, body.password);
    } catch (err) {
      admission.done(false);
      throw err;
    }
    admission.done(reviewer !== null);
    if (!reviewer) {
      // Bounded by the throttle: refused (429) attempts are not checked, so not written here.
      audit(db, `address:${address}`, 'session.fail', body.username, { reason: 'wrong username or password' });
      throw new ApiError(401, 'unauthorized', 'wrong username or password');
    }
    const session = createSession(db, reviewer);
    res.setHeader(
      'Set-Cookie',
      serializeCookie(SESSION_COOKIE, session.token, { httpOnly: true, sameSite: 'strict', path: '/', secure: opts.secureCookies, maxAge: SESSION_HOURS * 3600 }),
    );
    res.json({ username: reviewer.username, role: reviewer.role, token: session.token, expires_at: session.expiresAt });
  });

  router.post('/v1/review/logout', requireReviewer, (req, res) => {
    const token = sessionToken(req);
    if (token) endSession(db, token);
    res.setHeader('Set-Cookie', serializeCookie(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'strict', path: '/', secure: opts.secureCookies, maxAge: 0 }));
    res.status(204).end();
  });

  router.get('/v1/review/me', requireReviewer, (_req, res) => {
    const me = currentReviewer(res);
    res.json({ username: me.username, role: me.role });
  });

  router.get('/v1/review/queues', requireReviewer, (_req, res) => {
    res.json({ queues: QUEUES.map((q) => ({ id: q, description: QUEUE_DESCRIPTIONS[q] })), tags: TAG_IDS, runs: listRuns(db) });
  });

  router.get('/v1/review/queue', requireReviewer, (req, res) => {
    const q = parseQuery(QueueQuery, req);
    const me = currentReviewer(res);
    if (q.queue === 'conflict' && me.role !== 'adjudicator') throw new ApiError(403, 'forbidden', 'the conflict queue is for adjudicators');
    const page = queuePage(db, me, { queue: q.queue, tag: q.tag, runId: q.run }, q.offset, q.limit);
    res.json({
      queue: page.queue,
      total: page.total,
      reviewed_by_me: page.reviewedByMe,
      items: page.items.map((i) => ({ key: i.key, id: i.id, run: i.runId, tags: i.tags, reviewed_by_me: i.reviewedByMe })),
    });
  });

  // Search by the export's record id: keys, runs and queues only, no narrative (that is read, and logged, per record).
  router.get('/v1/review/records', requireReviewer, (req, res) => {
    const q = parseQuery(RecordSearchQuery, req);
    const me = currentReviewer(res);
    const found = findByRecordId(db, q.id);
    audit(db, me.username, 'record.search', null, { id: q.id, found: found.length });
    const queues = db.prepare('SELECT DISTINCT queue FROM queue_items WHERE record_pk = ? ORDER BY queue').pluck();
    res.json({ items: found.map((r) => ({ key: r.key, id: r.id, run: r.runId, tags: r.result.tags, queues: queues.all(r.key) as string[] })) });
  });

  router.get('/v1/review/records/:key', requireReviewer, (req, res) => {
    const key = KeyParam.safeParse(req.params.key);
    const q = parseQuery(RecordQuery, req);
    const record = key.success ? getRecord(db, key.data) : null;
    if (!record) throw new ApiError(404, 'not_found', `no record ${req.params.key}`);
    const me = currentReviewer(res);
    const reviews = reviewsOf(db, record.key);
    const mine = latestPerReviewer(reviews).find((r) => r.reviewer === me.username) ?? null;
    const showOthers = q.queue === 'conflict' && me.role === 'adjudicator';
    const settled = showOthers ? outcome(reviews) : null;
    // Who read which narrative, as for who changed what.
    audit(db, me.username, 'record.read', `record:${record.key}`, { queue: q.queue ?? null, others: showOthers });
    res.json({
      key: record.key,
      id: record.id,
      run: record.runId,
      text: record.text,
      result: record.result,
      keyword_tags: record.keywordTags,
      keyword_hits: keywordHits(record, keywords),
      why: tagReasons(record),
      fields: record.fields,
      my_review: mine ? publicReview(mine) : null,
      ...(showOthers
        ? {
            other_reviews: latestPerReviewer(reviews).filter((r) => r.reviewer !== me.username).map(publicReview),
            conflict_tags: settled?.status === 'conflict' ? settled.tags : [],
          }
        : {}),
    });
  });

  router.post('/v1/review/records/:key/reviews', requireReviewer, (req, res) => {
    const key = KeyParam.safeParse(req.params.key);
    const record = key.success ? getRecord(db, key.data) : null;
    if (!record) throw new ApiError(404, 'not_found', `no record ${req.params.key}`);
    const body = parseBody(ReviewSchema, req);
    const me = currentReviewer(res);
    if (body.queue === 'conflict' && me.role !== 'adjudicator') throw new ApiError(403, 'forbidden', 'the conflict queue is for adjudicators');
    const review = addReview(db, me, record, body.labels as PerTag<Label>, body.queue, body.comment);
    res.status(201).json(publicReview(review));
  });

  // The page. Its HTML is only sent to a signed-in reviewer; the sign-in form,
  // script and style hold no data and are served to anyone.
  const noStore: express.RequestHandler = (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  };
  router.get('/review/login', noStore, (_req, res) => res.sendFile(join(PAGE_DIR, 'login.html')));
  router.get('/favicon.ico', (_req, res) => res.status(204).end());
  router.use('/review/assets', express.static(join(PAGE_DIR, 'assets'), { index: false, fallthrough: false }));
  router.get('/review', noStore, (req, res, next) => {
    const token = sessionToken(req);
    // Back to the same queue and filters after signing in.
    if (!token || !sessionReviewer(db, token)) return res.redirect(302, `/review/login?next=${encodeURIComponent(req.originalUrl)}`);
    res.sendFile(join(PAGE_DIR, 'review.html'), (err) => err && next(err));
  });
  return router;
}
