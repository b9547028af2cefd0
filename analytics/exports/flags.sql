-- Export «flags»: computed risk-cluster flags with their rule, evidence sentence and what clears them.
SELECT f.year, f.cluster, f.school_id, s.short_name, f.triggered, f.rule_id, f.rule_version,
       f.rule_is_default, f.methodology_version, f.explanation, f.clears_when,
       to_json(f.evidence)::VARCHAR AS evidence
FROM risk_flags AS f LEFT JOIN school AS s USING (school_id)
WHERE ($year IS NULL OR f.year = $year)
  AND ($school IS NULL OR f.school_id = $school)
ORDER BY f.year, f.cluster, f.triggered DESC, s.short_name;
