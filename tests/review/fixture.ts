import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { loadKeywordBaseline } from '../../src/eval/keyword-baseline.js';
import { addUser, type Reviewer } from '../../src/review/accounts.js';
import { loadRun } from '../../src/review/runs.js';
import { PipelineKeys } from '../../src/server/access.js';
import { SignInThrottle } from '../../src/server/sign-in-throttle.js';
import { createApp } from '../../src/server/app.js';
import { configFromEnv } from '../../src/server/config.js';
import { openDb, type Db } from '../../src/store/db.js';
import { shippedTagger } from '../helpers.js';

export const PASSWORD = 'a long test password';

/** Narratives for a review run: each kind of queue gets members. */
export const RUN_TEXTS: readonly string[] = [
  'Drunk male ejected by door staff from the Crown pub at 01:30, punched IP outside.',
  'IP assaulted by her ex-partner at her home address; he had been drinking all day.',
  'Suspect called the victim a p*ki and told him to go back to his own country.',
  'Victim assaulted by his brother at the family home during an argument over money.',
  'Group of youths drinking on the street outside the shop, shouting abuse at passers-by.',
  'Suspect damaged the victim\'s car on the driveway overnight; no further description.',
  'Victim\'s mother witnessed an unknown male push the victim in the street.',
  'IP verbally abused on the bus for being gay, suspect left at the next stop.',
];

export interface Fixture {
  readonly db: Db;
  readonly dir: string;
  readonly runId: number;
  readonly alice: Reviewer;
  readonly bob: Reviewer;
  readonly carol: Reviewer;
}

/** A database on disk with three reviewers (carol adjudicates) and one tagged run. */
export function reviewFixture(): Fixture {
  const dir = mkdtempSync(join(tmpdir(), 'motag-review-'));
  const db = openDb(join(dir, 'motag.db'));
  const alice = addUser(db, 'alice', PASSWORD, 'reviewer', 'test');
  const bob = addUser(db, 'bob', PASSWORD, 'reviewer', 'test');
  const carol = addUser(db, 'carol', PASSWORD, 'adjudicator', 'test');
  const tagger = shippedTagger();
  const records = RUN_TEXTS.map((text, i) => ({ id: `r${i}`, text, result: tagger.tag(text, `r${i}`) }));
  const { runId } = loadRun(db, records, loadKeywordBaseline(), { source: 'test export', model: tagger.model, actor: 'test', auditPerTag: 100, seed: 1 });
  return { db, dir, runId, alice, bob, carol };
}

/** The service over a fixture database; keyTtlMs 0 reads pipeline keys on every request. */
export function appFor(db: Db, opts: { keyTtlMs?: number; env?: Record<string, string>; throttle?: SignInThrottle } = {}) {
  return createApp({
    tagger: shippedTagger(),
    db,
    config: configFromEnv(opts.env ?? {}),
    logger: pino({ level: 'silent' }),
    version: 'test',
    pipelineKeys: new PipelineKeys(db, opts.keyTtlMs ?? 1000),
    ...(opts.throttle ? { signInThrottle: opts.throttle } : {}),
  });
}
