/**
 * No function of the source longer than 80 lines (issue 20): every function declaration,
 * function expression, arrow function and method of the tracked *.ts files and of the <script>
 * blocks of the *.svelte files, outside test/ and the root config files, counted from its first
 * line to its last.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const MAX_LINES = 80;
const ROOT_CONFIGS = new Set(['vite.config.ts', 'svelte.config.js']);

interface Source {
  path: string;
  text: string;
  /** lines before the text in the file (a Svelte script starts below its tag) */
  lineOffset: number;
}

/** The tracked source files outside test/ and the root configs. */
function sourceFiles(): string[] {
  const listed = execFileSync('git', ['ls-files', '*.ts', '*.svelte'], { encoding: 'utf8' });
  return listed
    .split('\n')
    .filter((path) => path !== '' && !path.startsWith('test/') && !ROOT_CONFIGS.has(path));
}

/** The TypeScript of a file: the whole file, or each <script> block of a Svelte component. */
function sourcesOf(path: string): Source[] {
  const text = readFileSync(path, 'utf8');
  if (!path.endsWith('.svelte')) return [{ path, text, lineOffset: 0 }];
  return [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((match) => {
    const start = match.index + match[0].indexOf('>') + 1;
    return { path, text: match[1]!, lineOffset: text.slice(0, start).split('\n').length - 1 };
  });
}

/** A readable name: the declared name, or what the function is assigned or passed to. */
function nameOf(node: ts.FunctionLikeDeclaration, sf: ts.SourceFile): string {
  if (node.name) return node.name.getText(sf);
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent))
    return parent.name.getText(sf);
  if (ts.isCallExpression(parent)) {
    const first = parent.arguments[0];
    const label = first && ts.isStringLiteralLike(first) ? `'${first.text}'` : '…';
    return `${parent.expression.getText(sf)}(${label}) callback`;
  }
  return ts.isArrowFunction(node) ? '(arrow function)' : '(function)';
}

function isCounted(node: ts.Node): node is ts.FunctionLikeDeclaration {
  return (
    ts.isFunctionDeclaration(node) ||
    ts.isFunctionExpression(node) ||
    ts.isArrowFunction(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isGetAccessorDeclaration(node) ||
    ts.isSetAccessorDeclaration(node) ||
    ts.isConstructorDeclaration(node)
  );
}

/** `file:line name (N lines)` for each function of the source longer than MAX_LINES. */
function longFunctions({ path, text, lineOffset }: Source): string[] {
  const sf = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (isCounted(node) && node.body) {
      const first = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
      const last = sf.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = last - first + 1;
      if (lines > MAX_LINES)
        found.push(`${path}:${first + 1 + lineOffset} ${nameOf(node, sf)} (${lines} lines)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

describe('function length', () => {
  it('finds the source files and the functions in them', () => {
    const files = sourceFiles();
    expect(files).toContain('dashboard/server/app.ts');
    const component = files.find((f) => f.endsWith('.svelte'));
    expect(component).toBeDefined();
    expect(files.some((f) => f.startsWith('test/'))).toBe(false);
    const long = 'function f() {\n' + '  g();\n'.repeat(MAX_LINES - 1) + '}\n';
    expect(longFunctions({ path: 'x.ts', text: long, lineOffset: 2 })).toEqual([
      `x.ts:3 f (${MAX_LINES + 1} lines)`,
    ]);
    expect(sourcesOf(component!).length).toBeGreaterThan(0);
  });

  it(`no function outside test/ is longer than ${MAX_LINES} lines`, () => {
    const long = sourceFiles().flatMap(sourcesOf).flatMap(longFunctions);
    expect(long).toEqual([]);
  });
});
