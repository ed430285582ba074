import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addApiKey } from '../../src/review/accounts.js';
import { openDb } from '../../src/store/db.js';
import { postJson, startServer } from './server-process.js';

describe('the service process', () => {
  it('finishes an in-flight request on SIGTERM, then exits cleanly', async () => {
    const server = startServer({ DB_PATH: join(mkdtempSync(join(tmpdir(), 'motag-shutdown-')), 'motag.db'), AUTH: 'none' });
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
  it('refuses open access (AUTH=none) beyond loopback', async () => {
    const dbPath = join(mkdtempSync(join(tmpdir(), 'motag-host-')), 'motag.db');
    const open = startServer({ DB_PATH: dbPath, HOST: '0.0.0.0', AUTH: 'none' });
    expect(await open.exited).toBe(1);
    expect(open.log()).toMatch(/AUTH=none \(open access\) is allowed on loopback only/);
  });

  it('beyond loopback with keys on, starts closed even before a key exists, then takes a key made while running', async () => {
    const dbPath = join(mkdtempSync(join(tmpdir(), 'motag-host-')), 'motag.db');
    const server = startServer({ DB_PATH: dbPath, HOST: '0.0.0.0' });
    const port = await server.port;
    expect(server.log()).toMatch(/no live pipeline API key/);
    expect((await postJson(port, '/v1/tag', { text: 'drunk male' })).status).toBe(401);
    const db = openDb(dbPath);
    const key = addApiKey(db, 'pipeline', 'test');
    db.close();
    // Keys are read at most once a second: retry until the new key is seen (bounded).
    let status = 0;
    for (let i = 0; i < 100 && status !== 200; i++) {
      status = (await postJson(port, '/v1/tag', { text: 'drunk male' }, { Authorization: `Bearer ${key}` })).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe(200);
    expect((await postJson(port, '/v1/tag', { text: 'drunk male' })).status).toBe(401);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });
});
