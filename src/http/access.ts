import type { RequestHandler, Request } from 'express';
import { parse as parseCookie } from 'cookie';
import { apiKeyName, apiKeysConfigured, sessionReviewer, type Reviewer } from '../auth/accounts.js';
import type { Db } from '../store/db.js';
import { ApiError } from './errors.js';

/*
 * Two kinds of caller, never interchangeable:
 * - the pipeline, with an API key ("mtk_..."), on the tag routes. Keys are
 *   needed only once one has been made (`motag keys add`); until then the
 *   service refuses to listen beyond loopback (see main.ts);
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
  private configured = false;
  private readonly names = new Map<string, string | null>();
  constructor(
    private readonly db: Db,
    private readonly ttlMs = 1000,
  ) {}

  private refresh(): void {
    const now = Date.now();
    if (now - this.checkedAt < this.ttlMs) return;
    this.checkedAt = now;
    this.configured = apiKeysConfigured(this.db);
    this.names.clear();
  }

  required(): boolean {
    this.refresh();
    return this.configured;
  }

  /** The key's name when it is live. */
  nameOf(key: string): string | null {
    this.refresh();
    if (!this.names.has(key)) {
      // Bounded: garbage keys sent by a misbehaving client cannot grow this.
      if (this.names.size >= 1000) this.names.clear();
      this.names.set(key, apiKeyName(this.db, key));
    }
    return this.names.get(key)!;
  }
}

export function pipelineAccess(keys: PipelineKeys): RequestHandler {
  return (req, res, next) => {
    if (!keys.required()) return next();
    const key = bearer(req);
    if (!key) throw new ApiError(401, 'unauthorized', 'this service requires an API key: send Authorization: Bearer <key>');
    const name = keys.nameOf(key);
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

/**
 * Slows password guessing: after too many failed sign-ins for a username
 * from an address, further attempts are refused for a while. In memory: a
 * restart clears it, which is acceptable for one embedded service.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();
  constructor(
    private readonly maxFailures = 5,
    private readonly windowMs = 15 * 60_000,
  ) {}

  private recent(key: string): number[] {
    const cutoff = Date.now() - this.windowMs;
    const list = (this.failures.get(key) ?? []).filter((t) => t > cutoff);
    if (list.length === 0) this.failures.delete(key);
    else this.failures.set(key, list);
    return list;
  }

  blocked(key: string): boolean {
    return this.recent(key).length >= this.maxFailures;
  }

  fail(key: string): void {
    this.failures.set(key, [...this.recent(key), Date.now()]);
  }

  succeed(key: string): void {
    this.failures.delete(key);
  }
}
