import type { KeywordBaseline } from '../rules/keyword-baseline.js';
import { seededRandom, shuffleInPlace } from '../random.js';
import { audit, now, textHash, type Db } from '../store/db.js';
import type { TagResult } from '../tagger/result.js';
import { TAG_IDS, type TagId } from '../tags.js';
import type { QueueEntry } from './queues.js';

export interface RunRecord {
  readonly id: string;
  readonly text: string;
  readonly result: TagResult;
  /** The export's other columns (offence, date, ward...), shown beside the narrative. */
  readonly fields?: Readonly<Record<string, string>>;
}

export interface LoadOptions {
  readonly source: string;
  readonly model: string;
  readonly actor: string;
  /** Positives per tag drawn for the precision audit. */
  readonly auditPerTag: number;
  readonly seed: number;
}

export interface LoadedRun {
  readonly runId: number;
  readonly records: number;
  readonly duplicates: string[];
  /** Ids already loaded by an earlier run with the same text: skipped, their reviews stand. */
  readonly alreadyLoaded: string[];
  readonly queued: Record<QueueEntry['queue'], number>;
}

/** Which fixed queues a record belongs to, and for which tags. */
export function queueEntries(result: TagResult, keywordTags: readonly TagId[]): QueueEntry[] {
  const out: QueueEntry[] = result.needs_review.map((tag) => ({ queue: 'abstain', tag }));
  for (const tag of TAG_IDS) {
    if (result.tags.includes(tag) !== keywordTags.includes(tag)) out.push({ queue: 'disagreement', tag });
  }
  return out;
}

/**
 * Stores a tagged batch as a run and fills the fixed queues. The audit sample
 * is drawn per tag from the run's positives with a seeded shuffle, so the same
 * batch and seed give the same sample. One transaction: a run is there whole
 * or not at all. A record already loaded by an earlier run (same id, same
 * text hash) is skipped: it is already queued, and its reviews stand. A record
 * whose text changed under the same id is new.
 */
export function loadRun(db: Db, records: readonly RunRecord[], keywords: KeywordBaseline, opts: LoadOptions): LoadedRun {
  return db.transaction(() => {
    const runId = Number(db.prepare('INSERT INTO runs (source, model, created_at, created_by) VALUES (?, ?, ?, ?)').run(opts.source, opts.model, now(), opts.actor).lastInsertRowid);
    const insertRecord = db.prepare('INSERT OR IGNORE INTO records (run_id, record_id, text, result, keyword_tags, text_hash, fields) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const loadedBefore = db.prepare('SELECT 1 FROM records WHERE record_id = ? AND text_hash = ? AND run_id <> ? LIMIT 1').pluck();
    const insertQueue = db.prepare('INSERT OR IGNORE INTO queue_items (record_pk, queue, tag) VALUES (?, ?, ?)');
    const queued = { abstain: 0, audit: 0, disagreement: 0 };
    const positives = new Map<TagId, number[]>(TAG_IDS.map((t) => [t, []]));
    const duplicates: string[] = [];
    const alreadyLoaded: string[] = [];
    for (const r of records) {
      const hash = textHash(r.text);
      if (loadedBefore.get(r.id, hash, runId) !== undefined) {
        alreadyLoaded.push(r.id);
        continue;
      }
      const keywordTags = keywords.tags(r.text);
      const info = insertRecord.run(runId, r.id, r.text, JSON.stringify(r.result), JSON.stringify(keywordTags), hash, JSON.stringify(r.fields ?? {}));
      if (info.changes === 0) {
        duplicates.push(r.id);
        continue;
      }
      const pk = Number(info.lastInsertRowid);
      for (const e of queueEntries(r.result, keywordTags)) {
        insertQueue.run(pk, e.queue, e.tag);
        queued[e.queue]++;
      }
      for (const tag of r.result.tags) positives.get(tag)!.push(pk);
    }
    const rand = seededRandom(opts.seed);
    for (const tag of TAG_IDS) {
      const pool = positives.get(tag)!;
      shuffleInPlace(pool, rand);
      for (const pk of pool.slice(0, opts.auditPerTag)) {
        insertQueue.run(pk, 'audit', tag);
        queued.audit++;
      }
    }
    const loaded = records.length - duplicates.length - alreadyLoaded.length;
    audit(db, opts.actor, 'run.load', String(runId), { source: opts.source, model: opts.model, records: loaded, duplicates: duplicates.length, alreadyLoaded: alreadyLoaded.length, queued });
    return { runId, records: loaded, duplicates, alreadyLoaded, queued };
  })();
}

export interface RunSummary {
  readonly id: number;
  readonly source: string;
  readonly model: string;
  readonly created_at: string;
  readonly records: number;
  readonly reviewed: number;
}

export function listRuns(db: Db): RunSummary[] {
  return db
    .prepare(
      `SELECT r.id, r.source, r.model, r.created_at,
              (SELECT COUNT(*) FROM records WHERE run_id = r.id) AS records,
              (SELECT COUNT(DISTINCT v.record_pk) FROM reviews v JOIN records x ON x.id = v.record_pk WHERE x.run_id = r.id) AS reviewed
       FROM runs r ORDER BY r.id`,
    )
    .all() as RunSummary[];
}
