/**
 * Keeps the house honest (ARCHITECTURE.md): every import of the project's own files runs to the
 * same layer or down, the SPA imports only the contract, and no files import each other in a
 * circle. A failure names the file, the line and the rule.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { circles, importsOf, sourceFiles, type ImportLine } from '../helpers/imports.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Bottom to top: a layer may import itself and the layers before it. */
const LAYERS = [
  'contract/',
  'analytics/',
  'ingest/',
  'data/',
  'briefing/',
  'dashboard/server/',
  'cli/',
] as const;
/** The browser app stands apart: it may import only the contract and itself. */
const SPA = 'dashboard/src/';

const layerOf = (file: string) => LAYERS.findIndex((layer) => file.startsWith(layer));

/** Why an import breaks the layering, or null when it is allowed. */
export function forbidden({ from, to }: Pick<ImportLine, 'from' | 'to'>): string | null {
  if (from.startsWith(SPA))
    return to.startsWith(SPA) || to.startsWith('contract/')
      ? null
      : 'dashboard/src imports only contract/ and its own files';
  if (to.startsWith(SPA)) return `${LAYERS[layerOf(from)] ?? from} must not import the browser app`;
  const a = layerOf(from);
  const b = layerOf(to);
  if (a < 0) return `${from} lies in no layer: add its folder to LAYERS or move it`;
  if (b < 0) return `${to} lies in no layer`;
  return b > a ? `${LAYERS[a]} imports from a higher layer, ${LAYERS[b]}` : null;
}

const describeLine = (e: ImportLine, why: string) => `${e.from}:${e.line} → ${e.to}: ${why}`;

describe('the layering rule', () => {
  it('allows imports down and within a layer, and the SPA only the contract', () => {
    expect(forbidden({ from: 'ingest/import.ts', to: 'analytics/db.ts' })).toBeNull();
    expect(forbidden({ from: 'cli/import.ts', to: 'dashboard/server/config.ts' })).toBeNull();
    expect(forbidden({ from: 'dashboard/src/App.svelte', to: 'contract/format.ts' })).toBeNull();
    expect(forbidden({ from: 'contract/format.ts', to: 'contract/table.ts' })).toBeNull();
  });

  it('refuses an import up a layer, from the SPA into the server, and into the SPA', () => {
    expect(forbidden({ from: 'analytics/models.ts', to: 'ingest/import.ts' })).toBe(
      'analytics/ imports from a higher layer, ingest/',
    );
    expect(forbidden({ from: 'contract/format.ts', to: 'analytics/db.ts' })).toBe(
      'contract/ imports from a higher layer, analytics/',
    );
    expect(forbidden({ from: 'dashboard/src/lib/x.ts', to: 'dashboard/server/app.ts' })).toBe(
      'dashboard/src imports only contract/ and its own files',
    );
    expect(forbidden({ from: 'briefing/text.ts', to: 'dashboard/src/lib/x.ts' })).toBe(
      'briefing/ must not import the browser app',
    );
  });

  it('finds a circle of two and of three files, and none in a chain', () => {
    const edge = (from: string, to: string): ImportLine => ({ from, to, line: 1, typeOnly: false });
    expect(circles([edge('a', 'b'), edge('b', 'a'), edge('c', 'a')])).toEqual([['a', 'b']]);
    expect(circles([edge('a', 'b'), edge('b', 'c'), edge('c', 'a')])).toEqual([['a', 'b', 'c']]);
    expect(circles([edge('a', 'b'), edge('b', 'c')])).toEqual([]);
  });
});

describe('the project', () => {
  const imports = sourceFiles(ROOT).flatMap((file) => importsOf(ROOT, file));

  it('reads the imports of every layer', () => {
    for (const layer of [...LAYERS, SPA])
      expect(
        imports.some((e) => e.from.startsWith(layer)),
        layer,
      ).toBe(true);
  });

  it('imports only down the layers, and the SPA only the contract', () => {
    const broken = imports.flatMap((e) => {
      const why = forbidden(e);
      return why ? [describeLine(e, why)] : [];
    });
    expect(broken).toEqual([]);
  });

  it('has no import circle (type-only imports count too)', () => {
    expect(circles(imports).map((files) => files.join(' ↔ '))).toEqual([]);
  });
});
