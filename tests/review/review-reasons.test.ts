import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { collectFeedback } from '../../src/review/feedback.js';
import { MODEL_NO_RULE_CUE, type Cue, type KeywordHit } from '../../src/review/record-view.js';
import { findByRecordId } from '../../src/review/reviews.js';
import { loadRun } from '../../src/review/runs.js';
import { loadKeywordBaseline } from '../../src/rules/keyword-baseline.js';
import Database from 'better-sqlite3';
import { openDb, textHash } from '../../src/store/db.js';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { TAG_IDS, type TagId } from '../../src/tags.js';
import { shippedTagger } from '../helpers.js';
import { appFor, PASSWORD, RUN_TEXTS, reviewFixture } from './fixture.js';

/*
 * Issue 17, reviewers: a second load of the same records, "unsure", comments
 * for the adjudicator, search by id, the export's other columns, and the
 * reasons shown per tag (keyword hits with the word that holds them, model
 * evidence in plain words, cues of "no" tags seen but not counted).
 */
const labelsFrom = (tags: readonly TagId[]) => Object.fromEntries(TAG_IDS.map((t) => [t, tags.includes(t) ? 1 : 0]));
const tagger = shippedTagger();
const runRecords = (texts: readonly string[], fields?: (i: number) => Record<string, string>) =>
  texts.map((text, i) => ({ id: `r${i}`, text, result: tagger.tag(text, `r${i}`), ...(fields ? { fields: fields(i) } : {}) }));
const load = (fx: ReturnType<typeof reviewFixture>, records: ReturnType<typeof runRecords>, source = 'again') =>
  loadRun(fx.db, records, loadKeywordBaseline(), { source, model: tagger.model, actor: 'test', auditPerTag: 100, seed: 1 });

async function signIn(app: ReturnType<typeof appFor>, username: string): Promise<string> {
  return (await request(app).post('/v1/review/login').send({ username, password: PASSWORD }).expect(200)).body.token as string;
}
const keyOf = (fx: ReturnType<typeof reviewFixture>, id: string) => findByRecordId(fx.db, id)[0]!.key;

describe('loading the same records twice', () => {
  it('skips records already loaded with the same id and text; reviews of the first load still cover them', async () => {
    const fx = reviewFixture();
    const app = appFor(fx.db);
    const alice = await signIn(app, 'alice');
    const key = keyOf(fx, 'r1');
    await request(app).post(`/v1/review/records/${key}/reviews`).set('Authorization', `Bearer ${alice}`).send({ queue: 'audit', labels: labelsFrom(['domestic', 'alcohol']) }).expect(201);
    const before = (await request(app).get('/v1/review/queue?queue=audit').set('Authorization', `Bearer ${alice}`).expect(200)).body;

    // The same export again, with r7's text edited: only r7 is new.
    const texts = [...RUN_TEXTS.slice(0, 7), `${RUN_TEXTS[7]} Second account added later.`];
    const second = load(fx, runRecords(texts));
    expect(second.alreadyLoaded).toEqual(['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6']);
    expect(second.records).toBe(1);
    expect(findByRecordId(fx.db, 'r1')).toHaveLength(1);
    expect(findByRecordId(fx.db, 'r7').map((r) => r.runId)).toEqual([fx.runId, second.runId]);

    const after = (await request(app).get('/v1/review/queue?queue=audit').set('Authorization', `Bearer ${alice}`).expect(200)).body;
    expect(after.items.filter((i: { run: number }) => i.run === fx.runId)).toEqual(before.items);
    expect(after.items.filter((i: { run: number }) => i.run !== fx.runId).map((i: { id: string }) => i.id)).toEqual(['r7']);
    expect(after.items.find((i: { key: number }) => i.key === key)).toMatchObject({ reviewed_by_me: true });
    // A third load of the same file adds nothing at all.
    expect(load(fx, runRecords(texts))).toMatchObject({ records: 0, alreadyLoaded: texts.map((_, i) => `r${i}`) });
  });

  it('motag review load prints the count skipped, and stores the other columns of the CSV', () => {
    const dir = mkdtempSync(join(tmpdir(), 'motag-reload-'));
    const csv = join(dir, 'export.csv');
    const rows = RUN_TEXTS.slice(0, 3).map((text, i) => `C${i},"${text.replace(/"/g, '""')}",Assault,2025-03-1${i},Ward ${i}`);
    writeFileSync(csv, `crime_ref,MO_text,Offence,Date,Ward\n${rows.join('\n')}\n`);
    const db = join(dir, 'motag.db');
    const motag = () =>
      spawnSync(process.execPath, [join(PACKAGE_ROOT, 'bin', 'motag.js'), 'review', 'load', '--in', csv, '--text-field', 'MO_text', '--id-field', 'crime_ref', '--db', db], { encoding: 'utf8' });
    const first = motag();
    expect(first.status).toBe(0);
    expect(first.stderr).toMatch(/3 records stored, 0 rejected, 0 duplicate ids, 0 already loaded/);
    const again = motag();
    expect(again.status).toBe(0);
    expect(again.stderr).toMatch(/0 records stored, 0 rejected, 0 duplicate ids, 3 already loaded by an earlier run/);
    const store = openDb(db);
    expect(findByRecordId(store, 'C2').map((r) => r.fields)).toEqual([{ Offence: 'Assault', Date: '2025-03-12', Ward: 'Ward 2' }]);
    store.close();
  });
});

