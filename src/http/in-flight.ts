import type { RequestHandler } from 'express';
import { ApiError } from './errors.js';

/*
 * Tag requests wait in one queue for the tagging threads, so one pipeline
 * that fires hundreds of requests at once would push every other caller's
 * requests past their deadline (503). Each caller — its pipeline key, or its
 * address where no key is needed — may have at most `max` tag requests in
 * flight; more answer 429 with Retry-After, which a client can back off on,
 * while the others' requests go on being served.
 */
export const RETRY_AFTER_SECONDS = 1;

export function inFlightPerCaller(max: number): RequestHandler {
  const inFlight = new Map<string, number>();
  return (req, res, next) => {
    const key = res.locals.apiKey as string | undefined;
    const caller = key ? `key:${key}` : `address:${req.ip ?? req.socket.remoteAddress ?? 'unknown'}`;
    const now = inFlight.get(caller) ?? 0;
    if (now >= max) {
      res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
      throw new ApiError(429, 'too_many_requests', `this caller already has ${max} tag requests in flight (MAX_IN_FLIGHT_PER_CALLER): wait for an answer, or retry after ${RETRY_AFTER_SECONDS} s`);
    }
    inFlight.set(caller, now + 1);
    // 'close' fires once whether the answer was sent or the client went away.
    res.once('close', () => {
      const left = (inFlight.get(caller) ?? 1) - 1;
      if (left <= 0) inFlight.delete(caller);
      else inFlight.set(caller, left);
    });
    next();
  };
}
