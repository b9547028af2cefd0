/** Responses of the «Дефициты» API (/api/deficits/*). Shares are per cent 0–100. */

/** ФИС ОКО classification of a task's % completion against the methodology thresholds. */
export type TaskStatus = 'достаточно' | 'пограничная зона' | 'недостаточно';

/** GET /api/deficits/options: what can be chosen. */
export interface DeficitOptions {
  /** year × subject × grade with ВПР task completion */
  vpr: { year: number; subject: string; grade: number }[];
  /** years of teacher competence diagnostics */
  teacherYears: number[];
}

/** One ВПР task with the district, region and RF completion. */
export interface DeficitTaskRow {
  task: string;
  skill: string | null;
  /** Б — базовый, П — повышенный, В — высокий */
  difficulty: string | null;
  max_score: number;
  sufficient_from: number;
  insufficient_below: number;
  district_pct: number;
  district_n: number;
  district_status: TaskStatus;
  district_small_n: boolean;
  region_pct: number | null;
  region_n: number | null;
  region_status: TaskStatus | null;
  country_pct: number | null;
  country_n: number | null;
  country_status: TaskStatus | null;
  /** schools with data on the task */
  schools_count: number;
  /** of them, below the insufficiency threshold */
  insufficient_schools_count: number;
}

/** One school × task cell. */
export interface DeficitSchoolCell {
  school_id: string;
  short_name: string;
  task: string;
  completion_pct: number;
  participants_count: number;
  status: TaskStatus;
  vs_district_pp: number | null;
  vs_region_pp: number | null;
  is_small_n: boolean;
}

/** GET /api/deficits/vpr?year&subject&grade */
export interface DeficitVpr {
  year: number;
  subject: string;
  grade: number;
  tasks: DeficitTaskRow[];
  schools: DeficitSchoolCell[];
}

/** One school (or the district) × competence area; area null: at least one area. */
export interface TeacherDeficitRow {
  level: 'school' | 'district';
  school_id: string | null;
  short_name: string | null;
  area: string | null;
  teachers_count: number;
  deficit_count: number;
  deficit_pct: number;
  previous_year: number | null;
  change_pp: number | null;
  is_small_n: boolean;
}

/** GET /api/deficits/teachers?year */
export interface TeacherDeficits {
  year: number;
  rows: TeacherDeficitRow[];
}
