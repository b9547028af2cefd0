-- One decision of the committee on its working list (analytics/list-decisions.ts).
INSERT INTO committee_list_decision
  (year, school_id, cluster, action, reason, basis, decided_by, decided_at)
VALUES (CAST($year AS INTEGER), $school_id, $cluster, $action, $reason, $basis, $user,
  now()::TIMESTAMP);
