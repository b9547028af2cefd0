/**
 * Matching school cells to the registry: ФИС ОКО login first, then the normalised name,
 * then an alias. An unknown school is an error naming the closest registry names,
 * never a silent new school (new schools come only from the explicit `createMissing` step).
 */
import { createHash } from 'node:crypto';
import type { RegistryRow } from './datasets.ts';

export interface RegistrySchool {
  schoolId: string;
  fullName: string;
  shortName: string;
  aliases: string[];
}

// JavaScript's \b knows only Latin letters, so word edges are spelled out.
const OWNERSHIP = /(^|\s)(мбоу|мкоу|маоу|моу|мбоо|гбоу|гкоу|гаоу|чоу|ано)(?=\s|$)/g;
const LONG_FORMS: [RegExp, string][] = [
  [
    /(муниципальное|государственное|частное)\s+(бюджетное|казенное|автономное)?\s*общеобразовательное\s+учреждение/g,
    '',
  ],
  [/средняя общеобразовательная школа/g, 'сош'],
  [/основная общеобразовательная школа/g, 'оош'],
  [/начальная общеобразовательная школа/g, 'нош'],
  [/центр образования/g, 'цо'],
  [/с углубленным изучением отдельных предметов/g, 'с уиоп'],
];

/** Case, ё, quotes, №, ownership prefixes and long forms folded away. */
export function normaliseSchoolName(name: string): string {
  let text = name.toLowerCase().replace(/ё/g, 'е');
  text = text.replace(/[«»"'“”„()]/g, ' ').replace(/\s+/g, ' ');
  for (const [pattern, replacement] of LONG_FORMS) text = text.replace(pattern, replacement);
  text = text.replace(OWNERSHIP, ' ').replace(OWNERSHIP, ' ');
  text = text.replace(/№\s*/g, ' ').replace(/[.,]/g, ' ');
  return text.replace(/\s+/g, ' ').trim();
}

/** «(sch470101) Название» → login and name, as ФИС ОКО writes school rows. */
export function splitLoginCell(text: string): { login?: string; name: string } {
  const match = /^\s*\(([^)]+)\)\s*(.*)$/.exec(text);
  return match ? { login: match[1]!.trim(), name: match[2]!.trim() } : { name: text.trim() };
}

export type MatchResult = { schoolId: string } | { candidates: string[]; ambiguous: boolean };

/** Marks a name that two registry schools share: it identifies neither. */
const AMBIGUOUS = Symbol('ambiguous');

function remember(
  map: Map<string, RegistrySchool | typeof AMBIGUOUS>,
  key: string,
  school: RegistrySchool,
): void {
  const earlier = map.get(key);
  map.set(key, earlier === undefined || earlier === school ? school : AMBIGUOUS);
}

export class SchoolMatcher {
  private readonly byLogin = new Map<string, RegistrySchool>();
  private readonly byName = new Map<string, RegistrySchool | typeof AMBIGUOUS>();
  private readonly byAlias = new Map<string, RegistrySchool | typeof AMBIGUOUS>();
  private readonly schools: RegistrySchool[] = [];
  /** schools added from a file's school column (only with `createMissing`) */
  readonly created: RegistryRow[] = [];

  /** `createMissing` is the explicit «--create-schools» step: unknown schools join the registry. */
  constructor(
    schools: readonly RegistrySchool[],
    private readonly createMissing = false,
  ) {
    schools.forEach((school) => this.add(school));
  }

  private add(school: RegistrySchool): void {
    this.schools.push(school);
    this.byLogin.set(school.schoolId.toLowerCase(), school);
    const names = [school.fullName, school.shortName].map(normaliseSchoolName);
    for (const name of new Set(names)) remember(this.byName, name, school);
    for (const alias of school.aliases) remember(this.byAlias, normaliseSchoolName(alias), school);
  }

  /** A new registry entry from a school cell; its key is the login, or one made from the name. */
  private create(login: string | undefined, name: string | undefined): string {
    const fullName = name ?? login ?? '';
    const schoolId =
      login?.trim() ??
      `ОО-${createHash('sha256').update(normaliseSchoolName(fullName)).digest('hex').slice(0, 8)}`;
    const school = { schoolId, fullName, shortName: fullName, aliases: [] };
    this.add(school);
    this.created.push({ ...school, schoolType: 'не указан', isRural: null });
    return schoolId;
  }

  /** The registry schools as plain data, to match in another thread. */
  get registry(): readonly RegistrySchool[] {
    return this.schools;
  }

  get size(): number {
    return this.schools.length;
  }

  /** A login, when given, must be in the registry: it is the authoritative key. */
  match(login: string | undefined, name: string | undefined): MatchResult {
    // A lone cell may hold a login; a name shared by two registry schools matches neither.
    const found = login
      ? this.byLogin.get(login.trim().toLowerCase())
      : name
        ? (this.byLogin.get(name.trim().toLowerCase()) ??
          this.byName.get(normaliseSchoolName(name)) ??
          this.byAlias.get(normaliseSchoolName(name)))
        : undefined;
    if (found && found !== AMBIGUOUS) return { schoolId: found.schoolId };
    if (found === AMBIGUOUS) return { candidates: this.named(name!), ambiguous: true };
    if (this.createMissing && (login || name)) return { schoolId: this.create(login, name) };
    return { candidates: this.closest(name ?? login ?? '', 3), ambiguous: false };
  }

  /** The registry school a name stands for, never creating one; undefined when none or two. */
  lookup(name: string): string | undefined {
    const key = normaliseSchoolName(name);
    const found = this.byName.get(key) ?? this.byAlias.get(key);
    return found && found !== AMBIGUOUS ? found.schoolId : undefined;
  }

  /** The registry schools that go by `name` (more than one when it is ambiguous). */
  private named(name: string): string[] {
    const key = normaliseSchoolName(name);
    return this.schools
      .filter((s) =>
        [s.fullName, s.shortName, ...s.aliases].some((n) => normaliseSchoolName(n) === key),
      )
      .map(describeSchool);
  }

  /** The registry names closest to `name` by edit distance of normalised names. */
  closest(name: string, count: number): string[] {
    const key = normaliseSchoolName(name);
    return this.schools
      .map((s) => ({
        s,
        d: Math.min(
          editDistance(key, normaliseSchoolName(s.fullName)),
          editDistance(key, normaliseSchoolName(s.shortName)),
        ),
      }))
      .sort(
        (a, b) =>
          a.d - b.d ||
          a.s.shortName.localeCompare(b.s.shortName, 'ru') ||
          a.s.schoolId.localeCompare(b.s.schoolId),
      )
      .slice(0, count)
      .map(({ s }) => describeSchool(s));
  }
}

const describeSchool = (s: RegistrySchool) => `${s.shortName} (${s.schoolId})`;

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}
