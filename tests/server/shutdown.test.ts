import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addApiKey } from '../../src/auth/accounts.js';
import { openDb } from '../../src/store/db.js';
import { postJson, startServer } from './server-process.js';

describe('the service process', () => {
  it('finishes an in-flight request on SIGTERM, then exits cleanly', async () => {
    const server = startServer({ DB_PATH: join(mkdtempSync(join(tmpdir(), 'motag-shutdown-')), 'motag.db') });
    const port = await server.port;
    const records = Array.from({ length: 1000 }, (_, i) => ({ id: `r${i}`, text: `Drunk male ${i} abusive to door staff outside the club at 02:30, then punched his brother in the taxi queue` }));
    const pending = postJson(port, '/v1/tag/batch', { records });
    await new Promise((r) => setTimeout(r, 30));
    server.child.kill('SIGTERM');
    const res = await pending;
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body).results).toHaveLength(1000);
    expect(await server.exited).toBe(0);
    expect(server.log()).toMatch(/shutting down/);
  });
});

describe('where the service listens', () => {
  it('refuses to listen beyond loopback while no pipeline key exists, and starts once one does', async () => {
    const dbPath = join(mkdtempSync(join(tmpdir(), 'motag-host-')), 'motag.db');
    const open = startServer({ DB_PATH: dbPath, HOST: '0.0.0.0' });
    expect(await open.exited).toBe(1);
    expect(open.log()).toMatch(/no pipeline API keys are configured, so motag listens on loopback only/);

    const db = openDb(dbPath);
    addApiKey(db, 'pipeline', 'test');
    db.close();
    const keyed = startServer({ DB_PATH: dbPath, HOST: '0.0.0.0' });
    expect(await keyed.port).toBeGreaterThan(0);
    const res = await postJson(await keyed.port, '/v1/tag', { text: 'drunk male' });
    expect(res.status).toBe(401);
    keyed.child.kill('SIGTERM');
    expect(await keyed.exited).toBe(0);
  });
});
