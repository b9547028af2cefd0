-- Справка, section 7 (адресная поддержка): for one school in a school year, its partners in the
-- network (pairs of the latest year up to it, each partner with its clusters on the working list of
-- the pair's year), its weakest insufficient ВПР tasks against the
-- district, and the competence areas where most of its teachers have high or critical difficulty.
WITH pairs AS (
  SELECT p.year,
         CASE WHEN p.mentor_school_id = $school_id THEN 'подшефная школа' ELSE 'наставник' END AS role,
         CASE WHEN p.mentor_school_id = $school_id THEN p.mentee_school_id ELSE p.mentor_school_id END AS partner_id,
         p.kind
  FROM raw_network_pair AS p
  WHERE $school_id IN (p.mentor_school_id, p.mentee_school_id) AND p.year <= $year
  QUALIFY p.year = max(p.year) OVER ()
),
tasks AS (
  SELECT subject, grade, task, skill, completion_pct, district_pct, vs_district_pp, participants_count
  FROM vpr_task_deficits
  WHERE level = 'school' AND school_id = $school_id AND year = $year AND status = 'недостаточно'
    AND NOT is_small_n
  ORDER BY vs_district_pp, subject, grade, task
  LIMIT 3
),
teacher_year AS (
  SELECT max(year) AS year FROM teacher_deficits
  WHERE level = 'school' AND school_id = $school_id AND year <= $year
),
areas AS (
  SELECT t.year, t.area, t.deficit_count, t.teachers_count, t.deficit_pct
  FROM teacher_deficits AS t JOIN teacher_year AS y USING (year)
  WHERE t.level = 'school' AND t.school_id = $school_id AND t.area IS NOT NULL
    AND t.deficit_count > 0
  ORDER BY t.deficit_pct DESC, t.area
  LIMIT 2
)
SELECT
  (SELECT coalesce(list({'short_name': s.short_name, 'role': p.role, 'kind': p.kind, 'year': p.year,
                         'clusters': coalesce((SELECT list(w.cluster ORDER BY w.cluster)
                                               FROM working_list AS w
                                               WHERE w.year = p.year
                                                 AND w.school_id = p.partner_id), [])}
                        ORDER BY s.short_name), [])
   FROM pairs AS p JOIN school AS s ON s.school_id = p.partner_id) AS partners,
  (SELECT coalesce(list({'subject': subject, 'grade': grade, 'task': task, 'skill': skill,
                         'completion_pct': completion_pct, 'district_pct': district_pct,
                         'vs_district_pp': vs_district_pp, 'n': participants_count}
                        ORDER BY vs_district_pp), [])
   FROM tasks) AS tasks,
  (SELECT coalesce(list({'year': year, 'area': area, 'deficit_count': deficit_count,
                         'teachers_count': teachers_count, 'deficit_pct': deficit_pct}
                        ORDER BY deficit_pct DESC), [])
   FROM areas) AS teacher_areas;
