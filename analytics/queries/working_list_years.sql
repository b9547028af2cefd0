-- The years with a working list or computed flags, and whether the year has a list.
SELECT year, bool_or(in_list) AS listed
FROM working_list_check
GROUP BY year
ORDER BY year;
