/**
 * The users of a networked install, in a JSON file beside the store (USERS_PATH). A file, not
 * a table: `npm run users` must work while the server holds the store open, and users outlive a
 * rebuilt store. Written atomically, readable by the owner only; hashes never leave this module.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { ROLES, type Role, type User } from '../../../contract/access/roles.ts';
import {
  hashPassword,
  needsRehash,
  passwordProblem,
  verifyNothing,
  verifyPassword,
} from './passwords.ts';

interface StoredUser extends User {
  passwordHash: string;
}

/** A refused change, with the reason in Russian. */
export class UserError extends Error {}

const LOGIN = /^[a-z0-9][a-z0-9._-]{2,31}$/;
const SCHOOL = /^[\p{L}\p{N}_.-]{1,64}$/u;

const withoutHash = ({ passwordHash: _, ...user }: StoredUser): User => user;

export const normalizeLogin = (login: string) => login.trim().toLowerCase();

export class UserDirectory {
  private cache: { mtimeMs: number; users: StoredUser[] } | null = null;

  constructor(readonly path: string) {}

  /** Every user, re-read when the file changed (the CLI writes it while the server runs). */
  private read(): StoredUser[] {
    if (!existsSync(this.path)) return [];
    const { mtimeMs } = statSync(this.path);
    if (this.cache?.mtimeMs !== mtimeMs) {
      const parsed = JSON.parse(readFileSync(this.path, 'utf8')) as { users?: StoredUser[] };
      this.cache = { mtimeMs, users: parsed.users ?? [] };
    }
    return this.cache.users;
  }

  private write(users: StoredUser[]): void {
    const temporary = `${this.path}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify({ users }, null, 2) + '\n', { mode: 0o600 });
    renameSync(temporary, this.path);
    this.cache = null;
  }

  list(): User[] {
    return this.read().map(withoutHash);
  }

  isEmpty(): boolean {
    return this.read().length === 0;
  }

  find(login: string): User | undefined {
    const stored = this.read().find((u) => u.login === normalizeLogin(login));
    return stored && withoutHash(stored);
  }

  hasAdmin(): boolean {
    return this.read().some((u) => u.role === 'admin');
  }

  /** The user when the password is theirs; undefined otherwise (no hint which part was wrong). */
  async authenticate(login: string, password: string): Promise<User | undefined> {
    const stored = this.read().find((u) => u.login === normalizeLogin(login));
    // An unknown login costs the same hashing as a known one: its answer time tells nothing.
    if (!stored) return verifyNothing(password).then(() => undefined);
    if (!(await verifyPassword(password, stored.passwordHash))) return undefined;
    if (needsRehash(stored.passwordHash)) await this.rehash(stored.login, password);
    return withoutHash(stored);
  }

  /** A hash of older parameters redone at today's cost; the stamp stays, so sessions stay open. */
  private async rehash(login: string, password: string): Promise<void> {
    const passwordHash = await hashPassword(password);
    const users = this.read();
    this.write(users.map((u) => (u.login === login ? { ...u, passwordHash } : u)));
  }

  async add(input: { login: string; role: Role; school?: string | null; password: string }) {
    const login = normalizeLogin(input.login);
    if (!LOGIN.test(login))
      throw new UserError(
        `Логин «${input.login}» не подходит: от 3 до 32 латинских букв, цифр, точек, дефисов и подчёркиваний, начиная с буквы или цифры.`,
      );
    if (!ROLES.includes(input.role))
      throw new UserError(`Роль «${input.role}» не подходит: admin, analyst или school.`);
    const school = input.school?.trim() || null;
    if (input.role === 'school' && !school)
      throw new UserError('Для роли school укажите школу: --school <логин ОО>.');
    if (input.role !== 'school' && school)
      throw new UserError('Школа (--school) указывается только для роли school.');
    if (school && !SCHOOL.test(school))
      throw new UserError(`Логин ОО «${school}» не подходит: буквы, цифры, точки, дефисы.`);
    const users = this.read();
    if (users.some((u) => u.login === login))
      throw new UserError(
        `Пользователь «${login}» уже есть. Сменить пароль: npm run users -- passwd ${login}`,
      );
    const now = new Date().toISOString();
    const user: StoredUser = {
      login,
      role: input.role,
      school,
      createdAt: now,
      passwordChangedAt: now,
      stamp: randomBytes(8).toString('hex'),
      passwordHash: await this.hash(input.password),
    };
    this.write([...users, user]);
    return this.find(login)!;
  }

  async setPassword(login: string, password: string): Promise<void> {
    const users = this.read();
    const user = users.find((u) => u.login === normalizeLogin(login));
    if (!user) throw new UserError(`Пользователя «${login}» нет.`);
    const changed: StoredUser = {
      ...user,
      passwordHash: await this.hash(password),
      passwordChangedAt: new Date().toISOString(),
      stamp: randomBytes(8).toString('hex'),
    };
    this.write(users.map((u) => (u === user ? changed : u)));
  }

  remove(login: string): void {
    const users = this.read();
    const user = users.find((u) => u.login === normalizeLogin(login));
    if (!user) throw new UserError(`Пользователя «${login}» нет.`);
    if (user.role === 'admin' && users.filter((u) => u.role === 'admin').length === 1)
      throw new UserError(
        'Это последний администратор: сначала добавьте другого, иначе сервер в сети не запустится.',
      );
    this.write(users.filter((u) => u !== user));
  }

  private async hash(password: string): Promise<string> {
    const problem = passwordProblem(password);
    if (problem) throw new UserError(problem);
    return hashPassword(password);
  }
}
