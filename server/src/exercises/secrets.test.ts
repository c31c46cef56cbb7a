import { describe, expect, it } from 'vitest';
import { generateToken, hashSecret, verifySecret } from './secrets.ts';

describe('secrets', () => {
  it('generates tokens of at least 128 random bits, all different', () => {
    const tokens = Array.from({ length: 200 }, generateToken);
    for (const t of tokens) {
      expect(t).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(Buffer.from(t, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
    }
    expect(new Set(tokens).size).toBe(200);
  });

  it('stores only a salted scrypt hash that verifies the right secret and nothing else', async () => {
    const stored = await hashSecret('correct horse battery');
    expect(stored).toMatch(/^[0-9a-f]{32}:[0-9a-f]{64}$/);
    expect(stored).not.toContain('correct');
    expect(await verifySecret('correct horse battery', stored)).toBe(true);
    expect(await verifySecret('correct horse batterz', stored)).toBe(false);
    expect(await verifySecret('', stored)).toBe(false);
    expect(await hashSecret('correct horse battery')).not.toBe(stored);
  });

  it('treats a malformed stored hash as matching nothing', async () => {
    for (const stored of ['', 'nocolon', 'zz:zz', 'ab:cd:ef', ':abcd']) {
      expect(await verifySecret('anything at all', stored)).toBe(false);
    }
  });

  it('treats the same passphrase typed in another Unicode normal form as the same', async () => {
    const stored = await hashSecret('café-orbit-42');
    expect(await verifySecret('cafe\u0301-orbit-42', stored)).toBe(true);
  });
});
