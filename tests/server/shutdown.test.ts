import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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
