-- One stored measure as it is, by id (the page changes it: what changed goes to the audit log).
SELECT measure_id, year, section, position, number, title, term,
  strftime(deadline, '%Y-%m-%d') AS deadline,
  responsible_municipal, responsible_school, expected_result, confirming_document,
  serves, serves_cluster, coalesce(serves_schools, []) AS serves_schools,
  status, strftime(status_on, '%Y-%m-%d') AS status_on, status_note,
  batch_id IS NOT NULL AS imported
FROM roadmap_measure
WHERE measure_id = $id;
