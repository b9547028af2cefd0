/** The methodology page's answers: the version in force, its history, a flags preview. */
import type { Methodology } from '../methodology.ts';

export interface MethodologyRevision {
  revision_id: number;
  version: string;
  saved_by: string;
  saved_at: string;
}

export interface MethodologyInForce {
  methodology: Methodology;
  /** null: the file (defaults or METHODOLOGY_PATH) */
  revision: MethodologyRevision | null;
}

export interface FlagRow {
  year: number;
  school_id: string;
  short_name: string;
  cluster: string;
  triggered: boolean;
  rule_version: string;
  explanation: string;
}

export interface FlagChange {
  year: number;
  school_id: string;
  short_name: string;
  cluster: string;
  /** «добавится»: flagged under the candidate only; «снимется»: flagged now only */
  change: 'добавится' | 'снимется';
}
