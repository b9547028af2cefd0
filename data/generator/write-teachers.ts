/** Teacher competence diagnostics (ЦНППМ): per teacher × area, with names the importer must hash. */
import { join } from 'node:path';
import { abilityIn, SCHOOLS, YEARS, schoolYearLabel } from './district.ts';
import { writeCsv, type CellValue } from './files.ts';
import { rngFor } from './random.ts';
import { fakeFullName } from './write-gia.ts';

const AREAS: Record<string, number> = {
  Предметная: 0,
  Методическая: -6,
  'Психолого-педагогическая': 4,
  'Нормативно-правовая': -10,
};
const SUBJECTS = ['Русский язык', 'Математика', 'Начальные классы', 'История', 'Биология'];

function levelOf(score: number): string {
  if (score >= 85) return 'отсутствие затруднений';
  if (score >= 70) return 'низкий уровень затруднений';
  if (score >= 50) return 'средний уровень затруднений';
  if (score >= 30) return 'высокий уровень затруднений';
  return 'критический уровень затруднений';
}

/** Distinct fictitious names for a school's teachers (namesakes would merge two teachers). */
function uniqueNames(login: string, count: number): string[] {
  const names = new Set<string>();
  for (let attempt = 0; names.size < count; attempt++) {
    const name = fakeFullName(`${login}:${names.size}:${attempt}`);
    names.add(name);
  }
  return [...names];
}

export function writeTeachers(dir: string): string[] {
  const files: string[] = [];
  for (const year of YEARS.slice(-3)) {
    const rows: CellValue[][] = [
      [
        'Учебный год',
        'Логин ОО',
        'ФИО педагога',
        'Предмет',
        'Область компетенций',
        'Результат, %',
        'Уровень затруднений',
      ],
    ];
    for (const school of SCHOOLS) {
      const teachers = Math.min(28, 4 + Math.round(school.cohort * 0.25));
      const names = uniqueNames(school.login, teachers);
      for (let t = 0; t < teachers; t++) {
        const key = `${school.login}:${t}`;
        const rng = rngFor(`teacher:${key}:${year}`);
        const personal = 8 * rngFor(`teacher:${key}`).normal();
        for (const [area, offset] of Object.entries(AREAS)) {
          const score = Math.min(
            100,
            Math.max(
              5,
              Math.round(64 + 12 * abilityIn(school, year) + offset + personal + 9 * rng.normal()),
            ),
          );
          rows.push([
            schoolYearLabel(year),
            school.login,
            names[t] as string,
            SUBJECTS[t % SUBJECTS.length] as string,
            area,
            score,
            levelOf(score),
          ]);
        }
      }
    }
    const file = join(dir, `Диагностика педагогов ${schoolYearLabel(year).replace('/', '-')}.csv`);
    writeCsv(file, rows);
    files.push(file);
  }
  return files;
}
