import { expect, it } from 'vitest';
import { GENERATED_DOCS, currentDoc, docWithSections } from '../../../ingest/formats/describe.ts';
import { FORMATS } from '../../../ingest/formats/index.ts';

it.each(GENERATED_DOCS)(
  '$path holds its generated sections exactly as the code defines them (npm run docs)',
  ({ path, sections }) => {
    const doc = currentDoc(path);
    expect(doc).toBe(docWithSections(path, doc, sections));
  },
);

it('docs/formats.md documents every format the code reads', () => {
  const doc = currentDoc('docs/formats.md');
  for (const format of FORMATS) expect(doc).toContain(`### ${format.title}`);
});
