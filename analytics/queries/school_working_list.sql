-- One school on the working list of year $year: its entries (in_list, with source, basis, date and the cross-check) and the clusters only the
-- calculation suggests for it.
SELECT year, cluster, cluster_title, school_id, short_name, in_list, computed, source, basis,
  strftime(listed_on, '%Y-%m-%d') AS listed_on, reason, agreement, explanation
FROM working_list_check
WHERE school_id = $school_id
  AND year = $year
ORDER BY NOT in_list, cluster;
