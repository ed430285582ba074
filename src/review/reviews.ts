import { z } from 'zod';
import { audit, now, type Db } from '../store/db.js';
import type { TagResult } from '../tagger/result.js';
import { TAG_IDS, type PerTag, type TagId } from '../tags.js';
import type { Reviewer } from '../auth/accounts.js';
import type { QueueName } from './queues.js';

/**
 * A reviewer's label for one tag: yes (1), no (0), or "unsure". An unsure
 * label leaves the record open: it stays in the reviewer's queue, and the
 * review settles nothing (so it never reaches the corpus).
 */
export const UNSURE = 'unsure';
export type Label = 0 | 1 | typeof UNSURE;

/** One reviewer's call on one tag: what the tagger gave and the label the reviewer settled on. */
export interface TagDecision {
  readonly given: 0 | 1;
  readonly label: Label;
}
export type Decisions = PerTag<TagDecision>;

const Bit = z.union([z.literal(0), z.literal(1)]);
const Decision = z.object({ given: Bit, label: z.union([Bit, z.literal(UNSURE)]) }).strict();
const DecisionsSchema = z.object(Object.fromEntries(TAG_IDS.map((t) => [t, Decision])) as Record<TagId, typeof Decision>).strict();

export interface StoredRecord {
  readonly key: number;
  readonly id: string;
  readonly runId: number;
  readonly text: string;
  readonly result: TagResult;
  readonly keywordTags: TagId[];
  /** The export's other columns (offence, date, ward...). */
  readonly fields: Record<string, string>;
}

export interface StoredReview {
  readonly id: number;
  readonly recordKey: number;
  readonly reviewer: string;
  readonly role: Reviewer['role'];
  readonly queue: string;
  readonly decisions: Decisions;
  readonly comment: string;
  readonly createdAt: string;
}

interface RecordRow {
  id: number;
  record_id: string;
  run_id: number;
  text: string;
  result: string;
  keyword_tags: string;
  fields: string;
}

function toRecord(row: RecordRow): StoredRecord {
  return { key: row.id, id: row.record_id, runId: row.run_id, text: row.text, result: JSON.parse(row.result) as TagResult, keywordTags: JSON.parse(row.keyword_tags) as TagId[], fields: JSON.parse(row.fields) as Record<string, string> };
}

export function getRecord(db: Db, key: number): StoredRecord | null {
  const row = db.prepare(`${RECORD_SELECT} WHERE id = ?`).get(key) as RecordRow | undefined;
  return row ? toRecord(row) : null;
}

const RECORD_SELECT = 'SELECT id, record_id, run_id, text, result, keyword_tags, fields FROM records';

/** The records loaded under an export's record id (one per run that loaded a different text), oldest first. */
export function findByRecordId(db: Db, recordId: string): StoredRecord[] {
  return (db.prepare(`${RECORD_SELECT} WHERE record_id = ? ORDER BY id`).all(recordId) as RecordRow[]).map(toRecord);
}

interface ReviewRow {
  id: number;
  record_pk: number;
  username: string;
  role: Reviewer['role'];
  queue: string;
  decisions: string;
  comment: string;
  created_at: string;
}

function toReview(row: ReviewRow): StoredReview {
  return {
    id: row.id,
    recordKey: row.record_pk,
    reviewer: row.username,
    role: row.role,
    queue: row.queue,
    decisions: DecisionsSchema.parse(JSON.parse(row.decisions)) as Decisions,
    comment: row.comment,
    createdAt: row.created_at,
  };
}

const REVIEW_SELECT = 'SELECT v.id, v.record_pk, u.username, u.role, v.queue, v.decisions, v.comment, v.created_at FROM reviews v JOIN users u ON u.id = v.reviewer_id';

export function reviewsOf(db: Db, key: number): StoredReview[] {
  return (db.prepare(`${REVIEW_SELECT} WHERE v.record_pk = ? ORDER BY v.id`).all(key) as ReviewRow[]).map(toReview);
}

