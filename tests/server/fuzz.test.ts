import fc from 'fast-check';
import { pino } from 'pino';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { configFromEnv } from '../../src/server/config.js';
import { openDb } from '../../src/store/db.js';
import { shippedTagger } from '../helpers.js';

/*
 * Property: no input, however strange, makes the service answer 5xx.
 * Random strings (raw bodies, texts with any Unicode) and random JSON
 * shapes are thrown at both tagging routes.
 */
const app = createApp({ tagger: shippedTagger(), db: openDb(':memory:'), config: configFromEnv({ AUTH: 'none' }), logger: pino({ level: 'silent' }), version: 'test' });

const anyJson = fc.jsonValue({ maxDepth: 3 });
const bodies = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  anyJson.map((v) => JSON.stringify(v)),
  fc.record({ text: fc.string({ unit: 'binary', maxLength: 400 }), id: fc.option(fc.string({ maxLength: 30 }), { nil: undefined }) }).map((v) => JSON.stringify(v)),
  fc.record({ text: anyJson, id: anyJson }).map((v) => JSON.stringify(v)),
  fc.array(fc.record({ id: fc.string({ maxLength: 10 }), text: fc.string({ unit: 'grapheme', maxLength: 200 }) }), { maxLength: 8 }).map((records) => JSON.stringify({ records })),
  fc.record({ records: anyJson }).map((v) => JSON.stringify(v)),
);

describe('no input makes the service answer 5xx', () => {
  it.each(['/v1/tag', '/v1/tag/batch'])('%s', async (path) => {
    await fc.assert(
      fc.asyncProperty(bodies, fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded'), async (body, type) => {
        const res = await request(app).post(path).set('Content-Type', type).send(body);
        expect(res.status, `${res.status} for ${JSON.stringify(body).slice(0, 200)}`).toBeLessThan(500);
        if (res.status !== 200) expect(typeof res.body.error?.code).toBe('string');
      }),
      { numRuns: 150, seed: 20261125 },
    );
  });
});
