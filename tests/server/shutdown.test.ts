import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/paths.js';

/** Starts `npm start`'s entry point on a free port and resolves with the port it logged. */
function startServer() {
  const child = spawn(process.execPath, [join(PACKAGE_ROOT, 'dist', 'server', 'main.js')], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const port = new Promise<number>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += String(d);
      const m = /"port":(\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, port, exited, log: () => out };
}

function postJson(port: number, path: string, body: unknown): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const data = JSON.stringify(body);
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(data) } }, (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(data);
  });
}

describe('the service process', () => {
  it('finishes an in-flight request on SIGTERM, then exits cleanly', async () => {
    const server = startServer();
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
