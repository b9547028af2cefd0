/**
 * Datasets: what the store keeps, per kind of source. Each parsed file yields rows of one
 * dataset. A dataset names the raw tables its rows go to and the scope of each row: the
 * slice of data (e.g. year|subject|grade|school) that a later file would replace.
 */
import type { Dataset as ContractDataset } from '../contract/imports/report.ts';
import type { RoadmapServes, RoadmapStatus } from '../contract/roadmap.ts';

export type BenchmarkLevel = 'school' | 'municipality' | 'region' | 'country';

export interface RegistryRow {
  schoolId: string;
  fullName: string;
  shortName: string;
  aliases: string[];
  schoolType: string;
  isRural: boolean | null;
  /** the school year the enrolment figures are for; null: every year */
  enrolmentYear?: number | null;
  enrolment?: { grade: number; pupils: number }[];
}

/** A ВПР result row of one group: a school, or a benchmark group (school_id null). */
interface VprGroup {
  year: number;
  subject: string;
  grade: number;
  level: BenchmarkLevel;
  schoolId: string | null;
  groupName: string;
}

export interface VprMarksRow extends VprGroup {
  schoolsCount: number | null;
  participants: number;
  n2: number;
  n3: number;
  n4: number;
  n5: number;
}

export interface VprJournalRow extends VprGroup {
  participants: number;
  nLower: number;
  nSame: number;
  nHigher: number;
}

export interface VprTaskRow extends VprGroup {
  participants: number | null;
  task: string;
  maxScore: number;
  difficulty: string | null;
  completionPct: number;
}

export interface VprPlannedRow extends VprTaskRow {
  skill: string;
}

export interface TaskScore {
  task: string;
  maxScore: number;
  difficulty: string | null;
  score: number | null;
}

export interface VprParticipantRow {
  year: number;
  subject: string;
  grade: number;
  schoolId: string;
  participantCode: string;
  className: string | null;
  variant: string | null;
  primaryScore: number | null;
  mark: number | null;
  journalMark: number | null;
  tasks: TaskScore[];
}

export type Exam = 'ОГЭ' | 'ЕГЭ' | 'ГВЭ-9' | 'ГВЭ-11';

export interface GiaParticipantRow {
  year: number;
  exam: Exam;
  subject: string;
  schoolId: string;
  participantCode: string | null;
  primaryScore: number | null;
  testScore: number | null;
  mark: number | null;
}

export interface GiaSchoolRow {
  year: number;
  exam: Exam;
  subject: string;
  schoolId: string;
  participants: number;
  meanScore: number | null;
  nBelowMin: number | null;
  n81to99: number | null;
  n100: number | null;
  marks: [number, number, number, number] | null;
}

export interface GradingScaleRow {
  exam: string;
  year: number;
  subject: string;
  grade: number | null;
  maxPrimary: number | null;
  minScore: number | null;
  cuts: [number, number, number] | null;
}

export interface FgLevelsRow {
  year: number;
  direction: string;
  grade: number;
  schoolId: string;
  levelRaw: string;
  level: string;
  pupils: number;
}

export interface FgParticipantRow {
  year: number;
  direction: string;
  grade: number;
  schoolId: string;
  participantCode: string | null;
  scorePct: number | null;
  levelRaw: string | null;
  level: string;
}

export interface TeacherDiagRow {
  year: number;
  schoolId: string;
  teacherKey: string;
  subject: string | null;
  area: string;
  scorePct: number | null;
  levelRaw: string | null;
  level: string | null;
}

export interface NetworkPairRow {
  year: number;
  mentorSchoolId: string;
  menteeSchoolId: string;
  /** the form of interaction as written */
  kind: string | null;
  /** the form normalised: «ресурсное (донорское)», «паритетное», else as written */
  form: string | null;
  /** the contract, agreement or order as written */
  contract: string | null;
  contractNumber: string | null;
  /** ISO date */
  contractDate: string | null;
}

