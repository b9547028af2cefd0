-- Network pairs before and after (docs/methodology.md, «Результативность мер»): one row per
-- mentee school and school year its support by a mentor began (network_pairs.began: a pair's first
-- year of an unbroken run; a mentee with two mentors from the same year is one row). The key indicator of the
-- mentee's cluster in that year's working list (effect_scope; the first risk cluster by code, or
-- the default indicator when it is on no list) the year before the pair began (before_year) and
-- in its first year (after_year), with the same significance test and words as everywhere; beside
-- it, the same indicator of comparable schools without a pair that year — the other schools of the
-- same cluster's list, or, for a mentee on no list, the district's schools in no pair —, their
-- counts pooled, and the difference of the two changes.
CREATE OR REPLACE TABLE pair_effects AS
WITH mentee AS (
  SELECT mentee_school_id AS school_id, began, list(DISTINCT mentor_name ORDER BY mentor_name)
    AS mentors
  FROM network_pairs WHERE year = began
  GROUP BY ALL
),
in_pair AS (
  SELECT year, mentor_school_id AS school_id FROM network_pairs
  UNION SELECT year, mentee_school_id FROM network_pairs
),
risk_list AS (
  SELECT w.year, w.school_id, w.cluster FROM working_list AS w
  JOIN effect_scope AS s ON s.cluster = w.cluster
),
placed AS (
  SELECT m.*, (SELECT min(r.cluster) FROM risk_list AS r WHERE r.year = m.began AND r.school_id = m.school_id)
    AS cluster
  FROM mentee AS m
),
scoped AS (
  SELECT p.*, s.kinds, s.subjects, s.grades, s.indicator_title, s.higher_is_better
  FROM placed AS p
  JOIN effect_scope AS s ON s.cluster IS NOT DISTINCT FROM p.cluster
),
-- The comparison group: same cluster's list without a pair, or (no cluster) the district's
-- schools in no pair and on no risk list.
peers AS (
  SELECT c.school_id AS mentee_id, c.began, g.school_id
  FROM scoped AS c
  JOIN school AS g ON g.school_id <> c.school_id
  WHERE NOT EXISTS (SELECT 1 FROM in_pair AS i WHERE i.year = c.began AND i.school_id = g.school_id)
    AND CASE WHEN c.cluster IS NULL
          THEN NOT EXISTS (SELECT 1 FROM risk_list AS r WHERE r.year = c.began AND r.school_id = g.school_id)
          ELSE EXISTS (SELECT 1 FROM risk_list AS r
                       WHERE r.year = c.began AND r.school_id = g.school_id AND r.cluster = c.cluster)
        END
),
measured AS (
  SELECT c.school_id AS mentee_id, c.began, x.school_id, p.year,
    sum(effect_count(p.fails, p.good, c.higher_is_better)) AS count, sum(p.n) AS n
  FROM scoped AS c
  JOIN (SELECT mentee_id, began, school_id FROM peers
        UNION ALL SELECT school_id, began, school_id FROM scoped) AS x
    ON x.mentee_id = c.school_id AND x.began = c.began
  JOIN stg_procedure_results AS p
    ON p.school_id = x.school_id AND p.year IN (c.began - 1, c.began)
   AND in_effect_scope(p.kind, p.subject, p.grade, c.kinds, c.subjects, c.grades)
  GROUP BY ALL
),
-- Each school's two years; a peer without results in one of them is left out of the group.
per_school AS (
  SELECT mentee_id, began, school_id,
    sum(count) FILTER (WHERE year = began - 1) AS before_count,
    sum(n) FILTER (WHERE year = began - 1) AS before_n,
    sum(count) FILTER (WHERE year = began) AS after_count,
    sum(n) FILTER (WHERE year = began) AS after_n
  FROM measured GROUP BY ALL
),
sides AS (
  SELECT mentee_id, began, school_id = mentee_id AS is_mentee, count(*)::INTEGER AS schools,
    sum(before_count)::INTEGER AS before_count, sum(before_n)::INTEGER AS before_n,
    sum(after_count)::INTEGER AS after_count, sum(after_n)::INTEGER AS after_n
  FROM per_school
  WHERE school_id = mentee_id OR (before_n > 0 AND after_n > 0)
  GROUP BY ALL
),
tested AS (
  SELECT d.*, share_pct(before_count, before_n) AS before_pct,
    share_pct(after_count, after_n) AS after_pct,
    share_pct(after_count, after_n) - share_pct(before_count, before_n) AS change_pp,
    shares_differ(after_count, after_n, before_count, before_n, s.significance_z) AS significant,
    s.min_n
  FROM sides AS d CROSS JOIN methodology_setting AS s
)
SELECT c.school_id, sc.short_name, c.began, c.began - 1 AS before_year, c.began AS after_year,
  c.mentors, c.cluster, c.indicator_title,
  t.before_count, t.before_n, t.before_pct, t.after_count, t.after_n, t.after_pct, t.change_pp,
  t.significant,
  effect_verdict(t.before_n, t.after_n, t.change_pp, t.significant, t.min_n, c.higher_is_better)
    AS verdict,
  coalesce(g.schools, 0) AS peer_schools,
  g.before_count AS peer_before_count, g.before_n AS peer_before_n, g.before_pct AS peer_before_pct,
  g.after_count AS peer_after_count, g.after_n AS peer_after_n, g.after_pct AS peer_after_pct,
  g.change_pp AS peer_change_pp, g.significant AS peer_significant,
  CASE WHEN g.schools IS NULL THEN 'нет школ для сравнения'
       ELSE effect_verdict(g.before_n, g.after_n, g.change_pp, g.significant, g.min_n,
                           c.higher_is_better) END
    AS peer_verdict,
  t.change_pp - g.change_pp AS difference_pp
FROM scoped AS c
LEFT JOIN school AS sc ON sc.school_id = c.school_id
LEFT JOIN tested AS t ON t.mentee_id = c.school_id AND t.began = c.began AND t.is_mentee
LEFT JOIN tested AS g ON g.mentee_id = c.school_id AND g.began = c.began AND NOT g.is_mentee
ORDER BY c.began, sc.short_name;
