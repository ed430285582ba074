import { mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import createClient from 'openapi-fetch';
import openapiTS, { astToString } from 'openapi-typescript';
import pino from 'pino';
import request from 'supertest';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addApiKey } from '../../src/auth/accounts.js';
import { createApp } from '../../src/server/app.js';
import { configFromEnv } from '../../src/server/config.js';
import { openDb } from '../../src/store/db.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { shippedTagger } from '../helpers.js';

/*
 * A client generated from /openapi.json, the way a pipeline owner would make
 * one: types from openapi-typescript, calls through openapi-fetch. The
 * generated types must accept the calls (checked by the TypeScript compiler)
 * and the calls must work against the running service with a key.
 */
const db = openDb(':memory:');
const key = addApiKey(db, 'pipeline', 'test');
const app = createApp({ tagger: shippedTagger(), db, config: configFromEnv({ AUTH: 'keys' }), logger: pino({ level: 'silent' }), version: 'test' });
let server: ReturnType<typeof app.listen>;
let baseUrl = '';

beforeAll(async () => {
  server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

/** What the generated-client code in the test's temporary folder exports (its own types are checked by the compiler above). */
interface GeneratedUse {
  tagOne(client: ReturnType<typeof createClient>, id: string, text: string): Promise<{ status: number; tags?: string[]; error?: string }>;
  tagMany(client: ReturnType<typeof createClient>, records: { id: string; text: string }[]): Promise<{ model?: string; ids: (string | null)[]; tagged: number }>;
}

describe('a client generated from /openapi.json', () => {
  it('declares how to send a key and what a refused or slow request answers', async () => {
    const doc = (await request(app).get('/openapi.json').expect(200)).body;
    expect(doc.components.securitySchemes.pipelineKeyHeader).toEqual(expect.objectContaining({ type: 'apiKey', in: 'header', name: 'X-API-Key' }));
    for (const path of ['/v1/tag', '/v1/tag/batch']) {
      expect(doc.paths[path].post.security).toEqual([{ pipelineKey: [] }, { pipelineKeyHeader: [] }]);
      expect(Object.keys(doc.paths[path].post.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '403', '413', '429', '503']));
      expect(doc.paths[path].post.responses['429'].headers['Retry-After']).toBeDefined();
    }
    expect(doc.paths['/healthz'].get.security).toEqual([]);
    expect(doc.paths['/v1/review/login'].post.responses['429'].headers['Retry-After']).toBeDefined();
    expect(doc.security).toBeUndefined();
  });

  it('generates types the compiler accepts, and the generated client tags one record and a batch with a key', async () => {
    const doc = (await request(app).get('/openapi.json').expect(200)).body;
    const dir = mkdtempSync(join(tmpdir(), 'motag-client-'));
    writeFileSync(join(dir, 'api.ts'), astToString(await openapiTS(doc)));
    // The pipeline owner's code, typed by the generated paths. Its imports are
    // types only, so it runs from the temporary folder as it is.
    writeFileSync(
      join(dir, 'use.ts'),
      [
        "import type { Client } from 'openapi-fetch';",
        "import type { components, paths } from './api.js';",
        "type Result = components['schemas']['TagResult'];",
        'export async function tagOne(client: Client<paths>, id: string, text: string): Promise<{ status: number; tags?: Result["tags"]; error?: string }> {',
        "  const { data, error, response } = await client.POST('/v1/tag', { body: { id, text } });",
        '  return { status: response.status, tags: data?.tags, error: error?.error.code };',
        '}',
        'export async function tagMany(client: Client<paths>, records: { id: string; text: string }[]): Promise<{ model?: string; ids: (string | null)[]; tagged: number }> {',
        "  const { data } = await client.POST('/v1/tag/batch', { body: { records } });",
        "  const results = data?.results ?? [];",
        "  return { model: data?.model, ids: results.map((r) => r.id), tagged: results.filter((r) => 'tags' in r).length };",
        '}',
      ].join('\n'),
    );
    const program = ts.createProgram([join(dir, 'use.ts')], {
      strict: true, noEmit: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022,
      typeRoots: [join(PACKAGE_ROOT, 'node_modules', '@types')], baseUrl: PACKAGE_ROOT, paths: { 'openapi-fetch': [join(PACKAGE_ROOT, 'node_modules', 'openapi-fetch')] },
    });
    const problems = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(problems).toEqual([]);

    // The same code, run against the service.
    const use = (await import(/* @vite-ignore */ join(dir, 'use.ts'))) as GeneratedUse;
    const keyed = createClient({ baseUrl, headers: { 'X-API-Key': key } });
    const one = await use.tagOne(keyed, 'r1', 'Drunk male ejected by door staff at 02:00');
    expect(one.status).toBe(200);
    expect(one.tags).toContain('alcohol');
    const batch = await use.tagMany(createClient({ baseUrl, headers: { Authorization: `Bearer ${key}` } }), [
      { id: 'b1', text: 'Drunk male ejected by door staff at 02:00' },
      { id: 'b2', text: '' },
    ]);
    expect(batch).toEqual({ model: expect.stringMatching(/^motag-/), ids: ['b1', 'b2'], tagged: 1 });
    expect(await use.tagOne(createClient({ baseUrl }), 'r2', 'drunk male')).toEqual({ status: 401, tags: undefined, error: 'unauthorized' });
  });
});

describe('/ and /docs', () => {
  it('serve a landing page and Swagger UI from the package, with no CDN', async () => {
    const home = await request(app).get('/').expect(200);
    expect(home.text).toContain('href="/docs"');
    expect(home.text).toContain('href="/review"');
    const docs = await request(app).get('/docs').expect(200);
    expect(docs.text).not.toMatch(/https?:\/\//);
    expect(docs.text).not.toMatch(/<script>[^<]/); // no inline script: the CSP stays script-src 'self'
    await request(app).get('/docs/assets/swagger-ui-bundle.js').expect(200).expect('Content-Type', /javascript/);
    expect((await request(app).get('/docs/start.js').expect(200)).text).toContain("url: '/openapi.json'");
  });
});
