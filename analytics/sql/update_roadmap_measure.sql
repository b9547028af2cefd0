-- A measure's fields as edited on the page (its year, status and origin stay); $schools as in
-- insert_roadmap_measure.
UPDATE roadmap_measure SET
  section = $section, position = CAST($position AS INTEGER), number = $number, title = $title,
  term = $term, deadline = CAST($deadline AS DATE),
  responsible_municipal = $responsible_municipal, responsible_school = $responsible_school,
  expected_result = $expected_result, confirming_document = $confirming_document,
  serves = $serves, serves_cluster = $serves_cluster,
  serves_schools = CASE WHEN $schools IS NULL THEN NULL ELSE from_json($schools, '["VARCHAR"]') END,
  updated_by = $user, updated_at = now()::TIMESTAMP
WHERE measure_id = $id;
