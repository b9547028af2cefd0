-- The working list of year $year beside the computed flags: every entry (in_list) and every
-- computed flag not on it («только по расчёту», the suggestions), with source, basis, date and
-- the cross-check label.
SELECT year, cluster, cluster_title, school_id, short_name, in_list, computed, source, basis,
  strftime(listed_on, '%Y-%m-%d') AS listed_on, reason, agreement, explanation
FROM working_list_check
WHERE year = $year
ORDER BY cluster, NOT in_list, short_name;