describe('migration 2', () => {
  it('gives records loaded before it their text hash, so a reload of them is skipped too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'motag-migrate-'));
    const old = new Database(join(dir, 'motag.db'));
    old.exec(MIGRATIONS[0]!);
    old.pragma('user_version = 1');
    old.prepare("INSERT INTO runs (source, model, created_at, created_by) VALUES ('old', 'm', 'now', 'test')").run();
    old.prepare("INSERT INTO records (run_id, record_id, text, result, keyword_tags) VALUES (1, 'r0', ?, ?, '[]')").run(RUN_TEXTS[0], JSON.stringify(tagger.tag(RUN_TEXTS[0]!, 'r0')));
    old.close();
    const db = openDb(join(dir, 'motag.db'));
    expect(db.prepare('SELECT text_hash, fields FROM records').get()).toEqual({ text_hash: textHash(RUN_TEXTS[0]!), fields: '{}' });
    const again = loadRun(db, runRecords(RUN_TEXTS.slice(0, 1)), loadKeywordBaseline(), { source: 'again', model: tagger.model, actor: 'test', auditPerTag: 1, seed: 1 });
    expect(again.alreadyLoaded).toEqual(['r0']);
    db.close();
  });
});

describe('"unsure" as a label', () => {
  it('keeps the record in the reviewer\'s queue and out of the corpus until the reviewer decides', async () => {
    const fx = reviewFixture();
    const app = appFor(fx.db);
    const alice = await signIn(app, 'alice');
    const key = keyOf(fx, 'r0');
    const queue = async () => (await request(app).get('/v1/review/queue?queue=audit').set('Authorization', `Bearer ${alice}`).expect(200)).body;
    const unsure = { ...labelsFrom(['alcohol']), nte: 'unsure' };
    await request(app).post(`/v1/review/records/${key}/reviews`).set('Authorization', `Bearer ${alice}`).send({ queue: 'audit', labels: unsure, comment: 'pub or not?' }).expect(201);
    const open = await queue();
    expect(open.reviewed_by_me).toBe(0);
    expect(open.items.find((i: { key: number }) => i.key === key)).toMatchObject({ reviewed_by_me: false });
    const view = (await request(app).get(`/v1/review/records/${key}`).set('Authorization', `Bearer ${alice}`).expect(200)).body;
    expect(view.my_review.labels.nte).toBe('unsure');
    const report = collectFeedback(fx.db, { minReviewers: 1 });
    expect(report).toMatchObject({ settled: 0, unsure: 1 });
    expect(report.candidates).toEqual([]);
    await request(app).post(`/v1/review/records/${key}/reviews`).set('Authorization', `Bearer ${alice}`).send({ queue: 'audit', labels: { ...unsure, nte: 'maybe' } }).expect(400);

    await request(app).post(`/v1/review/records/${key}/reviews`).set('Authorization', `Bearer ${alice}`).send({ queue: 'audit', labels: labelsFrom(['alcohol', 'nte']) }).expect(201);
    expect((await queue()).reviewed_by_me).toBe(1);
    const settled = collectFeedback(fx.db, { minReviewers: 1 });
    expect(settled).toMatchObject({ settled: 1, unsure: 0 });
    expect(settled.candidates[0]!.labels).toMatchObject({ alcohol: 1, nte: 1 });
  });

  it('an unsure reviewer does not make a conflict, nor count as agreement', async () => {
    const fx = reviewFixture();
    const app = appFor(fx.db);
    const [alice, bob, carol] = [await signIn(app, 'alice'), await signIn(app, 'bob'), await signIn(app, 'carol')];
    const key = keyOf(fx, 'r3');
    await request(app).post(`/v1/review/records/${key}/reviews`).set('Authorization', `Bearer ${alice}`).send({ queue: 'audit', labels: labelsFrom(['familial']) }).expect(201);
    await request(app).post(`/v1/review/records/${key}/reviews`).set('Authorization', `Bearer ${bob}`).send({ queue: 'second', labels: { ...labelsFrom([]), familial: 'unsure' } }).expect(201);
    expect((await request(app).get('/v1/review/queue?queue=conflict').set('Authorization', `Bearer ${carol}`).expect(200)).body.total).toBe(0);
    expect(collectFeedback(fx.db, { minReviewers: 2 })).toMatchObject({ settled: 0, tooFewReviewers: 1 });
  });
});

