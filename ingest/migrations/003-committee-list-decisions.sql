-- The committee's own decisions on its working list (analytics/models/working_list.sql): a school
-- added to a cluster's list of a school year (from the computed suggestions or not) or removed
-- from it, with the reason and the basis document. Rows are never changed: the latest decision
-- on a school × cluster × year is in force, the earlier ones are its history.
CREATE SEQUENCE committee_list_decision_id;
CREATE TABLE committee_list_decision (
  decision_id INTEGER PRIMARY KEY DEFAULT nextval('committee_list_decision_id'),
  year INTEGER NOT NULL,
  school_id VARCHAR NOT NULL,
  cluster VARCHAR NOT NULL,
  action VARCHAR NOT NULL CHECK (action IN ('add', 'remove')),
  reason VARCHAR NOT NULL,
  basis VARCHAR,
  decided_by VARCHAR NOT NULL,
  decided_at TIMESTAMP NOT NULL
);

-- The official lists' columns the working list reads (migration 002 of the lists' reader adds
-- them; repeated here only if missing, so this migration holds whichever 002 precedes it):
-- label as written, the basis document, and who published the list ('регион' | 'комитет').
ALTER TABLE raw_official_cluster ADD COLUMN IF NOT EXISTS label VARCHAR;
ALTER TABLE raw_official_cluster ADD COLUMN IF NOT EXISTS basis VARCHAR;
ALTER TABLE raw_official_cluster ADD COLUMN IF NOT EXISTS source VARCHAR;
