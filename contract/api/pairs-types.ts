/**
 * The register of network pairs on the wire (GET /api/pairs, the school page's history) and the
 * words the dashboard, the exports and the reader share: the two forms the seeds name.
 */
import { countRu, formatDate, schoolYear } from '../format.ts';

/** The forms of interaction the register names; any other form is kept as written. */
export const RESOURCE_FORM = 'ресурсное (донорское)';
export const PARITY_FORM = 'паритетное';

export const PAIRS: readonly [string, string, string] = ['пара', 'пары', 'пар'];

/** The contract, agreement or order behind a pair. */
export interface PairContract {
  /** as written: «Договор № 01 /2023 от 03.10.2023 года о сетевом взаимодействии…» */
  contract: string | null;
  contract_number: string | null;
  /** ISO date */
  contract_date: string | null;
}

/** One pair in one school year (наставник → подшефная школа). */
export interface PairRow extends PairContract {
  year: number;
  mentor_school_id: string;
  mentor_name: string;
  mentee_school_id: string;
  mentee_name: string;
  /** the form as written */
  kind: string | null;
  /** the form as the register names it: RESOURCE_FORM, PARITY_FORM or as written */
  form: string | null;
  /** the first year of the unbroken run of years of this pair up to `year` */
  began: number;
  years_running: number;
  /** the подшефная школа's clusters on the working list of the year (codes) */
  mentee_clusters: string[];
  mentor_clusters: string[];
}

/** One pair of a school's history, seen from the school: its role and its partner. */
export interface SchoolPairRow extends PairContract {
  year: number;
  role: 'наставник' | 'подшефная школа';
  partner_id: string;
  partner_name: string;
  /** the partner's clusters on the working list of the pair's year */
  partner_clusters: string[];
  kind: string | null;
  form: string | null;
  began: number;
  years_running: number;
}

export interface PairsSummary {
  pairs: number;
  resource: number;
  parity: number;
  /** another form, as written */
  other: number;
  /** no form given */
  unknown: number;
  /** подшефные школы with a cluster on the working list of the pair's year (each school and year once) */
  menteesListed: number;
}

export interface PairsPage {
  /** the chosen school year; null: every year */
  year: number | null;
  /** the school years with pairs, oldest first */
  years: number[];
  rows: PairRow[];
  summary: PairsSummary;
}

/** The counts of a list of pairs. */
export function summarisePairs(rows: readonly PairRow[]): PairsSummary {
  const listed = new Set(
    rows.filter((r) => r.mentee_clusters.length > 0).map((r) => `${r.year}|${r.mentee_school_id}`),
  );
  return {
    pairs: rows.length,
    resource: rows.filter((r) => r.form === RESOURCE_FORM).length,
    parity: rows.filter((r) => r.form === PARITY_FORM).length,
    other: rows.filter((r) => r.form !== null && r.form !== RESOURCE_FORM && r.form !== PARITY_FORM)
      .length,
    unknown: rows.filter((r) => r.form === null).length,
    menteesListed: listed.size,
  };
}

/**
 * «7 пар в 2023/24: ресурсных (донорских) 6, паритетных 1; подшефных в рабочем списке 5»;
 * `year` null: «… за все годы».
 */
export function pairsSummaryText(summary: PairsSummary, year: number | null): string {
  const when = year === null ? 'за все годы' : `в ${schoolYear(year)}`;
  const forms = [
    `ресурсных (донорских) ${summary.resource}`,
    `паритетных ${summary.parity}`,
    ...(summary.other ? [`в иной форме ${summary.other}`] : []),
    ...(summary.unknown ? [`форма не указана у ${summary.unknown}`] : []),
  ];
  return `${countRu(summary.pairs, PAIRS)} ${when}: ${forms.join(', ')}; подшефных в рабочем списке ${summary.menteesListed}`;
}

/** «№ 01/2023 от 03.10.2023», «№ 49», «от 01.10.2023», or the contract as written, or «—». */
export function contractText(pair: PairContract): string {
  const date = pair.contract_date ? formatDate(pair.contract_date) : undefined;
  const parts = [
    ...(pair.contract_number ? [`№ ${pair.contract_number}`] : []),
    ...(date ? [`от ${date}`] : []),
  ];
  return parts.length ? parts.join(' ') : (pair.contract ?? '—');
}
