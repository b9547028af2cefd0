-- Export «pairs»: the register of network pairs by school year (analytics/models/network_pairs.sql),
-- one row per pair: both schools, the mentee's clusters on the working list of the year, the form,
-- the contract, the year the pair began. The district's register: a school's own export is empty
-- (it would name other schools).
SELECT year, mentor_school_id, mentor_name, mentee_school_id, mentee_name,
  array_to_string(mentee_clusters, ', ') AS mentee_clusters, form, kind, contract,
  contract_number, strftime(contract_date, '%d.%m.%Y') AS contract_date, began, years_running
FROM network_pairs
WHERE $school IS NULL
  AND ($year IS NULL OR year = $year)
ORDER BY year, mentor_name, mentee_name, mentor_school_id, mentee_school_id;
