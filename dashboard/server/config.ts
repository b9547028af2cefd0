/** Server and store settings from the environment, with the defaults of a single-user install. */
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export const storePath = () => process.env.DB_PATH ?? `${repoRoot}data/warehouse.duckdb`;
export const host = () => process.env.HOST ?? '127.0.0.1';
export const port = () => Number(process.env.PORT ?? 8080);
export const serverUrl = () => `http://${host() === '0.0.0.0' ? '127.0.0.1' : host()}:${port()}`;
export const distDir = () => process.env.DIST_DIR ?? `${repoRoot}dist/dashboard`;
export { repoRoot };
