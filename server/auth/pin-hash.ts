import { randomBytes, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';

/** scrypt (a memory-hard KDF): N=2^14, r=8, p=1, 16-byte salt, 32-byte key. Format `scrypt$N$r$p$salt$key`. */
const N = 16384;
const R = 8;
const P = 1;
const KEYLEN = 32;

export function hashPinSync(pin: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(pin.normalize('NFC'), salt, KEYLEN, { N, r: R, p: P });
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(16);
  return new Promise((resolve, reject) =>
    scrypt(pin.normalize('NFC'), salt, KEYLEN, { N, r: R, p: P }, (err, key) =>
      err
        ? reject(err)
        : resolve(`scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`),
    ),
  );
}

/** Constant-time check; a malformed stored hash simply never matches. Runs off the event loop. */
export function verifyPin(pin: string, stored: string): Promise<boolean> {
  const [alg, n, r, p, salt, key] = stored.split('$');
  if (alg !== 'scrypt' || !salt || !key) return Promise.resolve(false);
  const expected = Buffer.from(key, 'base64');
  return new Promise((resolve) =>
    scrypt(
      pin.normalize('NFC'),
      Buffer.from(salt, 'base64'),
      expected.length,
      { N: Number(n), r: Number(r), p: Number(p) },
      (err, derived) => resolve(!err && timingSafeEqual(derived, expected)),
    ),
  );
}
