/** Password hashes: scrypt (node:crypto) with a random salt per user, compared in constant time. */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * The cost of new hashes: OWASP's scrypt guidance (N=2^17, r=8, p=1, 128 MiB per hash).
 * SCRYPT_LOG2_N lowers N for tests only (hundreds of sign-ins would take minutes otherwise).
 */
export const currentParams = () => ({
  N: 2 ** Number(process.env.SCRYPT_LOG2_N ?? 17),
  r: 8,
  p: 1,
});
const KEY_LENGTH = 64;

export const MIN_PASSWORD_LENGTH = 10;

/** scrypt needs 128·N·r bytes; Node refuses more than 32 MiB unless maxmem says otherwise. */
const withMaxmem = (params: { N: number; r: number; p: number }): ScryptOptions => ({
  ...params,
  maxmem: 2 * 128 * params.N * params.r,
});

const derive = (password: string, salt: Buffer, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );

/** `scrypt$N$r$p$salt$hash` (salt and hash in base64): the parameters travel with the hash. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const params = currentParams();
  const key = await derive(password, salt, withMaxmem(params));
  const { N, r, p } = params;
  return ['scrypt', N, r, p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, N, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const params = { N: Number(N), r: Number(r), p: Number(p) };
  const key = await derive(password, Buffer.from(salt, 'base64'), withMaxmem(params));
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** Whether a stored hash was made with other parameters than today's (then it is redone on sign-in). */
export function needsRehash(stored: string): boolean {
  const [scheme, N, r, p] = stored.split('$');
  const params = currentParams();
  return (
    scheme !== 'scrypt' ||
    Number(N) !== params.N ||
    Number(r) !== params.r ||
    Number(p) !== params.p
  );
}

const DUMMY_SALT = randomBytes(16);

/**
 * The work of checking a password against a hash of today's cost, for a login that does not
 * exist: an unknown login then answers as slowly as a known one (no oracle of who exists).
 */
export async function verifyNothing(password: string): Promise<false> {
  await derive(password, DUMMY_SALT, withMaxmem(currentParams()));
  return false;
}

/** Why a new password is refused (in Russian), or null when it is good enough. */
export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH)
    return `Пароль слишком короткий: нужно не меньше ${MIN_PASSWORD_LENGTH} символов.`;
  if (/^(.)\1*$/u.test(password)) return 'Пароль из одного повторяющегося символа не годится.';
  return null;
}
