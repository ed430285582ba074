import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { authenticate, apiKeyName } from '../../src/auth/accounts.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { openDb } from '../../src/store/db.js';

const motag = (args: string[], input = '') => spawnSync(process.execPath, [join(PACKAGE_ROOT, 'bin', 'motag.js'), ...args], { encoding: 'utf8', input });

describe('motag users and motag keys', () => {
  it('adds a reviewer with a password from standard input, refuses a short one, and records who did it', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'motag-admin-')), 'motag.db');
    expect(motag(['users', 'add', 'dana', '--db', db], 'short\n').stderr).toMatch(/at least 12 characters/);
    const added = motag(['users', 'add', 'dana', '--role', 'adjudicator', '--db', db], 'a sufficiently long one\n');
    expect(added.status).toBe(0);
    expect(motag(['users', 'add', 'dana', '--db', db], 'a sufficiently long one\n').stderr).toMatch(/already exists/);
    expect(motag(['users', 'add', 'eve', '--role', 'boss', '--db', db], 'a sufficiently long one\n').stderr).toMatch(/unknown role/);
    const listed = motag(['users', 'list', '--db', db]).stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(listed).toMatchObject([{ username: 'dana', role: 'adjudicator', reviews: 0 }]);

    const store = openDb(db);
    expect(await authenticate(store, 'dana', 'a sufficiently long one')).toMatchObject({ username: 'dana', role: 'adjudicator' });
    expect(await authenticate(store, 'dana', 'wrong')).toBeNull();
    expect(store.prepare("SELECT actor FROM audit_log WHERE action = 'user.add'").get()).toMatchObject({ actor: expect.stringMatching(/^cli:/) });

    motag(['users', 'disable', 'dana', '--db', db]);
    expect(await authenticate(store, 'dana', 'a sufficiently long one')).toBeNull();
    store.close();
  });

  it('prints a new pipeline key once, keeps only its hash, and revokes it', () => {
    const db = join(mkdtempSync(join(tmpdir(), 'motag-admin-')), 'motag.db');
    const key = motag(['keys', 'add', 'nightly-etl', '--db', db]).stdout.trim();
    expect(key).toMatch(/^mtk_[A-Za-z0-9_-]{43}$/);
    expect(motag(['keys', 'list', '--db', db]).stdout).not.toContain(key);
    const store = openDb(db);
    expect(apiKeyName(store, key)).toBe('nightly-etl');
    motag(['keys', 'revoke', 'nightly-etl', '--db', db]);
    expect(apiKeyName(store, key)).toBeNull();
    store.close();
  });
});
