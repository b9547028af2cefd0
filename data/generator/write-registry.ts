/** The school registry as the canonical XLSX template. */
import { join } from 'node:path';
import { SCHOOLS } from './district.ts';
import { writeRegistryWorkbook } from './layouts.ts';

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
    ]),
  );
  return [file];
}
