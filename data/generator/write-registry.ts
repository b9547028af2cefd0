/** The school registry as the canonical XLSX template, with the 2025/26 enrolment by grade. */
import { join } from 'node:path';
import { SCHOOLS, schoolYearLabel, type DemoSchool } from './district.ts';
import { writeRegistryWorkbook } from './layouts.ts';
import { rngFor } from './random.ts';

const ENROLMENT_YEAR = 2026;

/** Pupils per grade: a basic school ends at grade 9; fewer stay on for grades 10–11. */
function enrolment(school: DemoSchool): (number | null)[] {
  return Array.from({ length: 11 }, (_, i) => {
    const grade = i + 1;
    if (grade >= 10 && school.type === 'ООШ') return null;
    const stay = grade < 10 ? 1 : school.type === 'гимназия' || school.type === 'лицей' ? 0.8 : 0.5;
    const noise = 0.95 + 0.15 * rngFor(`enrolment:${school.login}:${grade}`).next();
    return Math.max(2, Math.round(school.cohort * stay * noise));
  });
}

export async function writeRegistry(dir: string): Promise<string[]> {
  const file = join(dir, 'Реестр ОО.xlsx');
  await writeRegistryWorkbook(
    file,
    SCHOOLS.map((s) => [
      s.login,
      s.fullName,
      s.shortName,
      s.aliases.join('; '),
      s.type,
      s.rural ? 'сельская' : 'городская',
      schoolYearLabel(ENROLMENT_YEAR),
      ...enrolment(s),
    ]),
  );
  return [file];
}
