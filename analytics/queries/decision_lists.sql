-- The working list of year $year as the draft распоряжение lists it: every entry with the
-- school's full legal name (the short name when the registry has none), its source, the basis
-- document, the date and the reason of a committee's addition.
SELECT cluster, school_id, short_name, coalesce(full_name, short_name, school_id) AS full_name,
  source, basis, strftime(listed_on, '%Y-%m-%d') AS listed_on, reason
FROM working_list
WHERE year = $year
ORDER BY cluster, short_name;
