/** Server and store settings from the environment, with the defaults of a single-user install. */
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export const storePath = () => process.env.DB_PATH ?? `${repoRoot}data/warehouse.duckdb`;
export const host = () => process.env.HOST ?? '127.0.0.1';
export const port = () => Number(process.env.PORT ?? 8080);
export const serverUrl = () => `http://${host() === '0.0.0.0' ? '127.0.0.1' : host()}:${port()}`;
/** the users of a networked install and the audit log: files beside the store */
export const usersPath = () => process.env.USERS_PATH ?? `${storePath()}.users.json`;
export const auditPath = () => process.env.AUDIT_PATH ?? `${storePath()}.audit.jsonl`;
/** the administrator's sign-in unlocks, from `npm run users -- unlock` to the running server */
export const unlocksPath = () => process.env.UNLOCKS_PATH ?? `${storePath()}.unlocks.jsonl`;
/** how long a sign-in lasts, in hours (a working day by default) */
export const sessionHours = () => Number(process.env.SESSION_HOURS ?? 8);
/** Secure cookies: set when the server is reached over HTTPS (through a reverse proxy) */
export const secureCookies = () => process.env.COOKIE_SECURE === 'true';
/** DuckDB's memory cap for the server and the commands (DB_MEMORY_LIMIT, e.g. 3GB): a national store stays within it. */
export const memoryLimit = () => process.env.DB_MEMORY_LIMIT ?? '3GB';
export const distDir = () => process.env.DIST_DIR ?? `${repoRoot}dist/dashboard`;
export { repoRoot };
