import { audit, now, type Db } from '../store/db.js';
import { dummyPasswordHash, hashPassword, hashSecret, MIN_PASSWORD_LENGTH, newSecret, verifyPassword } from './credentials.js';

/*
 * Reviewer accounts, their sign-in sessions and the pipeline's API keys.
 * Accounts and keys are made by the admin commands (`motag users`, `motag
 * keys`), never over HTTP, so nothing reachable from the network can grant
 * itself access.
 */
export const ROLES = ['reviewer', 'adjudicator'] as const;
export type Role = (typeof ROLES)[number];

export interface Reviewer {
  readonly id: number;
  readonly username: string;
  readonly role: Role;
}

export const USERNAME = /^[a-z0-9][a-z0-9._-]{1,63}$/;
export const SESSION_HOURS = 12;

export function addUser(db: Db, username: string, password: string, role: Role, actor: string): Reviewer {
  if (!USERNAME.test(username)) throw new Error(`username "${username}": use 2-64 lower-case letters, digits, dot, dash or underscore`);
  if (password.length < MIN_PASSWORD_LENGTH) throw new Error(`password: at least ${MIN_PASSWORD_LENGTH} characters`);
  if (db.prepare('SELECT 1 FROM users WHERE username = ?').get(username)) throw new Error(`user "${username}" already exists`);
  const hash = hashPassword(password);
  return db.transaction(() => {
    const { lastInsertRowid } = db.prepare('INSERT INTO users (username, role, password_hash, created_at) VALUES (?, ?, ?, ?)').run(username, role, hash, now());
    audit(db, actor, 'user.add', username, { role });
    return { id: Number(lastInsertRowid), username, role };
  })();
}

export function setPassword(db: Db, username: string, password: string, actor: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) throw new Error(`password: at least ${MIN_PASSWORD_LENGTH} characters`);
  const hash = hashPassword(password);
  db.transaction(() => {
    const user = db.prepare('SELECT id FROM users WHERE username = ?').get(username) as { id: number } | undefined;
    if (!user) throw new Error(`no user "${username}"`);
    db.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(hash, user.id);
    // A new password ends every existing sign-in.
    db.prepare('DELETE FROM sessions WHERE user_id = ?').run(user.id);
    audit(db, actor, 'user.password', username);
  })();
}

export function disableUser(db: Db, username: string, actor: string): void {
  db.transaction(() => {
    const changed = db.prepare('UPDATE users SET disabled_at = ? WHERE username = ? AND disabled_at IS NULL').run(now(), username).changes;
    if (changed === 0) throw new Error(`no active user "${username}"`);
    db.prepare('DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE username = ?)').run(username);
    audit(db, actor, 'user.disable', username);
  })();
}

export function listUsers(db: Db): { username: string; role: Role; created_at: string; disabled_at: string | null; reviews: number }[] {
  return db
    .prepare('SELECT username, role, created_at, disabled_at, (SELECT COUNT(*) FROM reviews WHERE reviewer_id = users.id) AS reviews FROM users ORDER BY username')
    .all() as { username: string; role: Role; created_at: string; disabled_at: string | null; reviews: number }[];
}

/** Checks a password; the same work is done for unknown users so timing does not reveal who exists. */
export async function authenticate(db: Db, username: string, password: string): Promise<Reviewer | null> {
  const row = db.prepare('SELECT id, username, role, password_hash FROM users WHERE username = ? AND disabled_at IS NULL').get(username) as
    | { id: number; username: string; role: Role; password_hash: string }
    | undefined;
  const dummy = await dummyPasswordHash();
  const ok = await verifyPassword(password, row?.password_hash ?? dummy);
  return row && ok ? { id: row.id, username: row.username, role: row.role } : null;
}

export function createSession(db: Db, user: Reviewer): { token: string; expiresAt: string } {
  const token = newSecret('mts');
  const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000).toISOString();
  db.transaction(() => {
    db.prepare('DELETE FROM sessions WHERE expires_at < ?').run(now());
    db.prepare('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)').run(hashSecret(token), user.id, now(), expiresAt);
    audit(db, user.username, 'session.start', user.username);
  })();
  return { token, expiresAt };
}

export function sessionReviewer(db: Db, token: string): Reviewer | null {
  if (!token.startsWith('mts_')) return null;
  const row = db
    .prepare('SELECT u.id, u.username, u.role FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ? AND s.expires_at > ? AND u.disabled_at IS NULL')
    .get(hashSecret(token), now()) as Reviewer | undefined;
  return row ?? null;
}

export function endSession(db: Db, token: string): void {
  db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(hashSecret(token));
}

export function addApiKey(db: Db, name: string, actor: string): string {
  if (!USERNAME.test(name)) throw new Error(`key name "${name}": use 2-64 lower-case letters, digits, dot, dash or underscore`);
  if (db.prepare('SELECT 1 FROM api_keys WHERE name = ?').get(name)) throw new Error(`a key named "${name}" already exists`);
  const key = newSecret('mtk');
  db.transaction(() => {
    db.prepare('INSERT INTO api_keys (name, key_hash, created_at) VALUES (?, ?, ?)').run(name, hashSecret(key), now());
    audit(db, actor, 'key.add', name);
  })();
  return key;
}

export function revokeApiKey(db: Db, name: string, actor: string): void {
  db.transaction(() => {
    const changed = db.prepare('UPDATE api_keys SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL').run(now(), name).changes;
    if (changed === 0) throw new Error(`no active key "${name}"`);
    audit(db, actor, 'key.revoke', name);
  })();
}

export function listApiKeys(db: Db): { name: string; created_at: string; revoked_at: string | null }[] {
  return db.prepare('SELECT name, created_at, revoked_at FROM api_keys ORDER BY name').all() as { name: string; created_at: string; revoked_at: string | null }[];
}

export function apiKeysConfigured(db: Db): boolean {
  return db.prepare('SELECT 1 FROM api_keys WHERE revoked_at IS NULL LIMIT 1').get() !== undefined;
}

/** Whether any pipeline key was ever made here, revoked or not: from then on the tag routes never open without one. */
export function apiKeysEverMade(db: Db): boolean {
  return db.prepare('SELECT 1 FROM api_keys LIMIT 1').get() !== undefined;
}

/** The key's name when it is a live pipeline key. */
export function apiKeyName(db: Db, key: string): string | null {
  if (!key.startsWith('mtk_')) return null;
  const row = db.prepare('SELECT name FROM api_keys WHERE key_hash = ? AND revoked_at IS NULL').get(hashSecret(key)) as { name: string } | undefined;
  return row?.name ?? null;
}
