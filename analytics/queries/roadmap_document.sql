-- The road map of $year in the document's order, for the decision's appendix and the briefings.
SELECT measure_id, section, position, number, title, term,
  strftime(deadline, '%Y-%m-%d') AS deadline, responsible_municipal, responsible_school,
  expected_result, confirming_document, status, strftime(status_on, '%Y-%m-%d') AS status_on,
  status_note
FROM roadmap_measure
WHERE year = $year
ORDER BY position, measure_id;
