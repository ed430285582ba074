import type { Db } from '../store/db.js';
import type { TagId } from '../tags.js';
import type { Reviewer } from '../auth/accounts.js';
import type { QueueName } from './queues.js';
import { outcome, reviewsOf, UNSURE } from './reviews.js';

export interface QueueFilter {
  readonly queue: QueueName;
  readonly tag?: TagId;
  readonly runId?: number;
}

export interface QueueItem {
  readonly key: number;
  readonly id: string;
  readonly runId: number;
  /** The tags that put the record in this queue (fixed queues) or that the tagger gave. */
  readonly tags: TagId[];
  readonly reviewedByMe: boolean;
}

export interface QueuePage {
  readonly queue: QueueName;
  readonly total: number;
  readonly reviewedByMe: number;
  readonly items: QueueItem[];
}

interface Row {
  key: number;
  id: string;
  run_id: number;
  tags: string;
  mine: number;
}

/**
 * The records of a queue for one reviewer, in a stable order, each marked
 * with whether this reviewer has reviewed it (the page's progress; a review
 * with an "unsure" label does not count as done).
 * - fixed queues: the queue_items written when the run was loaded;
 * - second: records someone else reviewed, where no third person has: offered
 *   blind, and kept in the list after this reviewer's review for progress;
 * - conflict: records whose reviewers disagree (or did, before this
 *   adjudicator settled them).
 */
export function queuePage(db: Db, reviewer: Reviewer, filter: QueueFilter, offset: number, limit: number): QueuePage {
  const rows = queueRows(db, reviewer, filter);
  return {
    queue: filter.queue,
    total: rows.length,
    reviewedByMe: rows.filter((r) => r.mine > 0).length,
    items: rows.slice(offset, offset + limit).map((r) => ({ key: r.key, id: r.id, runId: r.run_id, tags: (JSON.parse(r.tags) as (TagId | null)[]).filter((t): t is TagId => t !== null), reviewedByMe: r.mine > 0 })),
  };
}

function queueRows(db: Db, reviewer: Reviewer, filter: QueueFilter): Row[] {
  const run = filter.runId ?? null;
  const tag = filter.tag ?? null;
  // Done by me: my newest review decided every tag. An "unsure" review keeps the record open in my queue.
  const mine = `COALESCE((SELECT instr(m.decisions, '"${UNSURE}"') = 0 FROM reviews m WHERE m.record_pk = r.id AND m.reviewer_id = :me ORDER BY m.id DESC LIMIT 1), 0)`;
  if (filter.queue === 'abstain' || filter.queue === 'audit' || filter.queue === 'disagreement') {
    return db
      .prepare(
        `SELECT r.id AS key, r.record_id AS id, r.run_id, json_group_array(q.tag) AS tags, ${mine} AS mine
         FROM queue_items q JOIN records r ON r.id = q.record_pk
         WHERE q.queue = :queue AND (:tag IS NULL OR q.tag = :tag) AND (:run IS NULL OR r.run_id = :run)
         GROUP BY r.id ORDER BY r.id`,
      )
      .all({ queue: filter.queue, tag, run, me: reviewer.id }) as Row[];
  }
  // The tagger's own tags stand for "the record's tags" in the computed queues.
  const tagged = `(SELECT json_group_array(j.value) FROM json_each(json_extract(r.result, '$.tags')) j)`;
  const tagFilter = `(:tag IS NULL OR EXISTS (SELECT 1 FROM json_each(json_extract(r.result, '$.tags')) j WHERE j.value = :tag)
                     OR EXISTS (SELECT 1 FROM queue_items q WHERE q.record_pk = r.id AND q.tag = :tag))`;
  if (filter.queue === 'second') {
    return db
      .prepare(
        `SELECT r.id AS key, r.record_id AS id, r.run_id, ${tagged} AS tags, ${mine} AS mine
         FROM records r
         WHERE (:run IS NULL OR r.run_id = :run) AND ${tagFilter}
           AND (SELECT COUNT(DISTINCT v.reviewer_id) FROM reviews v WHERE v.record_pk = r.id AND v.reviewer_id <> :me) = 1
           AND (SELECT v.reviewer_id FROM reviews v WHERE v.record_pk = r.id ORDER BY v.id LIMIT 1) <> :me
         ORDER BY r.id`,
      )
      .all({ tag, run, me: reviewer.id }) as Row[];
  }
  const candidates = db
    .prepare(
      `SELECT r.id AS key, r.record_id AS id, r.run_id, ${tagged} AS tags, ${mine} AS mine
       FROM records r
       WHERE (:run IS NULL OR r.run_id = :run) AND ${tagFilter}
         AND (SELECT COUNT(DISTINCT v.reviewer_id) FROM reviews v WHERE v.record_pk = r.id) >= 2
       ORDER BY r.id`,
    )
    .all({ tag, run, me: reviewer.id }) as Row[];
  return candidates.filter((row) => {
    const reviews = reviewsOf(db, row.key);
    const settled = outcome(reviews);
    if (settled?.status === 'conflict') return true;
    // Settled by this adjudicator: still listed, as done, for progress.
    return settled?.status === 'adjudicated' && row.mine > 0;
  });
}
