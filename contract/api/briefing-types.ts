/** Response of GET /api/briefings/options: what the «Справки» page offers. */
export interface BriefingOptions {
  /** school years with results, newest first */
  years: number[];
  /** the year the schools are for (the newest when none was asked) */
  year: number | null;
  /** schools with results in that year */
  schools: { school_id: string; short_name: string }[];
  /** school years with a working list, newest first: the draft распоряжение (empty for a school user) */
  listYears: number[];
  /** false when the server has no Chromium to print PDF */
  pdfAvailable: boolean;
}
