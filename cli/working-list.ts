/**
 * npm run working-list -- add|remove --year 2025/26 --school <логин> --cluster <кластер>
 *   --reason "…" [--basis "…"]
 * The committee's decision on its working list, as the «Кластеры по годам» page takes it: a
 * school included in a cluster's list of a year, or excluded from it, with the reason. Works on
 * the store directly; while the server holds it, the server records the decision
 * (POST /api/working-list). Audited either way.
 */
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { StoreLockedError } from '../analytics/db.ts';
import { recordListDecision, type ListDecision } from '../analytics/list-decisions.ts';
import { recordCli } from '../dashboard/server/auth/cli-audit.ts';
import { serverUrl } from '../dashboard/server/config.ts';
import { schoolYear } from '../contract/format.ts';
import { parseSchoolYear } from '../ingest/values.ts';
import { runCli, withBuiltStore } from './run.ts';
import { serverHeaders } from './server-session.ts';

const USAGE = `Использование: npm run working-list -- add|remove --year 2025/26 --school логин --cluster кластер --reason "причина" [--basis "документ"]
  add — включить школу в рабочий список кластера на учебный год, remove — исключить из него.
  Причина обязательна; основание (протокол, распоряжение) — если есть.`;

type Decision = Omit<ListDecision, 'user'>;

/** The decision the arguments ask for, or the Russian message of what is wrong with them. */
function decisionOf(args: string[]): Decision | string {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      year: { type: 'string' },
      school: { type: 'string' },
      cluster: { type: 'string' },
      reason: { type: 'string' },
      basis: { type: 'string' },
    },
  });
  const action = positionals[0];
  if (action !== 'add' && action !== 'remove') return USAGE;
  const { school, cluster, reason = '', basis } = values;
  if (!values.year || !school || !cluster || !reason.trim()) return USAGE;
  const year = parseSchoolYear(values.year);
  if (year === undefined)
    return `Учебный год «${values.year}» не понят: ожидалось, например, 2025/26 или 2026.`;
  return { year, schoolId: school, cluster, action, reason: reason.trim(), basis: basis || null };
}

/** «добавлена в ШПУН 2025/26: sch470117 — причина» */
const describe = (d: Decision) =>
  `${d.action === 'add' ? 'добавлена в' : 'исключена из'} ${d.cluster} ${schoolYear(d.year)}: ` +
  `${d.schoolId} — ${d.reason}${d.basis ? ` (основание: ${d.basis})` : ''}`;

/** The running server records the decision; its refusal, if any. */
async function viaServer(d: Decision): Promise<string | undefined> {
  const response = await fetch(`${serverUrl()}/api/working-list`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await serverHeaders(serverUrl())) },
    body: JSON.stringify(d),
  });
  if (response.ok) return undefined;
  const body = (await response.json().catch(() => null)) as { error?: string } | null;
  return body?.error ?? `Сервер ответил ${response.status}.`;
}

async function decide(d: Decision): Promise<string | undefined> {
  try {
    const problem = await withBuiltStore((store) =>
      recordListDecision(store, { ...d, user: userInfo().username }),
    );
    recordCli(
      'list_decision',
      `${describe(d)}${problem ? ` — отказано: ${problem}` : ''}`,
      problem ? 'failed' : 'ok',
    );
    return problem;
  } catch (error) {
    if (!(error instanceof StoreLockedError)) throw error;
    console.log(`Хранилище занято работающим сервером — решение записывает сервер ${serverUrl()}`);
    return viaServer(d);
  }
}

async function main(): Promise<number> {
  const decision = decisionOf(process.argv.slice(2));
  if (typeof decision === 'string') {
    console.error(decision);
    return 1;
  }
  const problem = await decide(decision);
  if (problem) {
    console.error(problem);
    return 1;
  }
  console.log(`Решение записано: школа ${describe(decision)}.`);
  return 0;
}

await runCli(main);
