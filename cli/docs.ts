/** npm run docs: rewrites the generated sections (formats, exports, access) from the code. */
import { writeFileSync } from 'node:fs';
import { README, currentReadme, readmeWithSections } from '../ingest/formats/describe.ts';

writeFileSync(README, readmeWithSections(currentReadme()));
console.log('Разделы форматов, выгрузок и доступа в README.md обновлены.');