describe('the adjudicator\'s conflict view', () => {
  it('shows the other reviews\' comments beside their labels, and only there', async () => {
    const fx = reviewFixture();
    const app = appFor(fx.db);
    const [alice, bob, carol] = [await signIn(app, 'alice'), await signIn(app, 'bob'), await signIn(app, 'carol')];
    const key = keyOf(fx, 'r3');
    await request(app).post(`/v1/review/records/${key}/reviews`).set('Authorization', `Bearer ${alice}`).send({ queue: 'audit', labels: labelsFrom(['familial']), comment: 'brother: familial' }).expect(201);
    await request(app).post(`/v1/review/records/${key}/reviews`).set('Authorization', `Bearer ${bob}`).send({ queue: 'second', labels: labelsFrom([]), comment: 'argument only, no injury' }).expect(201);
    const view = (await request(app).get(`/v1/review/records/${key}?queue=conflict`).set('Authorization', `Bearer ${carol}`).expect(200)).body;
    expect(view.other_reviews.map((r: { reviewer: string; comment: string; labels: Record<string, unknown> }) => [r.reviewer, r.comment, r.labels.familial])).toEqual([
      ['alice', 'brother: familial', 1],
      ['bob', 'argument only, no injury', 0],
    ]);
    const blind = (await request(app).get(`/v1/review/records/${key}?queue=conflict`).set('Authorization', `Bearer ${bob}`).expect(200)).body;
    expect(JSON.stringify(blind)).not.toContain('brother: familial');
  });
});

describe('search by record id', () => {
  it('finds every load of an id, answers an empty list for an unknown one, and needs a reviewer', async () => {
    const fx = reviewFixture();
    const second = load(fx, runRecords([...RUN_TEXTS.slice(0, 2), `${RUN_TEXTS[2]} Amended.`]));
    const app = appFor(fx.db);
    const alice = await signIn(app, 'alice');
    const found = (await request(app).get('/v1/review/records?id=r2').set('Authorization', `Bearer ${alice}`).expect(200)).body;
    expect(found.items.map((i: { run: number; id: string }) => [i.id, i.run])).toEqual([
      ['r2', fx.runId],
      ['r2', second.runId],
    ]);
    expect(found.items[0].queues).toEqual(expect.arrayContaining(['audit']));
    const one = (await request(app).get('/v1/review/records?id=r1').set('Authorization', `Bearer ${alice}`).expect(200)).body.items;
    expect(one).toHaveLength(1);
    expect((await request(app).get(`/v1/review/records/${one[0].key}`).set('Authorization', `Bearer ${alice}`).expect(200)).body.text).toBe(RUN_TEXTS[1]);
    expect((await request(app).get('/v1/review/records?id=nope').set('Authorization', `Bearer ${alice}`).expect(200)).body).toEqual({ items: [] });
    await request(app).get('/v1/review/records').set('Authorization', `Bearer ${alice}`).expect(400);
    await request(app).get('/v1/review/records?id=r1').expect(401);
    expect(fx.db.prepare("SELECT actor FROM audit_log WHERE action = 'record.search'").all()).toHaveLength(3);
  });
});

