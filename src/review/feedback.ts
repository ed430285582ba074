import type { CorpusRecord } from '../corpus/record.js';
import { addToCorpus, type IncomingRecord } from '../corpus/store.js';
import { cohensKappa } from '../corpus/kappa.js';
import type { Db } from '../store/db.js';
import { TAG_IDS, type PerTag, type TagId } from '../tags.js';
import { allReviews, getRecord, isUnsure, latestPerReviewer, outcome, type StoredRecord, type StoredReview } from './reviews.js';

/*
 * Reviews back into the corpus. A record is taken once its reviews settle
 * its labels (one reviewer, reviewers who agree, or an adjudicator); records
 * in conflict wait for an adjudicator, and records whose reviewers are all
 * unsure (an "unsure" label on some tag) are never taken. Alongside, a misclassification report:
 * what the reviewers found the tagger got wrong.
 */
export interface FeedbackOptions {
  /** Reviewers needed before a record without an adjudicator counts as settled. */
  readonly minReviewers: number;
}

export interface TagErrors {
  readonly reviewed: number;
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly falseNegatives: number;
}

export interface FamilyPrecision {
  readonly tag: TagId;
  readonly family: string;
  readonly confirmed: number;
  readonly rejected: number;
}

export interface ReviewerAgreement {
  readonly tag: TagId;
  readonly records: number;
  readonly kappa: number;
}

export interface FeedbackReport {
  readonly settled: number;
  readonly conflicts: number;
  readonly tooFewReviewers: number;
  /** Records whose every reviewer is unsure on some tag: left out of the corpus. */
  readonly unsure: number;
  readonly perTag: PerTag<TagErrors>;
  readonly families: FamilyPrecision[];
  readonly agreement: ReviewerAgreement[];
  readonly candidates: IncomingRecord[];
}

export function collectFeedback(db: Db, opts: FeedbackOptions): FeedbackReport {
  const byRecord = new Map<number, StoredReview[]>();
  for (const r of allReviews(db)) {
    const list = byRecord.get(r.recordKey);
    if (list) list.push(r);
    else byRecord.set(r.recordKey, [r]);
  }
  const runSources = new Map((db.prepare('SELECT id, source FROM runs').all() as { id: number; source: string }[]).map((r) => [r.id, r.source]));
  const perTag = Object.fromEntries(TAG_IDS.map((t) => [t, { reviewed: 0, truePositives: 0, falsePositives: 0, falseNegatives: 0 }])) as PerTag<{
    reviewed: number;
    truePositives: number;
    falsePositives: number;
    falseNegatives: number;
  }>;
  const families = new Map<string, { tag: TagId; family: string; confirmed: number; rejected: number }>();
  const pairs = TAG_IDS.map(() => ({ a: [] as (0 | 1)[], b: [] as (0 | 1)[] }));
  const candidates: IncomingRecord[] = [];
  let conflicts = 0;
  let tooFewReviewers = 0;
  let unsure = 0;

  for (const [key, reviews] of byRecord) {
    // Agreement is measured on decided reviews only: "unsure" is not a label to agree on.
    const latest = latestPerReviewer(reviews).filter((r) => !isUnsure(r));
    if (latest.length >= 2) {
      TAG_IDS.forEach((t, i) => {
        pairs[i]!.a.push(latest[0]!.decisions[t].label as 0 | 1);
        pairs[i]!.b.push(latest[1]!.decisions[t].label as 0 | 1);
      });
    }
    const settled = outcome(reviews);
    if (!settled) continue;
    if (settled.status === 'unsure') {
      unsure++;
      continue;
    }
    if (settled.status === 'conflict') {
      conflicts++;
      continue;
    }
    if (settled.status !== 'adjudicated' && settled.reviewers.length < opts.minReviewers) {
      tooFewReviewers++;
      continue;
    }
    const record = getRecord(db, key)!;
    countErrors(record, settled.labels, perTag, families);
    candidates.push(toCorpusRecord(record, settled.labels, settled.reviewers, reviews, runSources.get(record.runId) ?? 'run'));
  }

  return {
    settled: candidates.length,
    conflicts,
    tooFewReviewers,
    unsure,
    perTag,
    families: [...families.values()].sort((a, b) => a.tag.localeCompare(b.tag) || a.family.localeCompare(b.family)),
    agreement: TAG_IDS.map((tag, i) => ({ tag, records: pairs[i]!.a.length, kappa: pairs[i]!.a.length > 0 ? cohensKappa(pairs[i]!.a, pairs[i]!.b) : Number.NaN })),
    candidates,
  };
}

