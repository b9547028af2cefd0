-- The ФГ page's school figures over all schools of one year × direction × grade, for a list the
-- server pages: how many schools, how many have a share of the district's excess, how many
-- exceed their own low target and their pupils above it.
-- $own_school narrows it to a school user's own school.
SELECT count(*)::INTEGER AS schools,
       count(*) FILTER (WHERE low_gap_contribution_pupils > 0)::INTEGER AS contributing,
       count(*) FILTER (WHERE low_excess_pupils > 0)::INTEGER AS over_target,
       coalesce(sum(low_excess_pupils), 0)::INTEGER AS low_excess_pupils
FROM fg_targets
WHERE level = 'school' AND year = $year AND direction = $direction
  AND grade IS NOT DISTINCT FROM $grade
  AND ($own_school::VARCHAR IS NULL OR school_id = $own_school);
