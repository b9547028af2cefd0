/**
 * ГИА: ОГЭ as per-pupil lists (with a ФИО column the importer must drop) and ЕГЭ as
 * per-school aggregates, both canonical CSV templates. ГИА reflects true ability, so the
 * school with inflated ВПР marks is not confirmed here.
 */
import { join } from 'node:path';
import { abilityIn, SCHOOLS, YEARS, schoolYearLabel, type DemoSchool } from './district.ts';
import { writeCsv, type CellValue } from './files.ts';
import { rngFor } from './random.ts';
import { normalCdf } from './simulate.ts';

/** ОГЭ scales: max primary score and the lowest score for «3», «4», «5». */
const OGE: Record<string, { max: number; cuts: [number, number, number] }> = {
  'Русский язык': { max: 33, cuts: [15, 23, 29] },
  Математика: { max: 31, cuts: [8, 15, 22] },
  Обществознание: { max: 37, cuts: [14, 24, 32] },
  Информатика: { max: 19, cuts: [5, 11, 16] },
};

const EGE: Record<string, { minimum: number; shift: number }> = {
  'Русский язык': { minimum: 24, shift: 8 },
  'Математика профильная': { minimum: 27, shift: -6 },
  Обществознание: { minimum: 42, shift: -4 },
  Физика: { minimum: 36, shift: -3 },
  Биология: { minimum: 36, shift: -5 },
};

const SURNAMES = [
  'Иванов',
  'Смирнов',
  'Кузнецов',
  'Попов',
  'Васильев',
  'Петров',
  'Соколов',
  'Михайлов',
  'Новиков',
  'Фёдоров',
  'Морозов',
  'Волков',
];
const NAMES = [
  'Александр',
  'Мария',
  'Дмитрий',
  'Анна',
  'Максим',
  'Софья',
  'Иван',
  'Дарья',
  'Артём',
  'Полина',
  'Михаил',
  'Виктория',
];
const PATRONYMICS = [
  'Александрович',
  'Сергеевна',
  'Дмитриевич',
  'Андреевна',
  'Игоревич',
  'Олеговна',
];

/** A fictitious full name: the demo must show that ФИО columns are dropped at import. */
export function fakeFullName(key: string): string {
  const rng = rngFor(`fio:${key}`);
  return `${rng.pick(SURNAMES)} ${rng.pick(NAMES)} ${rng.pick(PATRONYMICS)}`;
}

const cohortOf = (school: DemoSchool, year: number, grade: number) =>
  Math.max(
    2,
    Math.round(
      school.cohort * (0.85 + 0.3 * rngFor(`cohort:${school.login}:${year}:${grade}`).next()),
    ),
  );

const OGE_HEADER: CellValue[] = [
  'Учебный год',
  'Логин ОО',
  'Наименование ОО',
  'Код участника',
  'ФИО участника',
  'Предмет',
  'Первичный балл',
  'Отметка',
];
const EGE_HEADER: CellValue[] = [
  'Учебный год',
  'Логин ОО',
  'Наименование ОО',
  'Предмет',
  'Кол-во участников',
  'Средний тестовый балл',
  'Не преодолели минимальный порог',
  'Набрали 81–99 баллов',
  'Набрали 100 баллов',
];

/** The ОГЭ mark of a primary score on a scale with the lowest scores for «3», «4», «5». */
const ogeMark = (score: number, cuts: [number, number, number]) =>
  score >= cuts[2] ? 5 : score >= cuts[1] ? 4 : score >= cuts[0] ? 3 : 2;

/** One row per ОГЭ participant of a school in a year, each with a code and a made-up ФИО. */
function addOge(oge: CellValue[][], school: DemoSchool, year: number, ability: number): void {
  const label = schoolYearLabel(year);
  const nine = cohortOf(school, year, 9);
  for (const [subject, scale] of Object.entries(OGE)) {
    const rng = rngFor(`oge:${school.login}:${year}:${subject}`);
    const takers =
      subject === 'Русский язык' || subject === 'Математика'
        ? nine
        : Math.round(nine * (subject === 'Обществознание' ? 0.55 : 0.3));
    for (let i = 0; i < takers; i++) {
      const z = ability + rng.normal();
      const score = Math.min(
        scale.max,
        Math.max(0, Math.round(scale.max * normalCdf(0.8 * z + 0.45) + 1.5 * rng.normal())),
      );
      const code = `${year}${school.login.slice(-3)}${String(oge.length).padStart(4, '0')}`;
      oge.push([
        label,
        school.login,
        school.shortName,
        code,
        fakeFullName(code),
        subject,
        score,
        ogeMark(score, scale.cuts),
      ]);
    }
  }
}

/** One row per ЕГЭ subject of a school in a year: takers, mean score and the score bands. */
function addEge(ege: CellValue[][], school: DemoSchool, year: number, ability: number): void {
  const label = schoolYearLabel(year);
  const eleven = Math.max(
    3,
    Math.round(
      cohortOf(school, year, 11) * (school.type === 'СОШ' || school.type === 'ЦО' ? 0.45 : 0.8),
    ),
  );
  for (const [subject, exam] of Object.entries(EGE)) {
    const rng = rngFor(`ege:${school.login}:${year}:${subject}`);
    const takers =
      subject === 'Русский язык'
        ? eleven
        : Math.max(1, Math.round(eleven * (subject === 'Математика профильная' ? 0.5 : 0.25)));
    const scores = Array.from({ length: takers }, () =>
      Math.min(100, Math.max(5, Math.round(60 + exam.shift + 15 * (ability + rng.normal())))),
    );
    const mean = scores.reduce((a, b) => a + b, 0) / takers;
    ege.push([
      label,
      school.login,
      school.shortName,
      subject,
      takers,
      Math.round(mean * 10) / 10,
      scores.filter((s) => s < exam.minimum).length,
      scores.filter((s) => s >= 81 && s < 100).length,
      scores.filter((s) => s === 100).length,
    ]);
  }
}

export function writeGia(dir: string): string[] {
  const files: string[] = [];
  for (const year of YEARS) {
    const label = schoolYearLabel(year);
    const oge: CellValue[][] = [[...OGE_HEADER]];
    const ege: CellValue[][] = [[...EGE_HEADER]];
    for (const school of SCHOOLS) {
      const ability = abilityIn(school, year);
      addOge(oge, school, year, ability);
      if (school.type === 'ООШ') continue;
      addEge(ege, school, year, ability);
    }
    const stamp = label.replace('/', '-');
    files.push(
      join(dir, `ОГЭ ${stamp} результаты участников.csv`),
      join(dir, `ЕГЭ ${stamp} по ОО.csv`),
    );
    writeCsv(files[files.length - 2] as string, oge);
    writeCsv(files[files.length - 1] as string, ege);
  }
  return files;
}
