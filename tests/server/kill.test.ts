import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/store/db.js';
import { TAG_IDS } from '../../src/tags.js';
import { PASSWORD, reviewFixture } from '../review/fixture.js';
import { postJson, startServer } from './server-process.js';

/*
 * A review the service acknowledged (201) is on disk: SIGKILL the server in
 * the middle of a stream of reviews, reopen the database, and find every
 * acknowledged review there.
 */
describe('reviews and a killed server', () => {
  it('loses no acknowledged review when the server is killed with SIGKILL mid-session', async () => {
    const fx = reviewFixture();
    const keys = (fx.db.prepare('SELECT id FROM records').all() as { id: number }[]).map((r) => r.id);
    fx.db.close();
    const dbPath = join(fx.dir, 'motag.db');
    const server = startServer({ DB_PATH: dbPath });
    const port = await server.port;

    const login = await postJson(port, '/v1/review/login', { username: 'alice', password: PASSWORD });
    expect(login.status).toBe(200);
    const auth = { Authorization: `Bearer ${JSON.parse(login.body).token as string}` };
    const labels = Object.fromEntries(TAG_IDS.map((t, i) => [t, i % 2]));

    const acknowledged: number[] = [];
    let killed = false;
    const reviewer = async (lane: number): Promise<void> => {
      for (let i = 0; !killed; i++) {
        const key = keys[(lane + i) % keys.length]!;
        try {
          const res = await postJson(port, `/v1/review/records/${key}/reviews`, { queue: 'audit', labels, comment: `lane ${lane} review ${i}` }, auth);
          if (res.status === 201) acknowledged.push(JSON.parse(res.body).id as number);
        } catch {
          return; // the connection died with the server: not acknowledged
        }
        if (acknowledged.length >= 150 && !killed) {
          killed = true;
          server.child.kill('SIGKILL');
        }
      }
    };
    await Promise.all([0, 1, 2, 3].map(reviewer));
    expect(await server.exited).toBeNull();

    const db = openDb(dbPath);
    const stored = new Set((db.prepare('SELECT id FROM reviews').all() as { id: number }[]).map((r) => r.id));
    db.close();
    expect(acknowledged.length).toBeGreaterThanOrEqual(150);
    for (const id of acknowledged) expect(stored.has(id)).toBe(true);
  });
});
