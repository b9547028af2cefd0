/**
 * The road map of measures on the wire (GET /api/roadmap, /api/roadmap/years,
 * /api/schools/:id/roadmap; POST, PUT, DELETE /api/roadmap…).
 */
import type { RoadmapServes, RoadmapStatus } from '../roadmap.ts';

/** Whom a measure serves: all of the year's working list, one cluster of it, or named schools. */
export type { RoadmapServes };

export interface RoadmapSchool {
  school_id: string;
  /** null when the login is no longer in the registry */
  short_name: string | null;
}

/** One measure of a year's road map, in the document's order. */
export interface RoadmapMeasure {
  measure_id: number;
  /** the school year by its closing calendar year (2024 = 2023/24) */
  year: number;
  /** the section's heading as written ('' before any section) */
  section: string;
  position: number;
  /** «№ п/п» as written */
  number: string | null;
  title: string;
  /** «Дата» as written */
  term: string | null;
  /** the last date the term names, ISO; null when it names none */
  deadline: string | null;
  responsible_municipal: string | null;
  responsible_school: string | null;
  expected_result: string | null;
  confirming_document: string | null;
  serves: RoadmapServes;
  serves_cluster: string | null;
  /** the named schools (serves 'schools'), in the order given */
  serves_schools: RoadmapSchool[];
  status: RoadmapStatus;
  /** ISO date the status was reached */
  status_on: string | null;
  status_note: string | null;
  /** from an imported road map (changed, never deleted on the page) */
  imported: boolean;
  /** the deadline has passed (before the server's today) and the measure is still open */
  overdue: boolean;
  updated_by: string | null;
  /** ISO time */
  updated_at: string;
}

/** The year's counts: all measures, by status, and the open ones past their deadline. */
export interface RoadmapSummary {
  total: number;
  planned: number;
  done: number;
  moved: number;
  not_done: number;
  overdue: number;
}

/** What the form offers: the clusters and the registry's schools (staff only). */
export interface RoadmapChoices {
  clusters: { cluster: string; cluster_title: string }[];
  schools: RoadmapSchool[];
}

/** GET /api/roadmap?year=…: the year's measures (the latest year when none is given). */
export interface RoadmapPage {
  year: number | null;
  /** the years with a road map, ascending */
  years: number[];
  /** the server's date, ISO: what «overdue» is counted against */
  today: string;
  /** the year's sections in document order */
  sections: string[];
  measures: RoadmapMeasure[];
  summary: RoadmapSummary;
  /** null for a school user, who only reads */
  choices: RoadmapChoices | null;
}

/** GET /api/schools/:id/roadmap: the measures serving the school, of the latest road-map years. */
export interface SchoolRoadmap {
  today: string;
  measures: RoadmapMeasure[];
}

/** POST /api/roadmap and PUT /api/roadmap/:id: the measure's fields as the form sends them. */
export interface RoadmapMeasureInput {
  year: number;
  section: string;
  number?: string | null;
  title: string;
  term?: string | null;
  responsible_municipal?: string | null;
  responsible_school?: string | null;
  expected_result?: string | null;
  confirming_document?: string | null;
  serves: RoadmapServes;
  serves_cluster?: string | null;
  serves_schools?: string[] | null;
}

/** POST /api/roadmap/:id/status: the new status, its date (today when absent) and a note. */
export interface RoadmapStatusInput {
  status: RoadmapStatus;
  on?: string | null;
  note?: string | null;
}
