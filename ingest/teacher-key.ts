/**
 * Teachers are stored as a keyed hash of their name and school, never by name. The key (the
 * «salt») lives outside the store, so a copy of the store alone cannot be matched against
 * a list of names. It is made once, on first use, in the file TEACHER_SALT_PATH points to
 * (by default next to the store).
 */
import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { normaliseHeader } from './header.ts';

export function loadOrCreateSalt(path: string): string {
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  mkdirSync(dirname(path), { recursive: true });
  const salt = randomBytes(32).toString('hex');
  writeFileSync(path, salt + '\n', { mode: 0o600 });
  return salt;
}

export const teacherKey = (salt: string, schoolId: string, person: string) =>
  createHmac('sha256', salt)
    .update(`${schoolId}|${normaliseHeader(person)}`)
    .digest('hex')
    .slice(0, 16);
