/** Builds the dashboard with Vite when dist/ has no build yet (first `npm start` on a fresh clone). */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './config.ts';

export async function buildDashboardIfNeeded(
  distDir: string,
  log: (line: string) => void = console.log,
): Promise<void> {
  if (existsSync(join(distDir, 'index.html'))) return;
  log('Собираю интерфейс панели (однократно)…');
  const { build } = await import('vite');
  await build({
    configFile: join(repoRoot, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: distDir },
  });
}
