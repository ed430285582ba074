import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CorpusRecordSchema } from '../../src/corpus/record.js';
import { collectFeedback, formatFeedback } from '../../src/review/feedback.js';
import { addReview, getRecord, outcome, reviewsOf } from '../../src/review/reviews.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { TAG_IDS, type PerTag, type TagId } from '../../src/tags.js';
import { reviewFixture, type Fixture } from './fixture.js';

const labels = (tags: readonly TagId[]): PerTag<0 | 1> => Object.fromEntries(TAG_IDS.map((t) => [t, tags.includes(t) ? 1 : 0])) as PerTag<0 | 1>;
const record = (fx: Fixture, id: string) => getRecord(fx.db, (fx.db.prepare('SELECT id FROM records WHERE record_id = ?').get(id) as { id: number }).id)!;

describe('settling a record from its reviews', () => {
  it('takes a single review, agreeing reviewers, or an adjudicator; leaves disagreement as a conflict', () => {
    const fx = reviewFixture();
    const r0 = record(fx, 'r0');
    addReview(fx.db, fx.alice, r0, labels(['alcohol', 'nte']), 'audit', '');
    expect(outcome(reviewsOf(fx.db, r0.key))).toMatchObject({ status: 'single', labels: labels(['alcohol', 'nte']) });
    addReview(fx.db, fx.bob, r0, labels(['alcohol']), 'second', '');
    expect(outcome(reviewsOf(fx.db, r0.key))).toMatchObject({ status: 'conflict', tags: ['nte'] });
    // Alice changes her mind: her newest review counts, and now they agree.
    addReview(fx.db, fx.alice, r0, labels(['alcohol']), 'audit', '');
    expect(outcome(reviewsOf(fx.db, r0.key))).toMatchObject({ status: 'agreed', labels: labels(['alcohol']), reviewers: ['bob', 'alice'] });
    addReview(fx.db, fx.carol, r0, labels(['alcohol', 'nte']), 'conflict', '');
    expect(outcome(reviewsOf(fx.db, r0.key))).toMatchObject({ status: 'adjudicated', labels: labels(['alcohol', 'nte']) });
  });
});

describe('the misclassification report and corpus records', () => {
  it('counts false positives and negatives per tag, precision per lexicon family and kappa between reviewers', () => {
    const fx = reviewFixture();
    const r0 = record(fx, 'r0');
    const r1 = record(fx, 'r1');
    const r3 = record(fx, 'r3');
    expect(r0.result.tags).toContain('nte');
    expect(r3.result.tags).toContain('familial');
    // r0: nte rejected by both (a false positive); r1 confirmed as given;
    // r3: reviewers disagree on alcohol, so it waits for an adjudicator.
    const r0Labels = labels(r0.result.tags.filter((t) => t !== 'nte'));
    addReview(fx.db, fx.alice, r0, r0Labels, 'audit', 'not a night out');
    addReview(fx.db, fx.bob, r0, r0Labels, 'second', '');
    addReview(fx.db, fx.alice, r1, labels(r1.result.tags), 'audit', '');
    addReview(fx.db, fx.alice, r3, labels([...r3.result.tags, 'alcohol']), 'audit', '');
    addReview(fx.db, fx.bob, r3, labels(r3.result.tags), 'second', '');

    const report = collectFeedback(fx.db, { minReviewers: 1 });
    expect(report).toMatchObject({ settled: 2, conflicts: 1, tooFewReviewers: 0 });
    expect(report.perTag.nte).toMatchObject({ reviewed: 2, truePositives: 0, falsePositives: 1, falseNegatives: 0 });
    expect(report.perTag.alcohol.falseNegatives).toBe(0);
    const nteFamilies = report.families.filter((f) => f.tag === 'nte');
    expect(nteFamilies.length).toBeGreaterThan(0);
    for (const f of nteFamilies) expect(f).toMatchObject({ confirmed: 0, rejected: 1 });
    const alcohol = report.agreement.find((a) => a.tag === 'alcohol')!;
    expect(alcohol.records).toBe(2);
    expect(alcohol.kappa).toBeLessThan(1);
    expect(report.agreement.find((a) => a.tag === 'familial')!.kappa).toBe(1);

    const r0Record = report.candidates.find((c) => c.id === `rv${fx.runId}-r0`)!;
    expect(r0Record).toMatchObject({ text: r0.text, labels: r0Labels, annotator: 'alice+bob', source: 'review:test-export', note: 'not a night out' });
    expect(formatFeedback(report)).toMatch(/\| nte \| 2 \| 1 \| 1 \| 0 \| 0\.0% \|/);

    expect(collectFeedback(fx.db, { minReviewers: 2 })).toMatchObject({ settled: 1, tooFewReviewers: 1 });
  });

  it('motag corpus import-reviews adds settled records with fixed splits, skips them the second time, and prints the report', () => {
    const fx = reviewFixture();
    const r1 = record(fx, 'r1');
    addReview(fx.db, fx.alice, r1, labels(r1.result.tags.filter((t) => t !== 'alcohol')), 'audit', '');
    const corpus = join(fx.dir, 'corpus.jsonl');
    writeFileSync(corpus, '');
    const run = () => spawnSync(process.execPath, [join(PACKAGE_ROOT, 'bin', 'motag.js'), 'corpus', 'import-reviews', '--db', join(fx.dir, 'motag.db'), '--corpus', corpus], { encoding: 'utf8' });

    const first = run();
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/\| alcohol \| 1 \| 1 \| 1 \| 0 \| 0\.0% \|/);
    expect(first.stderr).toMatch(/1 added/);
    const lines = readFileSync(corpus, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(1);
    const added = CorpusRecordSchema.parse(JSON.parse(lines[0]!));
    expect(added).toMatchObject({ id: `rv${fx.runId}-r1`, source: 'review:test-export', annotator: 'alice' });
    expect(added.labels.alcohol).toBe(0);
    expect(['train', 'dev', 'test']).toContain(added.split);

    const second = run();
    expect(second.status).toBe(0);
    expect(second.stderr).toMatch(/0 added .* 1 skipped/);
    expect(readFileSync(corpus, 'utf8').trim().split('\n')).toHaveLength(1);
  });
});