describe('the record\'s other columns', () => {
  it('are stored at load and returned with the record', async () => {
    const fx = reviewFixture();
    load(fx, runRecords(['Victim punched outside the Crown pub at 23:40.'], () => ({ Offence: 'ABH', Date: '2025-05-02', Ward: 'Central' })).map((r) => ({ ...r, id: 'w1' })));
    const app = appFor(fx.db);
    const alice = await signIn(app, 'alice');
    const view = (await request(app).get(`/v1/review/records/${keyOf(fx, 'w1')}`).set('Authorization', `Bearer ${alice}`).expect(200)).body;
    expect(view.fields).toEqual({ Offence: 'ABH', Date: '2025-05-02', Ward: 'Central' });
    // Records loaded without other columns have an empty set, not a missing field.
    expect((await request(app).get(`/v1/review/records/${keyOf(fx, 'r0')}`).set('Authorization', `Bearer ${alice}`).expect(200)).body.fields).toEqual({});
  });
});

describe('the reasons shown per tag', () => {
  it('shows the keyword method\'s hits with the word that holds them, and cues of a "no" tag as seen but not counted', async () => {
    const fx = reviewFixture();
    const texts = ['Victim pushed against the barrier in a public car park.', 'IP left the pub at 14:00 and was assaulted by a stranger on the high street during the afternoon.'];
    load(fx, runRecords(texts).map((r, i) => ({ ...r, id: `k${i}` })));
    const app = appFor(fx.db);
    const alice = await signIn(app, 'alice');
    const disagreement = (await request(app).get('/v1/review/queue?queue=disagreement&tag=nte').set('Authorization', `Bearer ${alice}`).expect(200)).body;
    expect(disagreement.items.map((i: { id: string }) => i.id)).toEqual(expect.arrayContaining(['k0', 'k1']));

    const k0 = (await request(app).get(`/v1/review/records/${keyOf(fx, 'k0')}`).set('Authorization', `Bearer ${alice}`).expect(200)).body;
    expect(k0.result.tags).not.toContain('nte');
    const hits = (k0.keyword_hits as KeywordHit[]).filter((h) => h.tag === 'nte').map((h) => [h.keyword, h.word, h.insideWord, texts[0]!.slice(h.start, h.end).toLowerCase()]);
    expect(hits).toEqual([
      ['bar', 'barrier', true, 'bar'],
      ['pub', 'public', true, 'pub'],
    ]);

    const k1 = (await request(app).get(`/v1/review/records/${keyOf(fx, 'k1')}`).set('Authorization', `Bearer ${alice}`).expect(200)).body;
    expect(k1.keyword_hits).toEqual(expect.arrayContaining([expect.objectContaining({ tag: 'nte', keyword: 'pub', word: 'pub', insideWord: false })]));
    expect(k1.result.tags).toContain('alcohol');
    expect(k1.result.tags).not.toContain('nte');
    const nte = k1.why.nte as Cue[];
    expect(nte.length).toBeGreaterThan(0);
    for (const cue of nte) {
      expect(cue.counted).toBe(false);
      expect(cue.explanation).toMatch(/^seen, not counted: the tag was decided no \(rule nte\./);
    }
    expect((k1.why.alcohol as Cue[]).some((c) => c.counted && c.kind === 'rule' && c.explanation === 'rule alcohol.drinking_setting')).toBe(true);
  });

  it('says "model: no rule cue" for model evidence, with the narrative\'s words and no feature names', async () => {
    const fx = reviewFixture();
    const text = 'During the night the victim was assaulted by the suspect.';
    const result = tagger.tag(text, 'm1');
    // A model-only decision as the tagger writes it: the feature name in source.
    const modelOnly = {
      ...result,
      tags: ['nte' as TagId],
      evidence: [{ tag: 'nte' as TagId, start: 0, end: 10, text: 'During the', source: 'model:b:during the', weight: 0.4, note: 'model decision with no rule cue' }],
    };
    load(fx, [{ id: 'm1', text, result: modelOnly }]);
    const app = appFor(fx.db);
    const alice = await signIn(app, 'alice');
    const view = (await request(app).get(`/v1/review/records/${keyOf(fx, 'm1')}`).set('Authorization', `Bearer ${alice}`).expect(200)).body;
    expect(view.why.nte).toEqual([{ kind: 'model', start: 0, end: 10, text: 'During the', counted: true, explanation: MODEL_NO_RULE_CUE }]);
    expect(JSON.stringify(view.why)).not.toMatch(/model:b:|b:during/);
  });
});
