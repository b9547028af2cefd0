/** Network pairs (наставник ↔ подшефная школа); the official lists are in write-lists.ts. */
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
  const file = join(dir, 'Сетевые пары.csv');
  writeCsv(file, pairs);
  return [file];
}
