import { createHash } from 'node:crypto';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations.js';

export type Db = Database.Database;

/** Where `npm start` and the admin commands keep the embedded database unless DB_PATH says otherwise. */
export const DEFAULT_DB_PATH = 'data/motag.db';

/**
 * Opens (creating if needed) the embedded database and brings its schema up
 * to date. WAL lets the review page read while a review is written; with
 * synchronous=FULL a transaction is on disk before the call returns, so a
 * review acknowledged to the browser survives the process being killed (and
 * the machine losing power).
 */
export function openDb(path: string): Db {
  const onDisk = path !== ':memory:' && path !== '';
  if (onDisk) {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    // Narratives and reviews: only the owner may read the database. SQLite
    // gives its -wal and -shm files the database's mode; they are set too,
    // in case they were left from a run that made them wider.
    if (!existsSync(path)) closeSync(openSync(path, 'a', DB_FILE_MODE));
    else tighten(path);
  }
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  if (onDisk) for (const suffix of ['-wal', '-shm']) if (existsSync(path + suffix)) tighten(path + suffix);
  return db;
}

export const DB_FILE_MODE = 0o600;

function tighten(path: string): void {
  try {
    chmodSync(path, DB_FILE_MODE);
  } catch (err) {
    // Not the owner (a read-only copy, say): its owner decides its mode.
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') throw err;
  }
}

export function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(`motag: the database is at schema version ${current}, newer than this motag understands (${MIGRATIONS.length}); upgrade motag`);
  }
  db.function('text_sha256', { deterministic: true }, (text) => textHash(String(text)));
  for (let v = current; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}

/** The hash that identifies a narrative's text across loads (hex SHA-256 of its UTF-8). */
export function textHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function now(): string {
  return new Date().toISOString();
}

/** Appends one line to the audit log; call inside the transaction of the change it records. */
export function audit(db: Db, actor: string, action: string, subject: string | null, detail: Record<string, unknown> = {}): void {
  db.prepare('INSERT INTO audit_log (at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)').run(now(), actor, action, subject, JSON.stringify(detail));
}
