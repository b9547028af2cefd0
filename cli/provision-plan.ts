/**
 * What the tests need from Debian, and how `npm run provision` gets it: which checks fail, which
 * apt-get commands install the missing packages, and what to say when it may not install them.
 * The package choices are the ones CI has always made: chromium with its recommended packages
 * (its fonts), the document tools without extras.
 */
import { existsSync } from 'node:fs';
import { chromiumPath } from '../briefing/chromium.ts';

export interface Need {
  /** What it is for, in Russian, for the refusal message. */
  what: string;
  present: () => boolean;
  package: string;
  recommends: boolean;
}

export const NEEDS: Need[] = [
  {
    what: 'браузер Chromium (браузерные тесты, PDF-справки)',
    present: () => existsSync(chromiumPath()),
    package: 'chromium',
    recommends: true,
  },
  {
    what: 'шрифты Liberation (шрифты справок)',
    present: () => existsSync('/usr/share/fonts/truetype/liberation'),
    package: 'fonts-liberation',
    recommends: false,
  },
  {
    what: 'pdftotext (тесты читают PDF-справки)',
    present: () => existsSync('/usr/bin/pdftotext'),
    package: 'poppler-utils',
    recommends: false,
  },
  {
    what: 'LibreOffice Writer (тесты рисуют DOCX-справки)',
    // Writer's own library: /usr/bin/libreoffice comes with libreoffice-common alone
    present: () => existsSync('/usr/lib/libreoffice/program/libswlo.so'),
    package: 'libreoffice-writer-nogui',
    recommends: false,
  },
];

export const missingNeeds = (needs: Need[] = NEEDS): Need[] =>
  needs.filter((need) => !need.present());

export interface AptStep {
  /** The Russian progress line printed before the command. */
  label: string;
  args: string[];
}

/** apt-get update, then one install with recommends and one without, each only if it has packages. */
export function aptSteps(missing: Need[]): AptStep[] {
  const packages = (recommends: boolean) =>
    missing.filter((need) => need.recommends === recommends).map((need) => need.package);
  const installs = [true, false]
    .map((recommends) => ({ recommends, names: packages(recommends) }))
    .filter(({ names }) => names.length > 0)
    .map(({ recommends, names }) => ({
      label: `Устанавливаю для тестов: ${names.join(', ')} (apt-get, это займёт несколько минут)`,
      args: ['install', '-y', '-qq', ...(recommends ? [] : ['--no-install-recommends']), ...names],
    }));
  if (installs.length === 0) return [];
  return [
    { label: 'Обновляю список пакетов (apt-get update)…', args: ['update', '-qq'] },
    ...installs,
  ];
}

/** The shell command a root user would type to do the same. */
export const aptCommand = (missing: Need[]): string =>
  aptSteps(missing)
    .map((step) => ['apt-get', ...step.args.filter((arg) => arg !== '-qq')].join(' '))
    .join(' && ');

/** Why provision will not install, the missing packages, and the exact command to run instead. */
export function refusal(missing: Need[], reason: 'not-root' | 'no-apt'): string {
  const list = missing.map((need) => `  ${need.package} — ${need.what}`).join('\n');
  const how =
    reason === 'not-root'
      ? `Установить их может только root. Выполните от root (например, через sudo):\n  ${aptCommand(missing)}\nили запустите от root npm run provision.`
      : `apt-get не найден: это не Debian. Установите эти программы средствами своей системы (Chromium можно указать переменной CHROMIUM_PATH).`;
  return `Для тестов не хватает пакетов Debian:\n${list}\n${how}`;
}
