/** npm run provision's plan, without apt: which checks fail → which apt-get commands, and the refusal. */
import { describe, expect, it } from 'vitest';
import {
  aptCommand,
  aptSteps,
  missingNeeds,
  refusal,
  NEEDS,
  type Need,
} from '../../cli/provision-plan.ts';

/** The real list, with the named packages reported missing and the rest present. */
const lacking = (...packages: string[]): Need[] =>
  missingNeeds(NEEDS.map((need) => ({ ...need, present: () => !packages.includes(need.package) })));

describe('provision plan', () => {
  it('asks for nothing, not even apt-get update, when everything is there', () => {
    expect(lacking()).toEqual([]);
    expect(aptSteps(lacking())).toEqual([]);
  });

  it('installs chromium with its recommends and the document tools without', () => {
    const steps = aptSteps(lacking('chromium', 'poppler-utils', 'libreoffice-writer-nogui'));
    expect(steps).toEqual([
      { label: 'Обновляю список пакетов (apt-get update)…', args: ['update', '-qq'] },
      {
        label: 'Устанавливаю для тестов: chromium (apt-get, это займёт несколько минут)',
        args: ['install', '-y', '-qq', 'chromium'],
      },
      {
        label:
          'Устанавливаю для тестов: poppler-utils, libreoffice-writer-nogui (apt-get, это займёт несколько минут)',
        args: [
          'install',
          '-y',
          '-qq',
          '--no-install-recommends',
          'poppler-utils',
          'libreoffice-writer-nogui',
        ],
      },
    ]);
  });

  it('leaves out the install it has no packages for', () => {
    expect(aptSteps(lacking('fonts-liberation')).map((step) => step.args)).toEqual([
      ['update', '-qq'],
      ['install', '-y', '-qq', '--no-install-recommends', 'fonts-liberation'],
    ]);
  });

  it('tells a user who is not root what is missing and the exact command', () => {
    expect(refusal(lacking('chromium', 'fonts-liberation'), 'not-root')).toBe(
      [
        'Для тестов не хватает пакетов Debian:',
        '  chromium — браузер Chromium (браузерные тесты, PDF-справки)',
        '  fonts-liberation — шрифты Liberation (шрифты справок)',
        'Установить их может только root. Выполните от root (например, через sudo):',
        '  apt-get update && apt-get install -y chromium && apt-get install -y --no-install-recommends fonts-liberation',
        'или запустите от root npm run provision.',
      ].join('\n'),
    );
    expect(aptCommand(lacking('poppler-utils'))).toBe(
      'apt-get update && apt-get install -y --no-install-recommends poppler-utils',
    );
  });
});