/** Who approved a list: the region's committee (a letter, an order) or the municipal committee. */
export type ListSource = 'регион' | 'комитет';

export interface OfficialClusterRow {
  year: number;
  schoolId: string;
  /** the cluster code (the methodology's table of names), or the label when the table lacks it */
  cluster: string;
  /** the cluster as the list writes it */
  label: string;
  basis: string | null;
  source: ListSource;
}

/** One measure of a road map (ingest/formats/roadmap.ts), for the table roadmap_measure. */
export interface RoadmapRow {
  year: number;
  section: string;
  /** the measure's place in the document, from 1 */
  position: number;
  number: string | null;
  title: string;
  term: string | null;
  /** ISO date */
  deadline: string | null;
  responsibleMunicipal: string | null;
  responsibleSchool: string | null;
  expectedResult: string | null;
  confirmingDocument: string | null;
  serves: RoadmapServes;
  servesCluster: string | null;
  servesSchools: string[];
  /** the status the file gives (its «Статус», «Дата статуса», «Отметка» columns), if any */
  given?: {
    status: RoadmapStatus;
    /** ISO date */
    on: string | null;
    note: string | null;
  };
  /** the measure's first row in the file, as a spreadsheet numbers it */
  sourceRow: number;
}

export interface CustomIndicatorRow {
  setName: string;
  year: number;
  schoolId: string;
  indicator: string;
  value: number | null;
}

export interface DatasetRows {
  registry: RegistryRow;
  vpr_marks: VprMarksRow;
  vpr_journal: VprJournalRow;
  vpr_tasks: VprTaskRow;
  vpr_planned: VprPlannedRow;
  vpr_participants: VprParticipantRow;
  gia_participants: GiaParticipantRow;
  gia_schools: GiaSchoolRow;
  grading_scale: GradingScaleRow;
  fg_levels: FgLevelsRow;
  fg_participants: FgParticipantRow;
  teacher_diag: TeacherDiagRow;
  network_pairs: NetworkPairRow;
  official_clusters: OfficialClusterRow;
  custom_indicators: CustomIndicatorRow;
  roadmap: RoadmapRow;
}

export type Dataset = keyof DatasetRows;
// The contract lists the same datasets for the wire; this fails to compile when the two differ.
const sameDatasets: [Dataset, ContractDataset] extends [ContractDataset, Dataset] ? true : never =
  true;
void sameDatasets;
/** Datasets whose rows go to a raw table by scope; the registry and the road map load their own way. */
export type ResultDataset = Exclude<Dataset, 'registry' | 'roadmap'>;

export type ParsedRows = { [K in Dataset]: { dataset: K; rows: DatasetRows[K][] } }[Dataset];

export interface TableTarget<Row> {
  table: string;
  /** the values of one or more table rows, in column order between batch_id and scope */
  records(row: Row): unknown[][];
}

export interface DatasetSpec<Row> {
  /** Russian name for messages and the import history */
  title: string;
  tables: readonly TableTarget<Row>[];
  /** what a row replaces: always includes the year (the main table's `year` column) */
  scope(row: Row): string;
  /**
   * Rows every file of the kind repeats (the municipality, region and RF rows of a ФИС ОКО
   * report): a newer file's copy replaces the stored one without asking.
   */
  shared?(row: Row): boolean;
  /** Russian description of what one scope covers, for the «already loaded» message */
  scopeTitle: string;
  /**
   * For bulk loading: the same table values and scope as SQL over a relation whose columns
   * are the row's properties (quoted camelCase), for the first table.
   */
  sql?: { values: string; scope: string };
}

const vprGroup = (r: VprGroup) => [r.year, r.subject, r.grade, r.level, r.schoolId, r.groupName];
const vprScope = (r: VprGroup) => [r.year, r.subject, r.grade, r.schoolId ?? r.level].join('|');
const VPR_GROUP_SQL = 'year, subject, grade, level, "schoolId", "groupName"';
const VPR_SCOPE_SQL = 'year, subject, grade, coalesce("schoolId", level)';
const isBenchmark = (r: VprGroup) => r.schoolId === null;
/** A dataset whose every row is one row of one table. */
const oneTable = <Row>(table: string, values: (row: Row) => unknown[]): TableTarget<Row>[] => [
  { table, records: (row) => [values(row)] },
];
const VPR_SCOPE = 'год, предмет, класс и ОО (или группа сравнения)';

