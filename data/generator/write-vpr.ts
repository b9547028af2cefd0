/**
 * ВПР results: the first two years as the canonical CSV template (one file a year,
 * counts of marks), later years as ФИС ОКО «Статистика по отметкам» exports for Russian
 * and mathematics (one XLSX per subject × grade, percentages with region and RF rows)
 * plus the canonical CSV for the other subjects.
 */
import { join } from 'node:path';
import { MUNICIPALITY, REGION, SCHOOLS, YEARS, schoolYearLabel } from './district.ts';
import { writeCsv, type CellValue } from './files.ts';
import { writeMarksExportWorkbook } from './layouts.ts';
import { populationMarkShares, sumCounts, vprMarks, type MarkCounts } from './simulate.ts';
import { SUBJECTS } from '../../ingest/reference/subjects.ts';
import { vprScale, type VprTaskSubject } from './vpr-tasks.ts';

/** Subjects written in each grade in the demo district. */
export const VPR_PLAN: Record<number, string[]> = {
  4: ['RU', 'MA', 'OM'],
  5: ['RU', 'MA', 'HI', 'BI'],
  6: ['RU', 'MA', 'GE', 'SO'],
  7: ['RU', 'MA', 'PH', 'EN'],
  8: ['RU', 'MA', 'CH', 'SO'],
};
/** Header row of the canonical ВПР marks template. */
export const VPR_TEMPLATE_HEADER = [
  'Учебный год',
  'Логин ОО',
  'Наименование ОО',
  'Класс',
  'Предмет',
  'Кол-во участников',
  'Кол-во «2»',
  'Кол-во «3»',
  'Кол-во «4»',
  'Кол-во «5»',
];

const FIRST_EXPORT_YEAR = 2024;

const subjectName = (code: string) => SUBJECTS.find((s) => s.code === code)?.name ?? code;

export async function writeVpr(dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const year of YEARS) {
    const canonical: CellValue[][] = [];
    for (const [gradeText, subjects] of Object.entries(VPR_PLAN)) {
      const grade = Number(gradeText);
      for (const subject of subjects) {
        const fromExport = year >= FIRST_EXPORT_YEAR && (subject === 'RU' || subject === 'MA');
        if (fromExport) {
          files.push(await writeMarksExport(dir, year, grade, subject));
          continue;
        }
        for (const school of SCHOOLS) {
          const c = vprMarks(school, year, grade, subject);
          canonical.push([
            schoolYearLabel(year),
            school.login,
            school.shortName,
            grade,
            subjectName(subject),
            c.participants,
            c.n2,
            c.n3,
            c.n4,
            c.n5,
          ]);
        }
      }
    }
    const file = join(dir, `ВПР ${schoolYearLabel(year).replace('/', '-')} отметки.csv`);
    // The oldest file comes from an old spreadsheet saved in windows-1251.
    writeCsv(file, [VPR_TEMPLATE_HEADER, ...canonical], year === YEARS[0] ? 'win1251' : 'utf8');
    files.push(file);
  }
  return files;
}

const pct = (count: number, total: number) => Math.round((count / total) * 10000) / 100;
const sharesOf = (c: MarkCounts) => [c.n2, c.n3, c.n4, c.n5].map((n) => pct(n, c.participants));

async function writeMarksExport(
  dir: string,
  year: number,
  grade: number,
  subject: string,
): Promise<string> {
  const schoolRows = SCHOOLS.map((school) => ({
    school,
    counts: vprMarks(school, year, grade, subject),
  }));
  const municipal = sumCounts(schoolRows.map((r) => r.counts));
  const round2 = (p: number) => Math.round(p * 100) / 100;
  const regionShares = populationMarkShares(0.02 * (year - 2024)).map(round2);
  const countryShares = populationMarkShares(0.08).map(round2);
  const name = subjectName(subject);
  const file = join(dir, `ФИС ОКО ВПР ${year} ${name} ${grade} класс.xlsx`);
  await writeMarksExportWorkbook(file, {
    year,
    grade,
    subject: name,
    date: `${15 + grade}.04.${year}`,
    maxScore: vprScale(subject as VprTaskSubject, grade).maxScore,
    groups: [
      ['Вся выборка', 38412 + grade * 37, 1_286_540 - grade * 11_000 + year, ...countryShares],
      [REGION, 436, 15_120 - grade * 140 + (year % 7) * 23, ...regionShares],
      [MUNICIPALITY, schoolRows.length, municipal.participants, ...sharesOf(municipal)],
      ...schoolRows.map(({ school, counts }) => [
        `(${school.login}) ${school.fullName}`,
        1,
        counts.participants,
        ...sharesOf(counts),
      ]),
    ],
  });
  return file;
}
