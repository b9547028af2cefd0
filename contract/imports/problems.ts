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
export function describeProblem(p: Problem, withFile = true): string {
  const where = [
    withFile ? `файл «${p.file}»` : null,
    p.sheet && p.sheet !== 'CSV' ? `лист «${p.sheet}»` : null,
    p.row !== undefined ? `строка ${p.row}` : null,
    p.column ? `столбец «${p.column}»` : null,
  ].filter(Boolean);
  const parts = where.length > 0 ? [where.join(', ')] : [];
  if (p.value !== undefined) parts.push(`значение «${p.value}»`);
  if (p.expected) parts.push(`ожидалось: ${p.expected}`);
  if (p.message) parts.push(p.message);
  return parts.join('; ');
}

/** Collects problems up to a cap, so a bad file reports many of its faults but not millions. */
export class ProblemList {
  readonly items: Problem[] = [];
  dropped = 0;
  private errorCount = 0;

  constructor(private readonly cap = 200) {}

  add(problem: Problem): void {
    if (problem.severity === 'error') this.errorCount++;
    if (this.items.length < this.cap) this.items.push(problem);
    else this.dropped++;
  }

  /** problems known only by their count (beyond the cap), `errors` of them errors */
  addUnlisted(count: number, errors: number): void {
    this.dropped += count;
    this.errorCount += errors;
  }

  /** every error, listed or beyond the cap */
  get errorTotal(): number {
    return this.errorCount;
  }

  get errors(): Problem[] {
    return this.items.filter((p) => p.severity === 'error');
  }

  /** counts dropped errors too: a file whose errors came after many warnings is still rejected */
  get hasErrors(): boolean {
    return this.errorCount > 0;
  }
}

export class ImportRejected extends Error {
  /** `conflicts`: earlier files whose data the import would replace */
  constructor(
    readonly problems: Problem[],
    readonly conflicts: string[] = [],
  ) {
    super(problems.map((p) => describeProblem(p)).join('\n'));
    this.name = 'ImportRejected';
  }
}
