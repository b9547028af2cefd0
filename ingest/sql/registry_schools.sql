-- The registry for matching schools: every school with its aliases.
SELECT s.school_id, s.full_name, s.short_name, list(a.alias) FILTER (WHERE a.alias IS NOT NULL) AS aliases
FROM school s LEFT JOIN school_alias a USING (school_id) GROUP BY ALL ORDER BY s.school_id;
