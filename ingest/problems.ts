/** Import problems: each names the file, sheet, row, column, the value and what was expected. */
export interface Problem {
  severity: 'error' | 'warning';
  file: string;
  sheet?: string;
  row?: number;
  column?: string;
  value?: string;
  expected?: string;
  /** the whole sentence, when the problem is not about one cell */
  message?: string;
}

/** One Russian sentence per problem. */
export function describeProblem(p: Problem): string {
  const where = [
    `файл «${p.file}»`,
    p.sheet && p.sheet !== 'CSV' ? `лист «${p.sheet}»` : null,
    p.row !== undefined ? `строка ${p.row}` : null,
    p.column ? `столбец «${p.column}»` : null,
  ].filter(Boolean);
  const parts = [where.join(', ')];
  if (p.value !== undefined) parts.push(`значение «${p.value}»`);
  if (p.expected) parts.push(`ожидалось: ${p.expected}`);
  if (p.message) parts.push(p.message);
  return parts.join('; ');
}

/** Collects problems up to a cap, so a bad file reports many of its faults but not millions. */
export class ProblemList {
  readonly items: Problem[] = [];
  dropped = 0;

  constructor(private readonly cap = 200) {}

  add(problem: Problem): void {
    if (this.items.length < this.cap) this.items.push(problem);
    else this.dropped++;
  }

  get errors(): Problem[] {
    return this.items.filter((p) => p.severity === 'error');
  }

  get hasErrors(): boolean {
    return this.items.some((p) => p.severity === 'error');
  }
}

export class ImportRejected extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map(describeProblem).join('\n'));
    this.name = 'ImportRejected';
  }
}
