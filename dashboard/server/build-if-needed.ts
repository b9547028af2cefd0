/**
 * Builds the dashboard with Vite when dist/ has no build, or when a source file is newer
 * than the build (after a `git pull`), so `npm start` always serves the current interface.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './config.ts';

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(
    stat.mtimeMs,
    ...readdirSync(path).map((entry) => newestChange(join(path, entry))),
  );
}

export function dashboardBuildIsCurrent(distDir: string): boolean {
  const index = join(distDir, 'index.html');
  if (!existsSync(index)) return false;
  const sources = [
    join(repoRoot, 'dashboard', 'src'),
    join(repoRoot, 'dashboard', 'index.html'),
    join(repoRoot, 'vite.config.ts'),
  ];
  return statSync(index).mtimeMs >= Math.max(...sources.map(newestChange));
}

export async function buildDashboardIfNeeded(
  distDir: string,
  log: (line: string) => void = console.log,
): Promise<void> {
  if (dashboardBuildIsCurrent(distDir)) return;
  log('Собираю интерфейс панели…');
  const { build } = await import('vite');
  await build({
    configFile: join(repoRoot, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: distDir },
  });
}