export function allReviews(db: Db): StoredReview[] {
  return (db.prepare(`${REVIEW_SELECT} ORDER BY v.id`).all() as ReviewRow[]).map(toReview);
}

/**
 * Stores a review: the reviewer's label for every tag beside what the tagger
 * gave. Reviews are never edited; a reviewer who changes their mind adds a
 * newer review, and the newest one of each reviewer counts. The transaction
 * is committed (and, with synchronous=FULL, on disk) before this returns.
 */
export function addReview(db: Db, reviewer: Reviewer, record: StoredRecord, labels: PerTag<Label>, queue: QueueName, comment: string): StoredReview {
  const decisions = Object.fromEntries(TAG_IDS.map((t) => [t, { given: record.result.tags.includes(t) ? 1 : 0, label: labels[t] }])) as Decisions;
  const createdAt = now();
  const id = db.transaction(() => {
    const rowId = Number(
      db
        .prepare('INSERT INTO reviews (record_pk, reviewer_id, queue, decisions, comment, created_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(record.key, reviewer.id, queue, JSON.stringify(decisions), comment, createdAt).lastInsertRowid,
    );
    const corrected = TAG_IDS.filter((t) => decisions[t].label !== UNSURE && decisions[t].given !== decisions[t].label);
    const unsure = TAG_IDS.filter((t) => decisions[t].label === UNSURE);
    audit(db, reviewer.username, 'review.add', `record:${record.key}`, { review: rowId, queue, corrected, unsure });
    return rowId;
  })();
  return { id, recordKey: record.key, reviewer: reviewer.username, role: reviewer.role, queue, decisions, comment, createdAt };
}

/** The newest review of each reviewer of a record: earlier ones were superseded. */
export function latestPerReviewer(reviews: readonly StoredReview[]): StoredReview[] {
  const latest = new Map<string, StoredReview>();
  for (const r of reviews) {
    const prev = latest.get(r.reviewer);
    if (!prev || r.id > prev.id) latest.set(r.reviewer, r);
  }
  return [...latest.values()].sort((a, b) => a.id - b.id);
}

/** A review with an unsure label on any tag: it decides nothing yet. */
export function isUnsure(review: StoredReview): boolean {
  return TAG_IDS.some((t) => review.decisions[t].label === UNSURE);
}

export type Outcome =
  | { readonly status: 'single' | 'agreed' | 'adjudicated'; readonly labels: PerTag<0 | 1>; readonly reviewers: string[] }
  | { readonly status: 'conflict'; readonly tags: TagId[]; readonly reviewers: string[] }
  | { readonly status: 'unsure'; readonly reviewers: string[] };

/**
 * Where a record's reviews leave its labels. Only decided reviews count: a
 * reviewer whose newest review is unsure on some tag has not decided. An
 * adjudicator's newest review settles everything; otherwise reviewers who
 * agree on every tag settle it, and any disagreement is a conflict for an
 * adjudicator. Only unsure reviews: 'unsure', nothing settled.
 */
export function outcome(reviews: readonly StoredReview[]): Outcome | null {
  const all = latestPerReviewer(reviews);
  if (all.length === 0) return null;
  const latest = all.filter((r) => !isUnsure(r));
  if (latest.length === 0) return { status: 'unsure', reviewers: all.map((r) => r.reviewer) };
  const reviewers = latest.map((r) => r.reviewer);
  const labelsOf = (r: StoredReview): PerTag<0 | 1> => Object.fromEntries(TAG_IDS.map((t) => [t, r.decisions[t].label])) as PerTag<0 | 1>;
  const adjudications = latest.filter((r) => r.role === 'adjudicator');
  if (adjudications.length > 0 && latest.length > 1) {
    return { status: 'adjudicated', labels: labelsOf(adjudications.at(-1)!), reviewers };
  }
  const tags = TAG_IDS.filter((t) => new Set(latest.map((r) => r.decisions[t].label)).size > 1);
  if (tags.length > 0) return { status: 'conflict', tags, reviewers };
  return { status: latest.length === 1 ? 'single' : 'agreed', labels: labelsOf(latest[0]!), reviewers };
}