/**
 * A ФИС ОКО report dataset: group rows after the group columns; benchmark rows are shared;
 * the scope is the group, and the task too for per-task reports.
 */
function vprReport<Row extends VprGroup>(
  title: string,
  table: string,
  values: (row: Row) => unknown[],
  taskOf?: (row: Row) => string,
): DatasetSpec<Row> {
  return {
    title,
    tables: oneTable<Row>(table, (r) => [...vprGroup(r), ...values(r)]),
    shared: isBenchmark,
    scope: taskOf ? (r) => `${vprScope(r)}|${taskOf(r)}` : vprScope,
    scopeTitle: taskOf ? `${VPR_SCOPE}, задание` : VPR_SCOPE,
  };
}

export const DATASETS: { [K in ResultDataset]: DatasetSpec<DatasetRows[K]> } = {
  vpr_marks: {
    ...vprReport('ВПР: отметки', 'raw_vpr_marks', (r) => [
      r.schoolsCount,
      r.participants,
      r.n2,
      r.n3,
      r.n4,
      r.n5,
    ]),
    sql: {
      values: `${VPR_GROUP_SQL}, "schoolsCount", participants, n2, n3, n4, n5`,
      scope: `concat_ws('|', ${VPR_SCOPE_SQL})`,
    },
  },
  vpr_journal: vprReport('ВПР: сравнение с отметками по журналу', 'raw_vpr_journal', (r) => [
    r.participants,
    r.nLower,
    r.nSame,
    r.nHigher,
  ]),
  vpr_tasks: {
    ...vprReport(
      'ВПР: выполнение заданий',
      'raw_vpr_tasks',
      (r) => [r.participants, r.task, r.maxScore, r.difficulty, r.completionPct],
      (r) => r.task,
    ),
    sql: {
      values: `${VPR_GROUP_SQL}, participants, task, "maxScore", difficulty, "completionPct"`,
      scope: `concat_ws('|', ${VPR_SCOPE_SQL}, task)`,
    },
  },
  vpr_planned: vprReport(
    'ВПР: достижение планируемых результатов',
    'raw_vpr_planned',
    (r) => [r.participants, r.task, r.skill, r.maxScore, r.difficulty, r.completionPct],
    (r) => r.task,
  ),
  vpr_participants: {
    title: 'ВПР: индивидуальные результаты',
    tables: [
      {
        table: 'raw_vpr_participant',
        records: (r) => [
          [
            r.year,
            r.subject,
            r.grade,
            r.schoolId,
            r.participantCode,
            r.className,
            r.variant,
            r.primaryScore,
            r.mark,
            r.journalMark,
          ],
        ],
      },
      {
        table: 'raw_vpr_participant_task',
        records: (r) =>
          r.tasks.map((t) => [
            r.year,
            r.subject,
            r.grade,
            r.schoolId,
            r.participantCode,
            t.task,
            t.maxScore,
            t.difficulty,
            t.score,
          ]),
      },
    ],
    scope: (r) => [r.year, r.subject, r.grade, r.schoolId].join('|'),
    scopeTitle: 'год, предмет, класс и ОО',
  },
  gia_participants: {
    title: 'ГИА: результаты участников',
    tables: oneTable('raw_gia_participant', (r) => [
      r.year,
      r.exam,
      r.subject,
      r.schoolId,
      r.participantCode,
      r.primaryScore,
      r.testScore,
      r.mark,
    ]),
    scope: (r) => [r.year, r.exam, r.subject, r.schoolId].join('|'),
    scopeTitle: 'год, экзамен, предмет и ОО',
  },
  gia_schools: {
    title: 'ГИА: итоги по ОО',
    tables: oneTable('raw_gia_school', (r) => [
      r.year,
      r.exam,
      r.subject,
      r.schoolId,
      r.participants,
      r.meanScore,
      r.nBelowMin,
      r.n81to99,
      r.n100,
      ...(r.marks ?? [null, null, null, null]),
    ]),
    scope: (r) => [r.year, r.exam, r.subject, r.schoolId].join('|'),
    scopeTitle: 'год, экзамен, предмет и ОО',
  },
  grading_scale: {
    title: 'Шкалы перевода баллов',
    tables: oneTable('raw_grading_scale', (r) => [
      r.exam,
      r.year,
      r.subject,
      r.grade,
      r.maxPrimary,
      r.minScore,
      ...(r.cuts ?? [null, null, null]),
    ]),
    scope: (r) => [r.exam, r.year, r.subject, r.grade ?? ''].join('|'),
    scopeTitle: 'процедура, год, предмет и класс',
  },
  fg_levels: {
    title: 'ФГ: уровни по ОО',
    tables: oneTable('raw_fg_levels', (r) => [
      r.year,
      r.direction,
      r.grade,
      r.schoolId,
      r.levelRaw,
      r.level,
      r.pupils,
    ]),
    scope: (r) => [r.year, r.direction, r.grade, r.schoolId].join('|'),
    scopeTitle: 'год, направление, класс и ОО',
  },
  fg_participants: {
    title: 'ФГ: результаты участников',
    tables: oneTable('raw_fg_participant', (r) => [
      r.year,
      r.direction,
      r.grade,
      r.schoolId,
      r.participantCode,
      r.scorePct,
      r.levelRaw,
      r.level,
    ]),
    scope: (r) => [r.year, r.direction, r.grade, r.schoolId].join('|'),
    scopeTitle: 'год, направление, класс и ОО',
  },
  teacher_diag: {
    title: 'Диагностика педагогов',
    tables: oneTable('raw_teacher_diag', (r) => [
      r.year,
      r.schoolId,
      r.teacherKey,
      r.subject,
      r.area,
      r.scorePct,
      r.levelRaw,
      r.level,
    ]),
    scope: (r) => [r.year, r.schoolId].join('|'),
    scopeTitle: 'год и ОО',
  },
  network_pairs: {
    title: 'Сетевые пары',
    tables: oneTable('raw_network_pair', (r) => [
      r.year,
      r.mentorSchoolId,
      r.menteeSchoolId,
      r.kind,
      r.form,
      r.contract,
      r.contractNumber,
      r.contractDate,
    ]),
    scope: (r) => String(r.year),
    scopeTitle: 'учебный год',
  },
  official_clusters: {
    title: 'Региональные списки кластеров',
    tables: oneTable('raw_official_cluster', (r) => [
      r.year,
      r.schoolId,
      r.cluster,
      r.label,
      r.basis,
      r.source,
    ]),
    scope: (r) => [r.year, r.source, r.cluster].join('|'),
    scopeTitle: 'год, кто утвердил список (регион или комитет) и кластер',
  },
  custom_indicators: {
    title: 'Показатели региона (своя таблица)',
    tables: oneTable('raw_custom_indicator', (r) => [
      r.setName,
      r.year,
      r.schoolId,
      r.indicator,
      r.value,
    ]),
    scope: (r) => [r.setName, r.year, r.schoolId].join('|'),
    scopeTitle: 'набор показателей, год и ОО',
  },
};

export const datasetTitle = (dataset: Dataset) =>
  dataset === 'registry'
    ? 'Реестр ОО'
    : dataset === 'roadmap'
      ? 'Дорожная карта'
      : DATASETS[dataset].title;

/** Years present in the rows, for the import log. */
export function yearsOf(parsed: ParsedRows): number[] {
  if (parsed.dataset === 'registry') return [];
  return [...new Set(parsed.rows.map((r) => r.year))].sort();
}
