-- One measure of a loaded road map; $id keeps the id of the measure it continues (new version),
-- NULL takes a new one. $schools is a JSON array of school ids, or NULL.
INSERT INTO roadmap_measure (
  measure_id, year, section, position, number, title, term, deadline,
  responsible_municipal, responsible_school, expected_result, confirming_document,
  serves, serves_cluster, serves_schools, status, status_on, status_note,
  batch_id, source_row, updated_by, updated_at
) VALUES (
  coalesce($id, nextval('roadmap_measure_id')), $year, $section, $position, $number, $title, $term,
  CAST($deadline AS DATE), $municipal, $school, $result, $document,
  $serves, $cluster, from_json($schools, '["VARCHAR"]'), $status, CAST($status_on AS DATE), $note,
  $batch, $source_row, $user, now()::TIMESTAMP
);
