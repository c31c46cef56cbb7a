/**
 * Facilitator and trainer secrets. Only scrypt hashes are stored (`salt:hash`, hex); a presented secret is hashed
 * with the stored salt and compared in constant time. Generated tokens carry 192 random bits.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

const KEY_BYTES = 32;
const SALT_BYTES = 16;
/** scrypt cost: N = 2^14, r = 8, p = 1 (16 MiB, tens of milliseconds per hash). */
const COST = { N: 16_384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;

export const PASSPHRASE_MIN = 8;
export const SECRET_MAX = 200;

function derive(secret: string, salt: Buffer, length: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(secret.normalize('NFC'), salt, length, COST, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** A fresh random token (base64url, 32 characters, 192 bits). */
export const generateToken = (): string => randomBytes(24).toString('base64url');

export async function hashSecret(secret: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(secret, salt, KEY_BYTES);
  return `${salt.toString('hex')}:${key.toString('hex')}`;
}

/** Whether `secret` is the one `stored` was hashed from. A malformed stored value matches nothing. */
export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const [saltHex, keyHex, ...rest] = stored.split(':');
  if (!saltHex || !keyHex || rest.length > 0 || !/^[0-9a-f]+$/.test(saltHex) || !/^[0-9a-f]+$/.test(keyHex)) {
    return false;
  }
  if (secret.length === 0 || secret.length > SECRET_MAX) return false;
  const expected = Buffer.from(keyHex, 'hex');
  const actual = await derive(secret, Buffer.from(saltHex, 'hex'), expected.length);
  return timingSafeEqual(actual, expected);
}
