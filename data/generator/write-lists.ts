/**
 * The official cluster lists of the demo district, in the seeds' layout (XLSX, tables one under
 * another under their titles, «Итого»): every year the region's letter (КОиПО ЛО) and, from
 * 2022/23, the committee's распоряжение restating them (Приложение 2) with the leaders
 * (Приложение 3). They differ from the computed flags on purpose, and over the years schools
 * enter and leave: the two ШНОР of 2022/23 both left in 2023/24 (the seeds' «100 % школ вышли»).
 */
import { join } from 'node:path';
import { SCHOOLS, schoolYearLabel } from './district.ts';
import { writeListWorkbook, type ListTable } from './list-workbook.ts';

type Lists = Partial<Record<Cluster, string[]>>;
type Cluster = 'ШНОР' | 'ШФЗСОР' | 'ШПУН' | 'ШЛ';

/** The region's lists by the school year's end (2022 = 2021/22). */
const REGION: Record<number, Lists> = {
  2022: {
    ШНОР: ['sch470110', 'sch470112', 'sch470117'],
    ШФЗСОР: ['sch470105', 'sch470108', 'sch470114'],
    ШЛ: ['sch470101', 'sch470102'],
  },
  2023: {
    ШНОР: ['sch470110', 'sch470112'],
    ШФЗСОР: ['sch470105', 'sch470108', 'sch470114', 'sch470117'],
    ШЛ: ['sch470101', 'sch470102', 'sch470106'],
  },
  2024: {
    ШФЗСОР: ['sch470105', 'sch470108', 'sch470117', 'sch470112'],
    ШПУН: ['sch470110', 'sch470112'],
    ШЛ: ['sch470101', 'sch470102'],
  },
  2025: {
    ШФЗСОР: ['sch470105', 'sch470117', 'sch470108', 'sch470112', 'sch470114'],
    ШПУН: ['sch470110', 'sch470112', 'sch470108'],
    ШЛ: ['sch470101', 'sch470102'],
  },
  2026: {
    ШФЗСОР: ['sch470105', 'sch470117', 'sch470108', 'sch470112', 'sch470109'],
    ШПУН: ['sch470110', 'sch470112', 'sch470108'],
    ШЛ: ['sch470101', 'sch470102'],
  },
};

/** The region's letter of each year: its date and number. */
const LETTERS: Record<number, [date: string, number: string]> = {
  2022: ['06.08.2021', '19-18255/2021'],
  2023: ['12.08.2022', '19-24894/2022'],
  2024: ['10.10.2023', '19-39080/2023'],
  2025: ['09.10.2024', '19-41211/2024'],
  2026: ['08.10.2025', '19-40102/2025'],
};

/** The committee's распоряжение of each year, and the schools it adds to the region's lists. */
const ORDERS: Record<number, { date: string; number: string; adds?: Lists }> = {
  2023: { date: '15.09.2022', number: '305' },
  2024: { date: '19.10.2023', number: '356', adds: { ШФЗСОР: ['sch470109'] } },
  2025: { date: '14.10.2024', number: '341' },
  2026: { date: '13.10.2025', number: '338' },
};

/** How each year's letter names the clusters: the region changed its abbreviations over time. */
const LABELS: Record<number, Partial<Record<Cluster, string>>> = {
  2022: { ШФЗСОР: 'ШФЗР' },
  2023: { ШФЗСОР: 'ШФСОР' },
};

const WORDS: Record<Cluster, string> = {
  ШНОР: 'с низкими образовательными результатами',
  ШФЗСОР: 'функционирующих в зоне риска снижения образовательных результатов обучающихся',
  ШПУН: 'имеющих признаки учебной неуспешности',
  ШЛ: 'со стабильно высокими образовательными результатами обучающихся',
};

/** The district in the genitive, as the documents write it. */
const OF_DISTRICT = 'Демонстрационного муниципального района';

const school = (login: string) => SCHOOLS.find((s) => s.login === login)!;
/** «2023-2024 учебный год», as the documents write it. */
const spelled = (year: number) => `${year - 1}-${year} учебный год`;
const listTitle = (cluster: Cluster, year: number) =>
  `Список общеобразовательных организаций ${OF_DISTRICT}, ${WORDS[cluster]}, на ${spelled(year)}`;

function regionTables(year: number): ListTable[] {
  const [date, number] = LETTERS[year]!;
  return Object.entries(REGION[year]!).map(([cluster, logins], index) => ({
    title: [
      ...(index === 0
        ? [
            'Приложение',
            'к письму комитета общего и профессионального образования Ленинградской области',
            `от ${date} № ${number}`,
          ]
        : []),
      listTitle(cluster as Cluster, year),
    ],
    rows: logins.map((login) => [
      school(login).aliases[0]!,
      LABELS[year]?.[cluster as Cluster] ?? cluster,
    ]),
    total: true,
  }));
}

/** Приложение 2 (the region's lists, with the committee's additions) and Приложение 3 (ШЛ). */
function committeeTables(year: number): ListTable[] {
  const order = ORDERS[year]!;
  const appendix = (n: number) => [
    `Приложение ${n}`,
    'к распоряжению комитета образования',
    `администрации ${OF_DISTRICT}`,
    `от ${order.date} года № ${order.number}`,
  ];
  const clusters = (Object.keys(REGION[year]!) as Cluster[]).filter((c) => c !== 'ШЛ');
  const lists = clusters.map((cluster, index) => ({
    title: [...(index === 0 ? appendix(2) : []), listTitle(cluster, year)],
    rows: [...REGION[year]![cluster]!, ...(order.adds?.[cluster] ?? [])].map(
      (login): [string, string] => [school(login).aliases[0]!, cluster],
    ),
    total: true,
  }));
  const leaders = {
    title: [...appendix(3), listTitle('ШЛ', year)],
    rows: REGION[year]!.ШЛ!.map((login): [string, string] => [school(login).fullName, 'ШЛ']),
    total: false,
  };
  return [...lists, leaders];
}

const fileYear = (year: number) => schoolYearLabel(year).replace('/', '-');

export async function writeLists(dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const year of Object.keys(REGION).map(Number)) {
    const path = join(dir, `Списки региона ${fileYear(year)}.xlsx`);
    await writeListWorkbook(path, regionTables(year), 'Списки');
    files.push(path);
  }
  for (const year of Object.keys(ORDERS).map(Number)) {
    const path = join(dir, `Списки комитета ${fileYear(year)} (распоряжение).xlsx`);
    await writeListWorkbook(path, committeeTables(year), 'Приложения 2 и 3');
    files.push(path);
  }
  return files;
}
