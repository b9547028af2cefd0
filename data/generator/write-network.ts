/** Network pairs (наставник ↔ подшефная школа) and the region's official cluster lists. */
import { join } from 'node:path';
import { SCHOOLS, YEARS, schoolYearLabel } from './district.ts';
import { writeCsv, type CellValue } from './files.ts';

const shortName = (login: string) => SCHOOLS.find((s) => s.login === login)?.shortName ?? login;

const PAIRS: [mentor: string, mentee: string, since: number][] = [
  ['sch470101', 'sch470108', 2023],
  ['sch470102', 'sch470112', 2023],
  ['sch470106', 'sch470110', 2024],
  ['sch470103', 'sch470109', 2025],
  ['sch470116', 'sch470105', 2025],
];

/** The region's lists, as its order published them; they differ from the computed flags on purpose. */
const OFFICIAL: Record<number, [cluster: string, logins: string[]][]> = {
  2025: [
    ['ШФЗСОР', ['sch470105', 'sch470117', 'sch470108', 'sch470112', 'sch470114']],
    ['ШПУН', ['sch470110', 'sch470112', 'sch470108']],
    ['ШЛ', ['sch470101', 'sch470102']],
  ],
  2026: [
    ['ШФЗСОР', ['sch470105', 'sch470117', 'sch470108', 'sch470112', 'sch470109']],
    ['ШПУН', ['sch470110', 'sch470112', 'sch470108']],
    ['ШЛ', ['sch470101', 'sch470102']],
  ],
};

export function writeNetwork(dir: string): string[] {
  const pairs: CellValue[][] = [
    ['Учебный год', 'ОО-наставник', 'Подшефная ОО', 'Форма взаимодействия'],
  ];
  for (const year of YEARS) {
    for (const [mentor, mentee, since] of PAIRS) {
      if (year >= since)
        pairs.push([
          schoolYearLabel(year),
          shortName(mentor),
          shortName(mentee),
          'сетевое наставничество',
        ]);
    }
  }
  const lists: CellValue[][] = [['Учебный год', 'Наименование ОО', 'Кластер']];
  for (const [year, clusters] of Object.entries(OFFICIAL)) {
    for (const [cluster, logins] of clusters) {
      for (const login of logins)
        lists.push([schoolYearLabel(Number(year)), shortName(login), cluster]);
    }
  }
  const files = [join(dir, 'Сетевые пары.csv'), join(dir, 'Региональные списки кластеров.csv')];
  writeCsv(files[0] as string, pairs);
  writeCsv(files[1] as string, lists);
  return files;
}
