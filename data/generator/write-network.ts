/**
 * Network pairs (наставник ↔ подшефная школа) of the demo district over five school years, as the
 * committee keeps them: the form as the seeds write it (mostly ресурсное (донорское), some
 * паритетное) and the contract written out («Договор № 03/2023 от 04.10.2023 года…», signed in
 * October of the school year's first calendar year). The mentors are the leader schools and the
 * larger schools with good results; the подшефные are mostly schools of the working lists
 * (write-lists.ts). Some pairs begin, run and end: Гимназия № 1 took Красноборская СОШ for three
 * years, Лицей № 2 handed СОШ № 5 over to СОШ № 16 in 2024/25. The official lists are in write-lists.ts.
 */
import { join } from 'node:path';
import { SCHOOLS, YEARS, schoolYearLabel } from './district.ts';
import { writeCsv, type CellValue } from './files.ts';

const shortName = (login: string) => SCHOOLS.find((s) => s.login === login)?.shortName ?? login;

type Form = 'ресурсное' | 'паритетное';

/** The seeds' own words for each form. */
const FORM_TEXT: Record<Form, string> = {
  ресурсное:
    'Ресурсное (донорское) взаимодействие, где одна из школ, имеет наиболее сильные позиции в реализуемом направлении, предоставляет ресурсы, а остальные ими пользуются на безвозмездной основе.',
  паритетное:
    'Паритетное взаимодействие, обмен ресурсами и услугами многосторонний, взаимовыгодный.',
};

/** mentor, mentee, form, the first and the last school year (by the year it ends in) */
const PAIRS: [mentor: string, mentee: string, form: Form, from: number, to: number][] = [
  ['sch470101', 'sch470117', 'ресурсное', 2022, 2024],
  ['sch470102', 'sch470105', 'ресурсное', 2022, 2024],
  ['sch470102', 'sch470110', 'ресурсное', 2023, 2023],
  ['sch470101', 'sch470108', 'ресурсное', 2023, 2026],
  ['sch470102', 'sch470112', 'ресурсное', 2023, 2026],
  ['sch470106', 'sch470114', 'паритетное', 2023, 2024],
  ['sch470106', 'sch470110', 'ресурсное', 2024, 2026],
  ['sch470103', 'sch470109', 'паритетное', 2025, 2026],
  ['sch470116', 'sch470105', 'ресурсное', 2025, 2026],
];

/**
 * The contract of a pair in a school year: each mentor numbers its contracts of the year
 * («02/2023»), dated in the first half of October of the year the school year begins.
 */
function contract(index: number, number: number, year: number, form: Form): string {
  const day = String(1 + ((index * 3) % 14)).padStart(2, '0');
  const kind = form === 'паритетное' ? 'Соглашение' : 'Договор';
  const signed = year - 1;
  return `${kind} № ${String(number).padStart(2, '0')}/${signed} от ${day}.10.${signed} года о сетевом взаимодействии и сотрудничестве (рамочный)`;
}

export function writeNetwork(dir: string): string[] {
  const pairs: CellValue[][] = [
    [
      'Учебный год',
      'ОО-наставник',
      'Подшефная ОО',
      'Форма взаимодействия',
      'Договор (соглашение, приказ)',
    ],
  ];
  for (const year of YEARS) {
    const numbers = new Map<string, number>();
    PAIRS.forEach(([mentor, mentee, form, from, to], index) => {
      if (year < from || year > to) return;
      const number = (numbers.get(mentor) ?? 0) + 1;
      numbers.set(mentor, number);
      pairs.push([
        schoolYearLabel(year),
        shortName(mentor),
        shortName(mentee),
        FORM_TEXT[form],
        contract(index, number, year, form),
      ]);
    });
  }
  const file = join(dir, 'Сетевые пары.csv');
  writeCsv(file, pairs);
  return [file];
}
