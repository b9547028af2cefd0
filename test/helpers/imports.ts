/**
 * Reads the project's own imports from source text (TypeScript and Svelte), resolved to files,
 * for the layer test. Imports of packages are ignored; every relative specifier is kept with
 * its line, so a failure can name the file and the line.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { execFileSync } from 'node:child_process';

export interface ImportLine {
  from: string;
  to: string;
  line: number;
  typeOnly: boolean;
}

const SPECIFIER =
  /(?:^|[\s;])(?:import|export)\s+(type\s+)?(?:[^'"`;]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;

/** Source files tracked by git (or not ignored), tests and config left out. */
export function sourceFiles(root: string): string[] {
  const out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
  });
  return out
    .split('\n')
    .filter((f) => /\.(ts|svelte)$/.test(f) && !f.startsWith('test/') && f.includes('/'));
}

export function importsOf(root: string, file: string): ImportLine[] {
  const text = readFileSync(join(root, file), 'utf8');
  const lines: ImportLine[] = [];
  for (const m of text.matchAll(SPECIFIER)) {
    const spec = m[2] ?? m[3] ?? '';
    if (!spec.startsWith('.')) continue;
    const to = normalize(relative(root, join(root, dirname(file), spec)));
    const line = text.slice(0, m.index + m[0].length).split('\n').length;
    lines.push({ from: file, to, line, typeOnly: Boolean(m[1]) });
  }
  return lines;
}

/** Every import circle among the given edges, each as the files in order. */
export function circles(edges: ImportLine[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let counter = 0;
  // Tarjan's strongly connected components: every component of two or more files is a circle.
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (next.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const v of next.keys()) if (!index.has(v)) visit(v);
  return found;
}
