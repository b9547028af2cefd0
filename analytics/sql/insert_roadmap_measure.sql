-- A measure added on the page (no batch, no source row) at position $position; $schools is the
-- JSON array of the named schools' logins (NULL unless it serves named schools).
INSERT INTO roadmap_measure
  (year, section, position, number, title, term, deadline, responsible_municipal,
   responsible_school, expected_result, confirming_document, serves, serves_cluster,
   serves_schools, updated_by, updated_at)
VALUES (CAST($year AS INTEGER), $section, CAST($position AS INTEGER), $number, $title, $term,
  CAST($deadline AS DATE), $responsible_municipal, $responsible_school, $expected_result,
  $confirming_document, $serves, $serves_cluster,
  CASE WHEN $schools IS NULL THEN NULL ELSE from_json($schools, '["VARCHAR"]') END,
  $user, now()::TIMESTAMP)
RETURNING measure_id;
