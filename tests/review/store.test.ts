import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/store/db.js';
import { MIGRATIONS } from '../../src/store/migrations.js';

describe('the embedded database', () => {
  it('creates its folder, runs in WAL mode with full sync, and migrates once', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'motag-db-')), 'nested', 'motag.db');
    const db = openDb(path);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    db.prepare("INSERT INTO runs (source, model, created_at, created_by) VALUES ('x', 'm', 't', 'a')").run();
    db.close();
    const again = openDb(path);
    expect(again.prepare('SELECT COUNT(*) AS n FROM runs').get()).toEqual({ n: 1 });
    again.close();
  });

  it('refuses a database from a newer motag rather than misreading it', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'motag-db-')), 'motag.db');
    const raw = new Database(path);
    raw.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    raw.close();
    expect(() => openDb(path)).toThrow(/newer than this motag understands/);
  });
});
