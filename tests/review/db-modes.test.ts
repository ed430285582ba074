import { chmodSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/store/db.js';

/* The database holds narratives and reviews: it and its WAL files are owner-only, whatever the umask. */
describe('database file modes', () => {
  it('creates the database, -wal and -shm 0600 under a permissive umask', () => {
    const dir = mkdtempSync(join(tmpdir(), 'motag-dbmode-'));
    const path = join(dir, 'sub', 'motag.db');
    const old = process.umask(0o000);
    try {
      const db = openDb(path);
      db.prepare('INSERT INTO audit_log (at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)').run('now', 't', 'test', null, '{}');
      for (const f of [path, `${path}-wal`, `${path}-shm`]) expect(statSync(f).mode & 0o777).toBe(0o600);
      db.close();
    } finally {
      process.umask(old);
    }
  });

  it('tightens an existing database left readable by others', () => {
    const dir = mkdtempSync(join(tmpdir(), 'motag-dbmode-'));
    const path = join(dir, 'old.db');
    openDb(path).close();
    chmodSync(path, 0o644);
    writeFileSync(`${path}-wal`, '');
    chmodSync(`${path}-wal`, 0o644);
    const db = openDb(path);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(`${path}-wal`).mode & 0o777).toBe(0o600);
    db.close();
  });
});
