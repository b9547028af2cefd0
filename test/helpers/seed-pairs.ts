/**
 * The seed's network pairs of 2023/24 (000_…, «Группы школ партнеров (7 пар)»): the schools of
 * the pairs as a registry, the pairs as the committee would type them into the template
 * (test/fixtures/network-pairs/), and the ШФЗСОР list of the year (5 of the 7 подшефные).
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCsv, type CellValue } from '../../data/generator/files.ts';
import { writeRegistryFile } from './fixtures.ts';

export const SEED_PAIRS_FILE = fileURLToPath(
  new URL('../fixtures/network-pairs/Сетевые пары 2023-24.csv', import.meta.url),
);

const school = (id: string, kind: string, words: string, short: string, type: string) => [
  id,
  `Муниципальное ${kind} общеобразовательное учреждение «${words}»`,
  short,
  '',
  type,
  'сельская',
];

export const SEED_REGISTRY: CellValue[][] = [
  school(
    'sch01',
    'казённое',
    'Приладожская средняя общеобразовательная школа',
    'Приладожская СОШ',
    'СОШ',
  ),
  school(
    'sch02',
    'казённое',
    'Путиловская основная общеобразовательная школа',
    'Путиловская ООШ',
    'ООШ',
  ),
  [
    ...school(
      'sch03',
      'бюджетное',
      'Шлиссельбургская средняя общеобразовательная школа № 1 с углубленным изучением отдельных предметов',
      'Шлиссельбургская СОШ № 1',
      'СОШ',
    ).slice(0, 3),
    'Шлиссельбургская СОШ № 1 с углубленным изучением отдельных предметов',
    'СОШ',
    'городская',
  ],
  school('sch04', 'казённое', 'Шумская средняя общеобразовательная школа', 'Шумская СОШ', 'СОШ'),
  school(
    'sch05',
    'казённое',
    'Назиевская средняя общеобразовательная школа',
    'Назиевская СОШ',
    'СОШ',
  ),
  school('sch06', 'бюджетное', 'Лицей г. Отрадное', 'Лицей г. Отрадное', 'лицей'),
  school(
    'sch07',
    'казённое',
    'Отраденская средняя общеобразовательная школа № 2',
    'Отраденская СОШ № 2',
    'СОШ',
  ),
  school(
    'sch08',
    'бюджетное',
    'Отраденская средняя общеобразовательная школа № 3',
    'Отраденская СОШ № 3',
    'СОШ',
  ),
  school('sch09', 'бюджетное', 'Мгинская средняя общеобразовательная школа', 'Мгинская СОШ', 'СОШ'),
  school(
    'sch10',
    'казённое',
    'Синявинская средняя общеобразовательная школа',
    'Синявинская СОШ',
    'СОШ',
  ),
  school(
    'sch11',
    'казённое',
    'Суховская основная общеобразовательная школа',
    'Суховская ООШ',
    'ООШ',
  ),
];

export const writeSeedRegistry = (dir: string) =>
  writeRegistryFile(dir, SEED_REGISTRY, 'реестр района.xlsx');

/** The region's ШФЗСОР list of 2023/24 (Приложение 2 of the seed 002_…) as the template. */
export function writeSeedClusterList(dir: string): string {
  const path = join(dir, 'ШФЗСОР 2023-24.csv');
  writeCsv(path, [
    ['Учебный год', 'Наименование ОО', 'Кластер'],
    ...[
      'Путиловская ООШ',
      'Отраденская СОШ № 3',
      'Шумская СОШ',
      'Назиевская СОШ',
      'Суховская ООШ',
    ].map((name) => ['2023/24', name, 'ШФЗСОР']),
  ]);
  return path;
}
