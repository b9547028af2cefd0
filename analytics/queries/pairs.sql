-- The district's network pairs of one school year ($year) or of every year ($year NULL), newest
-- year first: both schools, the form, the contract (as written, number, date), the year the pair
-- began, and each school's clusters on the working list of the pair's year.
SELECT year, mentor_school_id, mentor_name, mentee_school_id, mentee_name,
  kind, form, contract, contract_number, strftime(contract_date, '%Y-%m-%d') AS contract_date,
  began, years_running, mentee_clusters, mentor_clusters
FROM network_pairs
WHERE $year::INTEGER IS NULL OR year = $year
ORDER BY year DESC, mentor_name, mentee_name, mentor_school_id, mentee_school_id;
