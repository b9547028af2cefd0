/** What a file's import report means for the user: one status line and its tone. */
import type { CustomMapping, ImportReport, MappingProposal } from '../../../contract/api/types.ts';
import type { ImportProgress } from '../../../contract/api/import-types.ts';
import { countRu } from '../../../contract/format.ts';
import { timeLeft } from '../../../contract/imports/progress-bar.ts';

/** The requests of a file's card, given by the import view: the card's components know no API. */
export interface ImportRequests {
  /** the import the server is running now */
  progress: () => Promise<ImportProgress>;
  /** stops the file being read and checked now */
  cancel: () => Promise<unknown>;
  /** the columns and sample values of an unrecognised file */
  propose: (file: File) => Promise<MappingProposal>;
  saveMapping: (mapping: CustomMapping) => Promise<unknown>;
}

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

/** What a file's card shows while its import request is pending. */
export type ProgressView =
  /** the server is not importing this file yet: the upload is in flight, or another file first */
  | { state: 'waiting'; text: string }
  | {
      state: 'running';
      /** whole per cent done, 0–100 */
      percent: number;
      text: string;
      /** «осталось ≈ 12 с», once the pace tells */
      left: string | undefined;
      phase: string;
      /** the file is still being checked: it can be cancelled */
      cancellable: boolean;
    };

/** The card's view of `file` from the server's latest progress answer (none yet: the upload). */
export function progressView(file: string, progress: ImportProgress | undefined): ProgressView {
  if (!progress?.running) return { state: 'waiting', text: 'Передача файла…' };
  if (progress.file !== file)
    return { state: 'waiting', text: `Ожидает: сервер загружает файл «${progress.file}»…` };
  const fraction = Math.min(1, Math.max(0, progress.fraction));
  const percent = Math.floor(fraction * 100);
  const left = timeLeft(fraction, progress.elapsedMs);
  return {
    state: 'running',
    percent,
    text: `Загрузка: ${percent} %`,
    left: left && `осталось ${left}`,
    phase: progress.phase,
    cancellable: progress.cancellable,
  };
}
