import { createHash, randomBytes } from 'node:crypto';

/** A bearer secret: 32 random bytes. Only its SHA-256 is stored, so a database leak yields no sessions. */
export function newToken(): { token: string; hash: Buffer } {
  const token = `msb_${randomBytes(32).toString('base64url')}`;
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}
