/** What a file's import report means for the user: one status line and its tone. */
import type { ImportReport } from './api/types.ts';
import { countRu } from './format.ts';

export const ROWS: readonly [string, string, string] = ['строка', 'строки', 'строк'];
export const ERRORS: readonly [string, string, string] = ['ошибка', 'ошибки', 'ошибок'];
export const WARNINGS: readonly [string, string, string] = [
  'предупреждение',
  'предупреждения',
  'предупреждений',
];

export type Tone = 'ok' | 'warn' | 'bad' | 'muted';

export interface FileStatus {
  tone: Tone;
  text: string;
  /** the file can be loaded (now, or with replacement confirmed) */
  ready: boolean;
}

const errorCount = (r: ImportReport) =>
  r.problems.filter((p) => p.severity === 'error').length + r.moreProblems;

/** Only the «already loaded» conflict stands in the way: replacement would load the file. */
export const onlyConflict = (r: ImportReport) =>
  r.outcome === 'rejected' && (r.conflicts?.length ?? 0) > 0 && errorCount(r) === 1;

export function fileStatus(r: ImportReport): FileStatus {
  const rows = countRu(r.rows, ROWS);
  switch (r.outcome) {
    case 'checked':
      if (r.planned === 'unchanged')
        return {
          tone: 'muted',
          text: 'этот файл уже загружен — ничего не изменится',
          ready: false,
        };
      if (r.planned === 'replaced')
        return { tone: 'warn', text: `заменит ранее загруженные данные: ${rows}`, ready: true };
      return { tone: 'ok', text: `готов к загрузке: ${rows}`, ready: true };
    case 'loaded':
      return { tone: 'ok', text: `загружен: ${rows}`, ready: false };
    case 'replaced':
      return { tone: 'ok', text: `загружен с заменой прежних данных: ${rows}`, ready: false };
    case 'unchanged':
      return { tone: 'muted', text: 'без изменений: этот файл уже был загружен', ready: false };
    case 'rejected':
      if (onlyConflict(r))
        return {
          tone: 'warn',
          text: `эти данные уже загружены из ${r.conflicts!.map((f) => `«${f}»`).join(', ')}`,
          ready: false,
        };
      if (r.unrecognised) return { tone: 'bad', text: 'формат файла не распознан', ready: false };
      return {
        tone: 'bad',
        text: `${countRu(errorCount(r), ERRORS)} — файл не будет загружен`,
        ready: false,
      };
  }
}
