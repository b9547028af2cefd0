/**
 * The fictional district behind the demo data: its schools and the latent
 * ability of each school in each year. Every later feature needs a school to show
 * (risk clusters, an improving and a declining school, non-objective marks, tiny groups),
 * so the trajectories are chosen by hand, not drawn at random.
 */
export const REGION = 'Демонстрационная область';
export const MUNICIPALITY = 'Демонстрационный муниципальный район';
export const YEARS = [2022, 2023, 2024, 2025, 2026] as const;
const FIRST_YEAR = 2022;
const LAST_YEAR = 2026;

export type SchoolType = 'СОШ' | 'ООШ' | 'гимназия' | 'лицей' | 'ЦО';

export interface DemoSchool {
  login: string;
  fullName: string;
  shortName: string;
  aliases: string[];
  type: SchoolType;
  rural: boolean;
  /** pupils in one grade (parallel), roughly */
  cohort: number;
  /** latent ability in the first and the last year (z units); straight line between */
  ability: [number, number];
  /** ВПР marks inflated by this many z units (non-objective assessment) */
  vprInflation?: number;
  role: string;
}

export const SCHOOLS: readonly DemoSchool[] = [
  {
    login: 'sch470101',
    fullName: 'Муниципальное бюджетное общеобразовательное учреждение «Гимназия № 1»',
    shortName: 'Гимназия № 1',
    aliases: ['МБОУ «Гимназия №1»'],
    type: 'гимназия',
    rural: false,
    cohort: 96,
    ability: [0.95, 1.0],
    role: 'стабильно высокие результаты (ШЛ)',
  },
  {
    login: 'sch470102',
    fullName: 'Муниципальное бюджетное общеобразовательное учреждение «Лицей № 2»',
    shortName: 'Лицей № 2',
    aliases: ['МБОУ «Лицей №2»'],
    type: 'лицей',
    rural: false,
    cohort: 78,
    ability: [0.85, 0.9],
    role: 'стабильно высокие результаты (ШЛ)',
  },
  {
    login: 'sch470103',
    fullName:
      'Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 3»',
    shortName: 'СОШ № 3',
    aliases: ['МБОУ «СОШ №3»'],
    type: 'СОШ',
    rural: false,
    cohort: 104,
    ability: [0.1, 0.15],
    role: 'крупная городская школа, средние результаты',
  },
  {
    login: 'sch470104',
    fullName:
      'Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 4»',
    shortName: 'СОШ № 4',
    aliases: ['МБОУ «СОШ №4»'],
    type: 'СОШ',
    rural: false,
    cohort: 62,
    ability: [-0.55, 0.35],
    role: 'устойчивый рост результатов',
  },
  {
    login: 'sch470105',
    fullName:
      'Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 5»',
    shortName: 'СОШ № 5',
    aliases: ['МБОУ «СОШ №5»'],
    type: 'СОШ',
    rural: false,
    cohort: 70,
    ability: [0.35, -0.55],
    role: 'снижение результатов (ШФЗСОР)',
  },
  {
    login: 'sch470106',
    fullName:
      'Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 6 с углублённым изучением отдельных предметов»',
    shortName: 'СОШ № 6',
    aliases: ['МБОУ «СОШ №6 с УИОП»'],
    type: 'СОШ',
    rural: false,
    cohort: 58,
    ability: [0.5, 0.55],
    role: 'результаты выше среднего',
  },
  {
    login: 'sch470107',
    fullName: 'Муниципальное бюджетное общеобразовательное учреждение «Центр образования № 7»',
    shortName: 'ЦО № 7',
    aliases: ['МБОУ «ЦО №7»'],
    type: 'ЦО',
    rural: false,
    cohort: 45,
    ability: [0.0, 0.05],
    role: 'средние результаты',
  },
  {
    login: 'sch470108',
    fullName:
      'Муниципальное казённое общеобразовательное учреждение «Берёзовская средняя общеобразовательная школа»',
    shortName: 'Берёзовская СОШ',
    aliases: ['МКОУ «Березовская СОШ»'],
    type: 'СОШ',
    rural: true,
    cohort: 18,
    ability: [-0.75, -0.7],
    role: 'низкие результаты (ШНОР)',
  },
  {
    login: 'sch470109',
    fullName:
      'Муниципальное казённое общеобразовательное учреждение «Сосновская средняя общеобразовательная школа»',
    shortName: 'Сосновская СОШ',
    aliases: ['МКОУ «Сосновская СОШ»'],
    type: 'СОШ',
    rural: true,
    cohort: 22,
    ability: [-0.35, -0.3],
    vprInflation: 1.1,
    role: 'признаки необъективности ВПР',
  },
  {
    login: 'sch470110',
    fullName:
      'Муниципальное казённое общеобразовательное учреждение «Озёрная основная общеобразовательная школа»',
    shortName: 'Озёрная ООШ',
    aliases: ['МКОУ «Озерная ООШ»'],
    type: 'ООШ',
    rural: true,
    cohort: 7,
    ability: [-0.8, -0.85],
    role: 'малокомплектная школа с признаками учебной неуспешности (ШПУН)',
  },
  {
    login: 'sch470111',
    fullName:
      'Муниципальное казённое общеобразовательное учреждение «Заречная основная общеобразовательная школа»',
    shortName: 'Заречная ООШ',
    aliases: ['МКОУ «Заречная ООШ»'],
    type: 'ООШ',
    rural: true,
    cohort: 5,
    ability: [-0.1, -0.05],
    role: 'малокомплектная школа, 3–8 обучающихся в классе',
  },
  {
    login: 'sch470112',
    fullName:
      'Муниципальное казённое общеобразовательное учреждение «Луговская средняя общеобразовательная школа»',
    shortName: 'Луговская СОШ',
    aliases: ['МКОУ «Луговская СОШ»'],
    type: 'СОШ',
    rural: true,
    cohort: 15,
    ability: [-0.7, -0.75],
    role: 'признаки учебной неуспешности (ШПУН)',
  },
  {
    login: 'sch470113',
    fullName:
      'Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 13»',
    shortName: 'СОШ № 13',
    aliases: ['МБОУ «СОШ №13»'],
    type: 'СОШ',
    rural: false,
    cohort: 66,
    ability: [0.05, 0.0],
    role: 'средние результаты',
  },
  {
    login: 'sch470114',
    fullName:
      'Муниципальное казённое общеобразовательное учреждение «Никольская средняя общеобразовательная школа»',
    shortName: 'Никольская СОШ',
    aliases: ['МКОУ «Никольская СОШ»'],
    type: 'СОШ',
    rural: true,
    cohort: 20,
    ability: [-0.15, -0.1],
    role: 'сельская школа, средние результаты',
  },
  {
    login: 'sch470115',
    fullName:
      'Муниципальное казённое общеобразовательное учреждение «Полянская основная общеобразовательная школа»',
    shortName: 'Полянская ООШ',
    aliases: ['МКОУ «Полянская ООШ»'],
    type: 'ООШ',
    rural: true,
    cohort: 4,
    ability: [-0.3, -0.25],
    role: 'малокомплектная школа, 3–5 обучающихся в классе',
  },
  {
    login: 'sch470116',
    fullName:
      'Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 16»',
    shortName: 'СОШ № 16',
    aliases: ['МБОУ «СОШ №16»'],
    type: 'СОШ',
    rural: false,
    cohort: 88,
    ability: [0.25, 0.3],
    role: 'крупная школа, результаты выше среднего',
  },
  {
    login: 'sch470117',
    fullName:
      'Муниципальное казённое общеобразовательное учреждение «Красноборская средняя общеобразовательная школа»',
    shortName: 'Красноборская СОШ',
    aliases: ['МКОУ «Красноборская СОШ»'],
    type: 'СОШ',
    rural: true,
    cohort: 16,
    ability: [-0.4, -0.45],
    role: 'результаты ниже районных',
  },
  {
    login: 'sch470118',
    fullName:
      'Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 18»',
    shortName: 'СОШ № 18',
    aliases: ['МБОУ «СОШ №18»'],
    type: 'СОШ',
    rural: false,
    cohort: 54,
    ability: [-0.05, 0.0],
    role: 'средние результаты',
  },
];

/** Latent ability of a school in a year: a straight line from the first to the last year. */
export function abilityIn(school: DemoSchool, year: number): number {
  const [first, last] = school.ability;
  const t = (year - FIRST_YEAR) / (LAST_YEAR - FIRST_YEAR);
  return first + (last - first) * t;
}

/** "2024/25" for the school year that ends in 2025. */
export const schoolYearLabel = (year: number) => `${year - 1}/${String(year).slice(2)}`;
