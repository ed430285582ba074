import type { RequestHandler, Request } from 'express';
import { parse as parseCookie } from 'cookie';
import { apiKeyName, apiKeysEverMade, sessionReviewer, type Reviewer } from '../auth/accounts.js';
import type { Db } from '../store/db.js';
import { ApiError } from './errors.js';

/*
 * Two kinds of caller, never interchangeable:
 * - the pipeline, with an API key ("mtk_..."), on the tag routes and
 *   /metrics. A key is always needed unless the service was started with
 *   AUTH=none (loopback only, see server/main.ts): revoking the last key closes the
 *   routes, it never opens them. Several keys can be live, for rotation;
 * - reviewers, signed in with a password, with a session token ("mts_...") in
 *   a cookie (the page) or a bearer header (scripts), on the review routes.
 *   A pipeline key is refused there, whatever it is.
 */
export const SESSION_COOKIE = 'motag_session';

function bearer(req: Request): string | null {
  const header = req.headers.authorization;
  if (typeof header === 'string' && header.startsWith('Bearer ')) return header.slice('Bearer '.length).trim();
  const key = req.headers['x-api-key'];
  return typeof key === 'string' ? key.trim() : null;
}

export function sessionToken(req: Request): string | null {
  const fromHeader = bearer(req);
  if (fromHeader) return fromHeader;
  const cookies = req.headers.cookie ? parseCookie(req.headers.cookie) : {};
  return cookies[SESSION_COOKIE] ?? null;
}

/**
 * The live pipeline keys, read from the database at most once a second: a
 * query per tagging request cost about 5% of the service's CPU. Keys are
 * made and revoked by the admin command in another process, so a new or
 * revoked key takes effect within a second.
 */
export class PipelineKeys {
  private checkedAt = -Infinity;
  private readonly names = new Map<string, string | null>();
  constructor(
    private readonly db: Db,
    private readonly ttlMs = 1000,
  ) {}

  /** The key's name when it is live. */
  nameOf(key: string): string | null {
    const now = Date.now();
    if (now - this.checkedAt >= this.ttlMs) {
      this.checkedAt = now;
      this.names.clear();
    }
    if (!this.names.has(key)) {
      // Bounded: garbage keys sent by a misbehaving client cannot grow this.
      if (this.names.size >= 1000) this.names.clear();
      this.names.set(key, apiKeyName(this.db, key));
    }
    return this.names.get(key)!;
  }

  /** Whether the token is a live reviewer sign-in: sent to a pipeline route it is refused with 403, not 401. */
  isReviewerSession(token: string): boolean {
    return token.startsWith('mts_') && sessionReviewer(this.db, token) !== null;
  }

  /** Whether a key was ever made; once true it stays true (rows are revoked, never deleted), so it is not re-read. */
  everMade(): boolean {
    if (this.made) return true;
    const now = Date.now();
    if (now - this.madeCheckedAt >= this.ttlMs) {
      this.madeCheckedAt = now;
      this.made = apiKeysEverMade(this.db);
    }
    return this.made;
  }
  private made = false;
  private madeCheckedAt = -Infinity;
}

/**
 * - keys: a live pipeline key is always needed;
 * - none: open to every caller; an explicit choice, refused beyond loopback (server/main.ts);
 * - auto (the default): open only while the service listens on loopback and no
 *   pipeline key has ever been made in its database, so `npm ci && npm start`
 *   works on a fresh clone and nobody else can reach it; from the first key on
 *   it is `keys` for good: revoking every key closes the routes, never opens them.
 */
export type AuthMode = 'keys' | 'none' | 'auto';

export function pipelineAccess(keys: PipelineKeys, mode: AuthMode, loopback: boolean): RequestHandler {
  return (req, res, next) => {
    if (mode === 'none') return next();
    if (mode === 'auto' && loopback && !keys.everMade()) return next();
    const key = bearer(req);
    if (!key) throw new ApiError(401, 'unauthorized', 'this service requires an API key: send Authorization: Bearer <key> (motag keys add NAME makes one)');
    const name = keys.nameOf(key);
    // Signed in, but as a reviewer: known, not allowed (as a pipeline key is refused on the review routes).
    if (!name && keys.isReviewerSession(key)) throw new ApiError(403, 'forbidden', 'a reviewer sign-in cannot be used on the pipeline routes: send a pipeline API key (motag keys add NAME)');
    if (!name) throw new ApiError(401, 'unauthorized', 'the API key is not valid (unknown or revoked)');
    res.locals.apiKey = name;
    next();
  };
}

export function reviewerAccess(db: Db): RequestHandler {
  return (req, res, next) => {
    const token = sessionToken(req);
    if (!token) throw new ApiError(401, 'unauthorized', 'review needs a reviewer sign-in: POST /v1/review/login');
    if (token.startsWith('mtk_')) throw new ApiError(401, 'unauthorized', 'a pipeline API key cannot be used to review: sign in as a reviewer');
    const reviewer = sessionReviewer(db, token);
    if (!reviewer) throw new ApiError(401, 'unauthorized', 'the sign-in has expired or is not valid: sign in again');
    res.locals.reviewer = reviewer;
    next();
  };
}

export function currentReviewer(res: { locals: Record<string, unknown> }): Reviewer {
  return res.locals.reviewer as Reviewer;
}

