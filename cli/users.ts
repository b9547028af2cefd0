/**
 * npm run users -- add <login> --role admin|analyst|school [--school <логин ОО>]
 *                  list | remove <login> | passwd <login> | unlock <login>
 * Passwords are asked on the terminal (twice, not shown) or read from stdin's first line.
 * Works while the server runs: users live in their own file (USERS_PATH), not in the store;
 * unlock leaves a line for the running server in UNLOCKS_PATH (its counts are in its memory).
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Store, StoreLockedError } from '../analytics/db.ts';
import { runCli } from './run.ts';
import { formatDateTime } from '../contract/format.ts';
import { recordCli } from '../dashboard/server/auth/cli-audit.ts';
import { askHidden } from '../dashboard/server/auth/terminal.ts';
import { UserDirectory, UserError } from '../dashboard/server/auth/users.ts';
import { ROLES, ROLE_TITLES, type Role } from '../contract/access/roles.ts';
import { storePath, unlocksPath, usersPath } from '../dashboard/server/config.ts';
import { requestUnlock } from '../dashboard/server/auth/unlocks.ts';
import { statementRows } from '../ingest/statements.ts';

const USAGE = `Использование: npm run users -- <команда>
  add <логин> --role admin|analyst|school [--school <логин ОО>]
                    добавить пользователя; пароль спрашивается (не меньше 10 символов)
                    admin — администратор: загрузка данных, методика, журнал;
                    analyst — аналитик: всё для чтения, справки, выгрузки;
                    school — школа: только своя школа (--school обязателен)
  list              пользователи и их роли
  remove <логин>    удалить пользователя (его сессии закрываются)
  passwd <логин>    сменить пароль (открытые сессии закрываются)
  unlock <логин>    снять задержки входа после неудачных попыток (сервер может работать)
Пароль можно передать через стандартный ввод: printf '%s\\n' 'пароль' | npm run users -- add …`;

/** The new password: asked twice on a terminal, one line from a pipe. */
async function newPassword(): Promise<string> {
  const password = await askHidden('Пароль: ');
  if (process.stdin.isTTY && (await askHidden('Пароль ещё раз: ')) !== password)
    throw new UserError('Пароли не совпали: ничего не изменено.');
  return password;
}

/** The school's name from the registry; a warning instead when the store cannot be read now. */
async function checkSchool(school: string): Promise<string> {
  if (!existsSync(storePath())) return `школа ${school} (хранилища ещё нет: код не проверен)`;
  let store: Store;
  try {
    store = await Store.open(storePath());
  } catch (error) {
    if (error instanceof StoreLockedError)
      return `школа ${school} (хранилище занято сервером: проверьте код по реестру сами)`;
    throw error;
  }
  try {
    const [row] = await statementRows<{ short_name: string }>(store, 'school_short_name', {
      school,
    });
    if (!row) throw new UserError(`Школы с логином ОО «${school}» нет в реестре хранилища.`);
    return `${row.short_name} (${school})`;
  } finally {
    store.close();
  }
}

function printUsers(users: UserDirectory): void {
  const list = users.list();
  if (list.length === 0) {
    console.log('Пользователей нет: сервер на 127.0.0.1 работает без входа.');
    return;
  }
  const rows = list.map((u) => [
    u.login,
    ROLE_TITLES[u.role],
    u.school ?? '',
    formatDateTime(u.createdAt),
    formatDateTime(u.passwordChangedAt),
  ]);
  const header = ['Логин', 'Роль', 'Школа', 'Создан', 'Пароль сменён'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  for (const cells of [header, widths.map((w) => '─'.repeat(w)), ...rows])
    console.log(
      cells
        .map((c, i) => c.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    );
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      school: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  const [command, login] = positionals;
  const users = new UserDirectory(usersPath());
  if (values.help || !command) {
    console.log(USAGE);
    return values.help ? 0 : 1;
  }
  if (command === 'list') {
    printUsers(users);
    return 0;
  }
  if (!login || !['add', 'remove', 'passwd', 'unlock'].includes(command)) {
    console.error(`Команда «${positionals.join(' ')}» непонятна.\n\n${USAGE}`);
    return 1;
  }
  if (command === 'add') {
    const role = values.role as Role;
    if (!ROLES.includes(role))
      throw new UserError(
        `Укажите роль: --role admin, analyst или school (сейчас: «${values.role ?? ''}»).`,
      );
    const school = values.school ? await checkSchool(values.school) : null;
    const user = await users.add({
      login,
      role,
      school: values.school,
      password: await newPassword(),
    });
    const detail = `${user.login}, ${ROLE_TITLES[user.role]}${school ? `, ${school}` : ''}`;
    recordCli('user_add', detail);
    console.log(`Пользователь добавлен: ${detail}.`);
  } else if (command === 'unlock') {
    const user = users.find(login);
    if (!user) throw new UserError(`Пользователя «${login}» нет.`);
    requestUnlock(unlocksPath(), user.login);
    recordCli('user_unlock', user.login);
    console.log(`Задержки входа для ${user.login} сняты: можно входить сразу.`);
  } else if (command === 'remove') {
    users.remove(login);
    recordCli('user_remove', login);
    console.log(`Пользователь ${login} удалён; его сессии закрыты.`);
  } else {
    await users.setPassword(login, await newPassword());
    recordCli('user_passwd', login);
    console.log(`Пароль пользователя ${login} сменён; открытые сессии закрыты.`);
  }
  return 0;
}

await runCli(main);