function countErrors(
  record: StoredRecord,
  labels: PerTag<0 | 1>,
  perTag: PerTag<{ reviewed: number; truePositives: number; falsePositives: number; falseNegatives: number }>,
  families: Map<string, { tag: TagId; family: string; confirmed: number; rejected: number }>,
): void {
  for (const t of TAG_IDS) {
    const given = record.result.tags.includes(t);
    const counts = perTag[t];
    counts.reviewed++;
    if (given && labels[t] === 1) counts.truePositives++;
    else if (given) counts.falsePositives++;
    else if (labels[t] === 1) counts.falseNegatives++;
  }
  // Precision per lexicon family: each family that fired for a given tag is
  // confirmed or rejected by the reviewers' label for that tag.
  const fired = new Set(record.result.evidence.filter((e) => e.source.startsWith('lexicon:') && record.result.tags.includes(e.tag)).map((e) => `${e.tag}\u0000${e.source.slice('lexicon:'.length)}`));
  for (const key of fired) {
    const [tag, family] = key.split('\u0000') as [TagId, string];
    const entry = families.get(key) ?? { tag, family, confirmed: 0, rejected: 0 };
    if (labels[tag] === 1) entry.confirmed++;
    else entry.rejected++;
    families.set(key, entry);
  }
}

function slug(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'run';
}

function toCorpusRecord(record: StoredRecord, labels: PerTag<0 | 1>, reviewers: string[], reviews: readonly StoredReview[], runSource: string): IncomingRecord {
  const comments = reviews.map((r) => r.comment.trim()).filter((c) => c.length > 0);
  return {
    id: `rv${record.runId}-${record.id}`,
    text: record.text,
    labels,
    source: `review:${slug(runSource)}`,
    annotator: reviewers.join('+'),
    ...(comments.length > 0 ? { note: comments.join(' | ') } : {}),
  };
}

/** Adds the settled records to the corpus; ids or texts already there are skipped. */
export function mergeIntoCorpus(existing: readonly CorpusRecord[], report: FeedbackReport): ReturnType<typeof addToCorpus> {
  return addToCorpus(existing, report.candidates);
}

const pct = (n: number, d: number): string => (d === 0 ? '-' : `${((100 * n) / d).toFixed(1)}%`);

export function formatFeedback(report: FeedbackReport): string {
  const lines: string[] = [];
  lines.push(`Records settled by review: ${report.settled}; in conflict (need an adjudicator): ${report.conflicts}; waiting for more reviewers: ${report.tooFewReviewers}; left out, reviewers unsure: ${report.unsure}.`, '');
  lines.push('Misclassifications found by reviewers (records were drawn from review queues, so these are not population rates)', '');
  lines.push('| tag | reviewed | tagger positives | false positives | false negatives | precision on reviewed |', '|---|---:|---:|---:|---:|---:|');
  for (const t of TAG_IDS) {
    const e = report.perTag[t];
    const positives = e.truePositives + e.falsePositives;
    lines.push(`| ${t} | ${e.reviewed} | ${positives} | ${e.falsePositives} | ${e.falseNegatives} | ${pct(e.truePositives, positives)} |`);
  }
  lines.push('', 'Precision per lexicon family (a family that fired for a given tag, confirmed or rejected by the reviewers)', '');
  lines.push('| tag | family | confirmed | rejected | precision |', '|---|---|---:|---:|---:|');
  for (const f of report.families) lines.push(`| ${f.tag} | ${f.family} | ${f.confirmed} | ${f.rejected} | ${pct(f.confirmed, f.confirmed + f.rejected)} |`);
  if (report.families.length === 0) lines.push('| - | - | 0 | 0 | - |');
  lines.push('', "Agreement between reviewers (Cohen's kappa on records two people reviewed)", '');
  lines.push('| tag | records | kappa |', '|---|---:|---:|');
  for (const a of report.agreement) lines.push(`| ${a.tag} | ${a.records} | ${Number.isNaN(a.kappa) ? 'n/a' : a.kappa.toFixed(3)} |`);
  return `${lines.join('\n')}\n`;
}
