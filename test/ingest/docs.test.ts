import { expect, it } from 'vitest';
import { currentReadme, readmeWithFormats } from '../../ingest/formats/describe.ts';
import { FORMATS } from '../../ingest/formats/index.ts';

it('the README documents every format exactly as the code defines it (npm run docs)', () => {
  const readme = currentReadme();
  expect(readme).toBe(readmeWithFormats(readme));
  for (const format of FORMATS) expect(readme).toContain(`### ${format.title}`);
});
