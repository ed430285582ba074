import { createHash, randomBytes, scrypt, scryptSync, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/*
 * Secrets at rest: passwords as salted scrypt (slow on purpose, so a stolen
 * database does not give up weak passwords), tokens and API keys as SHA-256
 * (they are 256 random bits, so a fast hash is enough and lets us look them
 * up by hash). Node's own crypto: no native dependency.
 */
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, keylen: 32, maxmem: 64 * 1024 * 1024 };

export const MIN_PASSWORD_LENGTH = 12;

export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  return storedForm(salt, scryptSync(password, salt, SCRYPT.keylen, SCRYPT));
}

function storedForm(salt: Buffer, hash: Buffer): string {
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

/** Asynchronous, so a sign-in does not stall the tagging requests served by the same process. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, N, r, p, salt, hash] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(hash, 'base64');
  const options: ScryptOptions = { N: Number(N), r: Number(r), p: Number(p), maxmem: SCRYPT.maxmem };
  const actual = await new Promise<Buffer>((resolve, reject) =>
    scrypt(password, Buffer.from(salt, 'base64'), expected.length, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
  return timingSafeEqual(actual, expected);
}

/**
 * A dummy hash to verify against when the user does not exist, so timing does
 * not reveal usernames. Made on first use, not at import (scrypt costs ~95 ms
 * and 32 MB, which every `motag tag` used to pay), and asynchronously; every
 * sign-in awaits it, known user or not, so the first one costs the same either way.
 */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= new Promise<string>((resolve, reject) => {
    const salt = randomBytes(16);
    scrypt(randomBytes(16).toString('hex'), salt, SCRYPT.keylen, SCRYPT, (err, hash) =>
      err ? reject(err) : resolve(storedForm(salt, hash)),
    );
  });
  return dummyHash;
}

/** Pipeline keys start "mtk_", reviewer session tokens "mts_": a key is never mistaken for a session. */
export type SecretKind = 'mtk' | 'mts';

export function newSecret(kind: SecretKind): string {
  return `${kind}_${randomBytes(32).toString('base64url')}`;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
