import { expect, it } from 'vitest';
import { currentReadme, readmeWithSections } from '../../ingest/formats/describe.ts';
import { FORMATS } from '../../ingest/formats/index.ts';

it('the README documents every format and export exactly as the code defines them (npm run docs)', () => {
  const readme = currentReadme();
  expect(readme).toBe(readmeWithSections(readme));
  for (const format of FORMATS) expect(readme).toContain(`### ${format.title}`);
});
