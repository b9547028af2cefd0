-- The municipal road map (муниципальная дорожная карта) of each school year: measures with their
-- section (направление), term as written and the deadline parsed from it, the responsible at
-- municipal and school level, the expected result and confirming document, whom the measure
-- serves, and its status. Measures come from an imported road map (batch_id, source_row) or are
-- added on the page (batch_id NULL); every change is written to the audit log.
CREATE SEQUENCE roadmap_measure_id;
CREATE TABLE roadmap_measure (
  measure_id INTEGER PRIMARY KEY DEFAULT nextval('roadmap_measure_id'),
  -- the school year by its closing calendar year, as everywhere (2024 = 2023/24)
  year INTEGER NOT NULL,
  -- the section's heading as written ('' for measures before any section)
  section VARCHAR NOT NULL,
  -- the measure's place in the road map: sections and measures keep the document's order
  position INTEGER NOT NULL,
  -- «№ п/п» as written (NULL when the document numbers nothing)
  number VARCHAR,
  title VARCHAR NOT NULL,
  -- «Дата» as written: «15.08. – 15.09.», «в течение года», «Октябрь 2023 г»
  term VARCHAR,
  -- the last date the term names, where the text allows (NULL otherwise)
  deadline DATE,
  responsible_municipal VARCHAR,
  responsible_school VARCHAR,
  expected_result VARCHAR,
  confirming_document VARCHAR,
  -- whom it serves: all of the year's working list, one cluster of it, or named schools
  serves VARCHAR NOT NULL DEFAULT 'list' CHECK (serves IN ('list', 'cluster', 'schools')),
  serves_cluster VARCHAR,
  serves_schools VARCHAR[],
  status VARCHAR NOT NULL DEFAULT 'запланировано'
    CHECK (status IN ('запланировано', 'выполнено', 'перенесено', 'не выполнено')),
  -- the day the status was reached (done on, moved on…), and a note on it
  status_on DATE,
  status_note VARCHAR,
  batch_id INTEGER,
  source_row INTEGER,
  updated_by VARCHAR,
  updated_at TIMESTAMP NOT NULL
);
