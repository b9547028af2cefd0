import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { expect, it } from 'vitest';
import { generateDemo } from '../../data/generate-demo.ts';

const digest = (files: string[]) => {
  const hash = createHash('sha256');
  for (const file of [...files].sort()) hash.update(basename(file)).update(readFileSync(file));
  return hash.digest('hex');
};

it('the demo generator writes the same bytes on every run', async () => {
  const a = mkdtempSync(join(tmpdir(), 'demo-a-'));
  const b = mkdtempSync(join(tmpdir(), 'demo-b-'));
  try {
    const first = await generateDemo(a);
    const second = await generateDemo(b);
    expect(first.length).toBeGreaterThan(100);
    expect(digest(first)).toBe(digest(second));
  } finally {
    rmSync(a, { recursive: true, force: true });
    rmSync(b, { recursive: true, force: true });
  }
});
