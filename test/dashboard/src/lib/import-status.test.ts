import { describe, expect, it } from 'vitest';
import { progressView } from '../../../../dashboard/src/lib/import-status.ts';

const running = (
  file: string,
  fraction: number,
  elapsedMs: number,
  phase = 'Проверка и запись',
  cancellable = false,
) =>
  ({
    running: true,
    file,
    fraction,
    startedAt: '2026-05-01T10:00:00.000Z',
    elapsedMs,
    phase,
    cancellable,
  }) as const;

describe('the progress a file card shows', () => {
  it('is the upload until the server reports the file', () => {
    expect(progressView('a.csv', undefined)).toEqual({ state: 'waiting', text: 'Передача файла…' });
    expect(progressView('a.csv', { running: false })).toEqual({
      state: 'waiting',
      text: 'Передача файла…',
    });
  });

  it('says which file the server is busy with when it is another', () => {
    expect(progressView('a.csv', running('б.csv', 0.5, 1000))).toEqual({
      state: 'waiting',
      text: 'Ожидает: сервер загружает файл «б.csv»…',
    });
  });

  it('gives whole per cent, the time left from the pace, and the phase', () => {
    expect(progressView('a.csv', running('a.csv', 0.456, 10_000))).toEqual({
      state: 'running',
      percent: 45,
      text: 'Загрузка: 45 %',
      left: 'осталось ≈ 12 с',
      phase: 'Проверка и запись',
      cancellable: false,
    });
    expect(progressView('a.csv', running('a.csv', 0.25, 50_000))).toMatchObject({
      left: 'осталось ≈ 2 мин 30 с',
    });
  });

  it('tells no time left too early or once the file is written', () => {
    expect(progressView('a.csv', running('a.csv', 0.01, 500))).toMatchObject({
      state: 'running',
      left: undefined,
    });
    expect(progressView('a.csv', running('a.csv', 1, 9000, 'Пересчёт показателей'))).toEqual({
      state: 'running',
      percent: 100,
      text: 'Загрузка: 100 %',
      left: undefined,
      phase: 'Пересчёт показателей',
      cancellable: false,
    });
  });

  it('offers the cancel while the file is being checked', () => {
    expect(
      progressView('a.csv', running('a.csv', 0.3, 3000, 'Проверка и запись', true)),
    ).toMatchObject({ state: 'running', cancellable: true });
  });
});
