/** npm run docs: rewrites the generated sections of docs/*.md (formats, exports, access) from the code. */
import { writeFileSync } from 'node:fs';
import { GENERATED_DOCS, currentDoc, docUrl, docWithSections } from '../ingest/formats/describe.ts';

for (const { path, sections } of GENERATED_DOCS)
  writeFileSync(docUrl(path), docWithSections(path, currentDoc(path), sections));
console.log(
  `Разделы форматов, выгрузок и доступа обновлены: ${GENERATED_DOCS.map((d) => d.path).join(', ')}.`,
);
