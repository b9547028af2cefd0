-- The flags set, for a year (optional): what a methodology preview compares.
SELECT f.year, f.school_id, s.short_name, f.cluster, f.triggered, f.rule_version, f.explanation
FROM risk_flags AS f JOIN school AS s USING (school_id)
WHERE f.triggered AND ($year IS NULL OR f.year = $year)
ORDER BY f.year, f.cluster, s.short_name;
