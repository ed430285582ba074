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

describe('a client generated from /openapi.json', () => {
  it('declares how to send a key and what a refused or slow request answers', async () => {
    const doc = (await request(app).get('/openapi.json').expect(200)).body;
    expect(doc.components.securitySchemes.pipelineKeyHeader).toEqual(expect.objectContaining({ type: 'apiKey', in: 'header', name: 'X-API-Key' }));
    for (const path of ['/v1/tag', '/v1/tag/batch']) {
      expect(doc.paths[path].post.security).toEqual([{ pipelineKey: [] }, { pipelineKeyHeader: [] }]);
      expect(Object.keys(doc.paths[path].post.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '413', '503']));
    }
    expect(doc.paths['/healthz'].get.security).toEqual([]);
    expect(doc.paths['/v1/review/login'].post.responses['429'].headers['Retry-After']).toBeDefined();
    expect(doc.security).toBeUndefined();
  });

  it('generates types the compiler accepts for a tag call, and tags with a key', async () => {
    const doc = (await request(app).get('/openapi.json').expect(200)).body;
    const dir = mkdtempSync(join(tmpdir(), 'motag-client-'));
    writeFileSync(join(dir, 'api.ts'), astToString(await openapiTS(doc)));
    writeFileSync(
      join(dir, 'use.ts'),
      [
        "import createClient from 'openapi-fetch';",
        "import type { paths } from './api.js';",
        "const client = createClient<paths>({ baseUrl: 'http://x', headers: { 'X-API-Key': 'k' } });",
        "export async function tagOne(text: string): Promise<string[] | undefined> {",
        "  const { data } = await client.POST('/v1/tag', { body: { id: 'r1', text } });",
        '  return data?.tags;',
        '}',
      ].join('\n'),
    );
    const program = ts.createProgram([join(dir, 'use.ts')], {
      strict: true, noEmit: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022,
      typeRoots: [join(PACKAGE_ROOT, 'node_modules', '@types')], baseUrl: PACKAGE_ROOT, paths: { 'openapi-fetch': [join(PACKAGE_ROOT, 'node_modules', 'openapi-fetch')] },
    });
    const problems = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(problems).toEqual([]);

    type Paths = { '/v1/tag': { post: { requestBody: { content: { 'application/json': { id?: string; text: string } } }; responses: { 200: { content: { 'application/json': { tags: string[] } } } } } } };
    const keyed = createClient<Paths>({ baseUrl, headers: { 'X-API-Key': key } });
    const ok = await keyed.POST('/v1/tag', { body: { id: 'r1', text: 'Drunk male ejected by door staff at 02:00' } });
    expect(ok.response.status).toBe(200);
    expect(ok.data?.tags).toContain('alcohol');
    const keyless = createClient<Paths>({ baseUrl });
    expect((await keyless.POST('/v1/tag', { body: { text: 'drunk male' } })).response.status).toBe(401);
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
