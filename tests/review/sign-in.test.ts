import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { addApiKey } from '../../src/review/accounts.js';
import { DEFAULT_THROTTLE, SignInThrottle } from '../../src/server/sign-in-throttle.js';
import { appFor, PASSWORD, reviewFixture } from './fixture.js';

/*
 * Sign-in throttling, failed sign-ins in the audit log, the trusted proxy
 * setting and Cache-Control. Time is a fake clock where a delay matters, so
 * nothing here depends on how fast the machine is.
 */
const WRONG = 'wrong password here';

function fakeClock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('sign-in throttle', () => {
  it('counts guesses still being checked: 149 parallel wrong guesses and then the right one give no 200', async () => {
    const fx = reviewFixture();
    const throttle = new SignInThrottle();
    const app = appFor(fx.db, { throttle }).listen(0, '127.0.0.1');
    try {
      const login = (password: string) => request(app).post('/v1/review/login').send({ username: 'bob', password });
      const wrong = Array.from({ length: 149 }, () => login(WRONG).then((r) => r.status));
      // The right guess goes once at least five wrong ones have reached the server, while others are still in flight.
      await new Promise<void>((resolve) => {
        const poll = () => (throttleSeen(throttle, 'bob') >= DEFAULT_THROTTLE.perUsername ? resolve() : setImmediate(poll));
        poll();
      });
      const statuses = await Promise.all([...wrong, login(PASSWORD).then((r) => r.status)]);
      expect(statuses).not.toContain(200);
      // Only the first five were checked at all; every other was refused before the password check.
      expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(DEFAULT_THROTTLE.perUsername);
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(150 - DEFAULT_THROTTLE.perUsername);
      expect(statuses.at(-1)).toBe(429);
    } finally {
      app.close();
    }
  });

  it('delays a username after five failures (doubling, capped), never locks it for good, and a success clears it', () => {
    const clock = fakeClock();
    const t = new SignInThrottle({ ...DEFAULT_THROTTLE, perAddress: 1000 }, clock.now);
    // Failures from many addresses: a distributed guesser.
    for (let i = 0; i < 5; i++) {
      const a = t.admit('bob', `10.0.0.${i}`);
      expect(a.ok).toBe(true);
      if (a.ok) a.done(false);
    }
    const refused = t.admit('bob', '10.0.1.1');
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.retryAfterMs).toBe(1000);
    clock.advance(1000);
    const sixth = t.admit('bob', '10.0.1.1');
    expect(sixth.ok).toBe(true);
    // One at a time past the limit.
    expect(t.admit('bob', '10.0.1.2').ok).toBe(false);
    if (sixth.ok) sixth.done(false);
    clock.advance(1999);
    expect(t.admit('bob', '10.0.1.3').ok).toBe(false);
    clock.advance(1);
    const seventh = t.admit('bob', '10.0.1.3');
    expect(seventh.ok).toBe(true);
    if (seventh.ok) seventh.done(false);
    // However many failures, the wait never exceeds the cap.
    for (let i = 0; i < 20; i++) {
      clock.advance(DEFAULT_THROTTLE.maxDelayMs);
      const a = t.admit('bob', `10.0.2.${i}`);
      expect(a.ok).toBe(true);
      if (a.ok) a.done(false);
    }
    clock.advance(DEFAULT_THROTTLE.maxDelayMs);
    const real = t.admit('bob', '192.168.1.5');
    expect(real.ok).toBe(true);
    if (real.ok) real.done(true);
    expect(t.admit('bob', '192.168.1.5').ok).toBe(true);
  });

  it('limits each address, across usernames, for the window; other addresses are unaffected', () => {
    const clock = fakeClock();
    const t = new SignInThrottle(DEFAULT_THROTTLE, clock.now);
    for (let i = 0; i < DEFAULT_THROTTLE.perAddress; i++) {
      const a = t.admit(`user${i}`, '203.0.113.9');
      expect(a.ok).toBe(true);
      if (a.ok) a.done(false);
    }
    expect(t.admit('alice', '203.0.113.9').ok).toBe(false);
    expect(t.admit('alice', '198.51.100.1').ok).toBe(true);
    clock.advance(DEFAULT_THROTTLE.windowMs);
    expect(t.admit('carol', '203.0.113.9').ok).toBe(true);
  });

  it('limits failures overall, across usernames and addresses', () => {
    const clock = fakeClock();
    const t = new SignInThrottle(DEFAULT_THROTTLE, clock.now);
    for (let i = 0; i < DEFAULT_THROTTLE.overall; i++) {
      const a = t.admit(`user${i}`, `10.1.${i >> 8}.${i & 255}`);
      expect(a.ok).toBe(true);
      if (a.ok) a.done(false);
    }
    const spray = t.admit('alice', '10.9.9.9');
    expect(spray.ok).toBe(false);
    if (!spray.ok) expect(spray.reason).toMatch(/too many sign-ins/);
  });

  it('answers 429 with Retry-After, and writes failed sign-ins to the audit log with the address', async () => {
    const fx = reviewFixture();
    const app = appFor(fx.db);
    for (let i = 0; i < 5; i++) await request(app).post('/v1/review/login').send({ username: 'bob', password: WRONG }).expect(401);
    await request(app).post('/v1/review/login').send({ username: 'nobody', password: WRONG }).expect(401);
    const refused = await request(app).post('/v1/review/login').send({ username: 'bob', password: PASSWORD }).expect(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    const failed = fx.db.prepare("SELECT actor, subject FROM audit_log WHERE action = 'session.fail' ORDER BY id").all() as { actor: string; subject: string }[];
    expect(failed.map((f) => f.subject)).toEqual(['bob', 'bob', 'bob', 'bob', 'bob', 'nobody']);
    expect(failed[0]!.actor).toMatch(/^address:.*127\.0\.0\.1$/);
    expect(JSON.stringify(failed)).not.toContain(WRONG);
  });
});

