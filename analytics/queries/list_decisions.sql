-- The committee's decisions on the working list of year $year, latest first: the history of
-- additions and removals with who decided, when and why.
SELECT d.decision_id, d.year, d.cluster, d.school_id, s.short_name, d.action, d.reason, d.basis,
  d.decided_by, strftime(d.decided_at, '%Y-%m-%dT%H:%M:%S') AS decided_at
FROM committee_list_decision AS d
LEFT JOIN school AS s USING (school_id)
WHERE d.year = $year
ORDER BY d.decided_at DESC, d.decision_id DESC;
