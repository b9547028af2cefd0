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

/** Where the key of the store at `storePath` lives: TEACHER_SALT_PATH, else beside the store. */
export const saltPath = (storePath: string) =>
  process.env.TEACHER_SALT_PATH ?? `${storePath}.teacher-salt`;

export function loadOrCreateSalt(path: string): string {
  if (existsSync(path)) {
    const salt = readFileSync(path, 'utf8').trim();
    // An empty or short key would make the teacher keys reproducible from a list of names.
    if (!/^[0-9a-f]{32,}$/i.test(salt))
      throw new Error(
        `Файл секрета для ключей педагогов ${path} повреждён: ожидалось не меньше 32 шестнадцатеричных символов. Восстановите его из резервной копии (иначе ключи педагогов разных лет не совпадут).`,
      );
    return salt;
  }
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
