import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { configFromEnv } from '../../src/server/config.js';
import { openDb } from '../../src/store/db.js';
import { shippedTagger } from '../helpers.js';
import { runCli } from '../cli/run-cli.js';

/*
 * Offsets are UTF-16 code unit indices into the caller's string as sent
 * (INTERFACE.md): leading and trailing whitespace and astral characters
 * (emoji, two code units each) are counted, over HTTP and in batch alike.
 */
const app = createApp({ tagger: shippedTagger(), db: openDb(':memory:'), config: configFromEnv({ AUTH: 'none' }), logger: pino({ level: 'silent' }), version: 'test' });
const TEXTS = ['   Drunk male ejected by door staff   ', '🍺🍺 drunk male 😀 ejected by door staff 🚪 \n', '\t\u00a0 IP’s 👊 boyfriend punched her  '];

interface Span {
  start: number;
  end: number;
  text: string;
}

function expectSpansIndex(text: string, result: { evidence: Span[]; discounted: Span[] }): void {
  const spans = [...result.evidence, ...result.discounted].filter((s) => s.start >= 0);
  expect(spans.length).toBeGreaterThan(0);
  for (const s of spans) expect(text.slice(s.start, s.end)).toBe(s.text);
}

describe('evidence offsets index the caller’s string', () => {
  it('POST /v1/tag: leading spaces shift the spans, nothing is trimmed', async () => {
    const plain = await request(app).post('/v1/tag').send({ text: 'Drunk male ejected by door staff' }).expect(200);
    const padded = await request(app).post('/v1/tag').send({ text: TEXTS[0] }).expect(200);
    expect(padded.body.evidence.map((e: Span) => e.start)).toEqual(plain.body.evidence.map((e: Span) => e.start + 3));
    for (const text of TEXTS) expectSpansIndex(text, (await request(app).post('/v1/tag').send({ text }).expect(200)).body);
  });

  it('POST /v1/tag/batch: the same offsets', async () => {
    const res = await request(app).post('/v1/tag/batch').send({ records: TEXTS.map((text, i) => ({ id: `r${i}`, text })) }).expect(200);
    TEXTS.forEach((text, i) => expectSpansIndex(text, res.body.results[i]));
    expect(res.body.results[1].evidence.find((e: Span) => e.text === 'drunk').start).toBe(5);
  });

  it('whitespace-only text is still refused, by the one validator both faces share', async () => {
    await request(app).post('/v1/tag').send({ text: ' \n\t ' }).expect(400);
  });

  it('motag tag (JSONL and CSV): the same offsets as HTTP', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motag-offsets-'));
    const input = join(dir, 'in.jsonl');
    writeFileSync(input, TEXTS.map((text, i) => JSON.stringify({ id: `r${i}`, text })).join('\n'));
    const r = runCli(['tag', '--in', input, '--out', join(dir, 'out.jsonl'), '--workers', '1']);
    expect(r.status).toBe(0);
    const results = readFileSync(join(dir, 'out.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const http = await request(app).post('/v1/tag/batch').send({ records: TEXTS.map((text, i) => ({ id: `r${i}`, text })) }).expect(200);
    TEXTS.forEach((text, i) => {
      expectSpansIndex(text, results[i]);
      expect(results[i].evidence).toEqual(http.body.results[i].evidence);
    });
  });
});
