-- Risk-cluster flags with their evidence, for a year, a school or a cluster (each optional).
SELECT f.year, f.school_id, s.short_name, f.cluster, f.cluster_title, f.triggered, f.rule_id,
       f.rule_version, f.rule_is_default, f.methodology_version, f.evidence, f.explanation,
       f.clears_when
FROM risk_flags AS f JOIN school AS s USING (school_id)
WHERE ($year IS NULL OR f.year = $year)
  AND ($school_id IS NULL OR f.school_id = $school_id)
  AND ($cluster IS NULL OR f.cluster = $cluster)
ORDER BY f.year DESC, f.cluster, f.triggered DESC, s.short_name;
