/*
 * Slows password guessing without letting anyone lock a reviewer out.
 * Every limit is checked before the password is, and counts attempts still
 * being checked as well as recent failures, so guesses sent in parallel are
 * counted as they arrive rather than once they have failed.
 *
 * - Per client address (the socket's, or the one TRUST_PROXY hops of proxy
 *   report): at most `perAddress` failed or in-flight attempts per window,
 *   then 429. This is what stops a guesser, and it costs only the guesser:
 *   X-Forwarded-For is ignored unless a trusted proxy sets it.
 * - Per username, from anywhere: up to `perUsername` failures freely; after
 *   that, one attempt at a time, each only after a delay that doubles per
 *   failure up to `maxDelayMs`. A delay, never a lockout: someone guessing
 *   from many addresses can make a reviewer wait at most a minute between
 *   tries, not keep them out. A success clears the username's failures.
 * - Overall: at most `overall` failed or in-flight attempts per window
 *   across all usernames and addresses (a spray over many usernames), and
 *   at most `checking` password checks at once (scrypt is slow on purpose).
 *
 * In memory: a restart clears it, which is acceptable for one embedded service.
 */
export interface ThrottleLimits {
  readonly windowMs: number;
  readonly perAddress: number;
  readonly perUsername: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly overall: number;
  readonly checking: number;
}

export const DEFAULT_THROTTLE: ThrottleLimits = {
  windowMs: 15 * 60_000,
  perAddress: 10,
  perUsername: 5,
  baseDelayMs: 1000,
  maxDelayMs: 60_000,
  overall: 200,
  checking: 8,
};

interface Counts {
  failures: number[];
  inFlight: number;
}

export type Admission = { readonly ok: true; readonly done: (succeeded: boolean) => void } | { readonly ok: false; readonly retryAfterMs: number; readonly reason: string };

/** Distinct addresses and usernames remembered at most: garbage cannot grow memory without bound. */
const MAX_KEYS = 50_000;

export class SignInThrottle {
  private readonly byAddress = new Map<string, Counts>();
  private readonly byUsername = new Map<string, Counts>();
  private readonly all: Counts = { failures: [], inFlight: 0 };

  constructor(
    private readonly limits: ThrottleLimits = DEFAULT_THROTTLE,
    private readonly clock: () => number = Date.now,
  ) {}

  private counts(map: Map<string, Counts>, key: string): Counts {
    let c = map.get(key);
    if (!c) {
      if (map.size >= MAX_KEYS) this.prune(map);
      c = { failures: [], inFlight: 0 };
      map.set(key, c);
    }
    this.expire(c);
    return c;
  }

  private expire(c: Counts): void {
    const cutoff = this.clock() - this.limits.windowMs;
    while (c.failures.length > 0 && c.failures[0]! <= cutoff) c.failures.shift();
  }

  private prune(map: Map<string, Counts>): void {
    for (const [k, c] of map) {
      this.expire(c);
      if (c.failures.length === 0 && c.inFlight === 0) map.delete(k);
    }
    // Still full of live entries: forget the oldest rather than grow.
    for (const k of map.keys()) {
      if (map.size < MAX_KEYS) break;
      if (map.get(k)!.inFlight === 0) map.delete(k);
    }
  }

  /** Admits an attempt (call done() with the result) or refuses it, before any password check. */
  admit(username: string, address: string): Admission {
    const L = this.limits;
    const now = this.clock();
    const addr = this.counts(this.byAddress, address);
    const user = this.counts(this.byUsername, username);
    this.expire(this.all);
    if (addr.failures.length + addr.inFlight >= L.perAddress) {
      return { ok: false, retryAfterMs: (addr.failures[0] ?? now) + L.windowMs - now, reason: 'too many failed sign-ins from this address' };
    }
    if (this.all.failures.length + this.all.inFlight >= L.overall || this.all.inFlight >= L.checking) {
      return { ok: false, retryAfterMs: 1000, reason: 'too many sign-ins are failing or being checked' };
    }
    if (user.failures.length + user.inFlight >= L.perUsername) {
      const excess = Math.max(0, user.failures.length - L.perUsername);
      const delay = Math.min(L.baseDelayMs * 2 ** excess, L.maxDelayMs);
      const openAt = (user.failures[user.failures.length - 1] ?? now) + delay;
      if (user.inFlight > 0 || now < openAt) {
        return { ok: false, retryAfterMs: Math.max(openAt - now, 1000), reason: 'too many failed sign-ins for this username' };
      }
    }
    addr.inFlight++;
    user.inFlight++;
    this.all.inFlight++;
    let settled = false;
    return {
      ok: true,
      done: (succeeded) => {
        if (settled) return;
        settled = true;
        addr.inFlight--;
        user.inFlight--;
        this.all.inFlight--;
        if (succeeded) {
          user.failures.length = 0;
          return;
        }
        const at = this.clock();
        addr.failures.push(at);
        user.failures.push(at);
        this.all.failures.push(at);
      },
    };
  }
}
