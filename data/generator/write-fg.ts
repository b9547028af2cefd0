/**
 * Functional literacy (ФГ): per school × direction × grade counts of pupils at each of the
 * five levels, canonical CSV. Direction offsets make the district meet the targets
 * (low ≤ 15 %, high ≥ 10 %) in some directions and miss them in others.
 */
import { join } from 'node:path';
import { abilityIn, SCHOOLS, YEARS, schoolYearLabel } from './district.ts';
import { writeCsv, type CellValue } from './files.ts';
import { rngFor } from './random.ts';

export const FG_DIRECTIONS: Record<string, number> = {
  'Читательская грамотность': 0.35,
  'Математическая грамотность': -0.15,
  'Естественнонаучная грамотность': 0.05,
  'Финансовая грамотность': 0.25,
  'Глобальные компетенции': -0.25,
  'Креативное мышление': 0.45,
};
const LEVEL_CUTS = [-1.6, -0.9, 0.3, 1.75];
const GRADES = [6, 9];

export function writeFg(dir: string): string[] {
  const files: string[] = [];
  for (const year of YEARS) {
    const rows: CellValue[][] = [
      [
        'Учебный год',
        'Логин ОО',
        'Наименование ОО',
        'Направление',
        'Класс',
        'Кол-во участников',
        'Недостаточный',
        'Низкий',
        'Средний',
        'Повышенный',
        'Высокий',
      ],
    ];
    for (const school of SCHOOLS) {
      for (const [direction, offset] of Object.entries(FG_DIRECTIONS)) {
        for (const grade of GRADES) {
          const rng = rngFor(`fg:${school.login}:${year}:${direction}:${grade}`);
          const n = Math.max(2, Math.round(school.cohort * (0.6 + 0.3 * rng.next())));
          // The district improves slowly in ФГ, as the targets intend.
          const mean =
            abilityIn(school, year) + offset + 0.04 * (year - YEARS[0]) + 0.1 * rng.normal();
          const levels = [0, 0, 0, 0, 0];
          for (let i = 0; i < n; i++) {
            const z = mean + rng.normal();
            const level = LEVEL_CUTS.findIndex((cut) => z < cut);
            levels[level === -1 ? 4 : level]!++;
          }
          rows.push([
            schoolYearLabel(year),
            school.login,
            school.shortName,
            direction,
            grade,
            n,
            ...levels,
          ]);
        }
      }
    }
    const file = join(dir, `ФГ ${schoolYearLabel(year).replace('/', '-')} уровни по ОО.csv`);
    writeCsv(file, rows);
    files.push(file);
  }
  return files;
}
