/**
 * The support-effect district written out by hand (test/analytics/models/support_effects.test.ts
 * has the numbers): four ШФЗСОР schools on the list of 2025/26, their ВПР of 2024/25 and 2025/26
 * (5th grade, only «3» and «4»: ШФЗСОР's key indicator is the share of «4» and «5»), the
 * region's list of 2026/27 and one network pair.
 */
import { join } from 'node:path';
import { writeCsv } from '../../data/generator/files.ts';
import { writeRegistryFile, writeVprCsv } from './fixtures.ts';

const school = (login: string, short: string, type: string) => [
  login,
  `Муниципальное общеобразовательное учреждение «${short}»`,
  short,
  '',
  type,
  'городская',
];
/** ВПР 5th grade: `n4` marks «4» of `n`, the rest «3». */
const vpr = (year: string, login: string, subject: string, n: number, n4: number) => [
  year,
  login,
  '',
  5,
  subject,
  n,
  0,
  n - n4,
  n4,
  0,
];
const both = (year: string, login: string, n: number, ru4: number, ma4: number) => [
  vpr(year, login, 'Русский язык', n, ru4),
  vpr(year, login, 'Математика', n, ma4),
];

export async function writeEffectFiles(dir: string): Promise<string[]> {
  const registry = await writeRegistryFile(dir, [
    school('sch000011', 'СОШ № 11', 'СОШ'),
    school('sch000012', 'СОШ № 12', 'СОШ'),
    school('sch000013', 'СОШ № 13', 'СОШ'),
    school('sch000014', 'Малая ООШ', 'ООШ'),
    school('sch000015', 'Гимназия № 15', 'гимназия'),
  ]);
  const marks = writeVprCsv(dir, [
    ...both('2024/25', 'sch000011', 100, 10, 10),
    ...both('2025/26', 'sch000011', 100, 30, 30),
    ...both('2024/25', 'sch000012', 100, 22, 22),
    ...both('2025/26', 'sch000012', 100, 20, 20),
    ...both('2024/25', 'sch000013', 100, 20, 20),
    ...both('2025/26', 'sch000013', 100, 10, 10),
    ...both('2024/25', 'sch000014', 5, 2, 1),
    ...both('2025/26', 'sch000014', 4, 1, 0),
    ...both('2024/25', 'sch000015', 100, 50, 50),
    ...both('2025/26', 'sch000015', 100, 50, 50),
  ]);
  const lists = join(dir, 'списки.csv');
  writeCsv(lists, [
    ['Учебный год', 'Наименование ОО', 'Кластер'],
    ['2025/26', 'СОШ № 11', 'ШФЗСОР'],
    ['2025/26', 'СОШ № 12', 'ШФЗСОР'],
    ['2025/26', 'СОШ № 13', 'ШФЗСОР'],
    ['2025/26', 'Малая ООШ', 'ШФЗСОР'],
    ['2026/27', 'СОШ № 12', 'ШФЗСОР'],
    ['2026/27', 'СОШ № 13', 'ШНОР'],
  ]);
  const pairs = join(dir, 'пары.csv');
  writeCsv(pairs, [
    ['Учебный год', 'ОО-наставник', 'Подшефная ОО', 'Форма взаимодействия'],
    ['2025/26', 'Гимназия № 15', 'СОШ № 11', 'ресурсное (донорское)'],
  ]);
  return [registry, marks, lists, pairs];
}