describe('the client address', () => {
  it('ignores X-Forwarded-For unless TRUST_PROXY is set: nobody can lock out a reviewer by posing as other addresses', async () => {
    const fx = reviewFixture();
    const app = appFor(fx.db);
    // Guesses claiming ten different addresses all count against the real one...
    for (let i = 0; i < DEFAULT_THROTTLE.perAddress; i++) {
      await request(app).post('/v1/review/login').set('X-Forwarded-For', `10.0.0.${i}`).send({ username: `user${i}`, password: WRONG }).expect(401);
    }
    await request(app).post('/v1/review/login').set('X-Forwarded-For', '10.0.0.99').send({ username: 'alice', password: PASSWORD }).expect(429);
    const actors = fx.db.prepare("SELECT DISTINCT actor FROM audit_log WHERE action = 'session.fail'").all() as { actor: string }[];
    expect(actors).toHaveLength(1);
    expect(actors[0]!.actor).not.toMatch(/10\.0\.0/);
  });

  it('with TRUST_PROXY=1 takes the address the proxy reports', async () => {
    const fx = reviewFixture();
    const app = appFor(fx.db, { env: { TRUST_PROXY: '1' } });
    for (let i = 0; i < DEFAULT_THROTTLE.perAddress; i++) {
      await request(app).post('/v1/review/login').set('X-Forwarded-For', '203.0.113.9').send({ username: `user${i}`, password: WRONG }).expect(401);
    }
    await request(app).post('/v1/review/login').set('X-Forwarded-For', '203.0.113.9').send({ username: 'alice', password: PASSWORD }).expect(429);
    // Another client behind the same proxy is not affected.
    await request(app).post('/v1/review/login').set('X-Forwarded-For', '198.51.100.7').send({ username: 'alice', password: PASSWORD }).expect(200);
    const actors = fx.db.prepare("SELECT DISTINCT actor FROM audit_log WHERE action = 'session.fail'").all();
    expect(actors).toEqual([{ actor: 'address:203.0.113.9' }]);
  });
});

describe('Cache-Control', () => {
  it('is no-store on every response carrying a narrative or a result', async () => {
    const fx = reviewFixture();
    const app = appFor(fx.db);
    const key = addApiKey(fx.db, 'pipeline', 'test');
    const auth = { Authorization: `Bearer ${key}` };
    const token = (await request(app).post('/v1/review/login').send({ username: 'alice', password: PASSWORD }).expect(200)).body.token as string;
    const reviewer = { Authorization: `Bearer ${token}` };
    const record = (fx.db.prepare('SELECT id FROM records LIMIT 1').get() as { id: number }).id;
    const responses = [
      await request(app).post('/v1/tag').set(auth).send({ text: 'drunk male' }).expect(200),
      await request(app).post('/v1/tag/batch').set(auth).send({ records: [{ id: 'a', text: 'drunk male' }] }).expect(200),
      await request(app).post('/v1/tag').set(auth).send({ text: '' }).expect(400),
      await request(app).get(`/v1/review/records/${record}`).set(reviewer).expect(200),
      await request(app).get('/v1/review/queue?queue=audit').set(reviewer).expect(200),
      await request(app).get('/review').set('Cookie', `motag_session=${token}`).expect(200),
      await request(app).get('/metrics').set(auth).expect(200),
    ];
    responses.forEach((res, i) => expect(res.headers['cache-control'], `response ${i}`).toBe('no-store'));
  });
});

/** Attempts on a username the throttle holds (failed or in flight); reads its private state, for ordering the test only. */
function throttleSeen(t: SignInThrottle, username: string): number {
  const c = (t as unknown as { byUsername: Map<string, { failures: number[]; inFlight: number }> }).byUsername.get(username);
  return c ? c.failures.length + c.inFlight : 0;
}
