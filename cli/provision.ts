/**
 * npm run provision (and before every npm test): installs the Debian packages the tests need
 * when they are missing and we are root with apt-get; otherwise says what to run. Silent when
 * nothing is missing.
 */
import { spawnSync } from 'node:child_process';
import { aptSteps, missingNeeds, refusal } from './provision-plan.ts';

const isRoot = () => process.getuid?.() === 0;
const hasAptGet = () => spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;

function install(): number {
  const started = Date.now();
  const steps = aptSteps(missingNeeds());
  for (const step of steps) {
    console.log(step.label);
    const run = spawnSync('apt-get', step.args, {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (run.status !== 0) {
      console.error(`${run.stdout ?? ''}${run.stderr ?? ''}`.trim());
      console.error(
        `Не удалось: apt-get ${step.args.join(' ')} (код ${run.status ?? run.signal}).`,
      );
      return 1;
    }
  }
  const still = missingNeeds();
  if (still.length > 0) {
    console.error(`После установки всё ещё нет: ${still.map((need) => need.what).join('; ')}.`);
    return 1;
  }
  const seconds = Math.round((Date.now() - started) / 1000);
  console.log(`Готово: всё нужное для тестов установлено за ${seconds} с.`);
  return 0;
}

function main(): number {
  const missing = missingNeeds();
  if (missing.length === 0) return 0;
  if (!hasAptGet()) {
    console.error(refusal(missing, 'no-apt'));
    return 1;
  }
  if (!isRoot()) {
    console.error(refusal(missing, 'not-root'));
    return 1;
  }
  return install();
}

process.exitCode = main();
