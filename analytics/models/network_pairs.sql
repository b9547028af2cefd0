-- The register of network pairs: one row per school year × pair (наставник → подшефная школа),
-- with both schools' names, the form as written (`kind`) and as the register names it (`form`:
-- «ресурсное (донорское)», «паритетное» or as written), the contract (as written, its number and
-- date), the year the pair began (`began`: the first year of the unbroken run of years with the
-- same mentor and mentee up to this one) and how many years it has run (`years_running`), and
-- each school's clusters on the working list of that year (codes, sorted; empty when none).
CREATE OR REPLACE TABLE network_pairs AS
WITH runs AS (
  SELECT p.*,
    -- consecutive years of one pair share year − row number: an unbroken run
    p.year - row_number() OVER (PARTITION BY p.mentor_school_id, p.mentee_school_id
                                ORDER BY p.year) AS run
  FROM raw_network_pair AS p
),
began AS (
  SELECT *, min(year) OVER (PARTITION BY mentor_school_id, mentee_school_id, run) AS began
  FROM runs
),
clusters AS (
  SELECT year, school_id, list(DISTINCT cluster ORDER BY cluster) AS clusters
  FROM working_list
  GROUP BY year, school_id
)
SELECT r.year, r.mentor_school_id, mentor.short_name AS mentor_name,
  r.mentee_school_id, mentee.short_name AS mentee_name,
  r.kind,
  -- rows loaded before the register (schema 4 and earlier) have no form: read it from `kind` by
  -- the reader's rule (ingest/formats/pair-contract.ts, pairForm)
  coalesce(r.form,
    CASE WHEN regexp_matches(lower(r.kind), '^ресурсн|донорск') THEN 'ресурсное (донорское)'
         WHEN regexp_matches(lower(r.kind), '^паритетн') THEN 'паритетное'
         ELSE r.kind END) AS form,
  r.contract, r.contract_number, r.contract_date,
  r.began, (r.year - r.began + 1)::INTEGER AS years_running,
  coalesce(ce.clusters, []::VARCHAR[]) AS mentee_clusters,
  coalesce(cm.clusters, []::VARCHAR[]) AS mentor_clusters
FROM began AS r
JOIN school AS mentor ON mentor.school_id = r.mentor_school_id
JOIN school AS mentee ON mentee.school_id = r.mentee_school_id
LEFT JOIN clusters AS ce ON ce.year = r.year AND ce.school_id = r.mentee_school_id
LEFT JOIN clusters AS cm ON cm.year = r.year AND cm.school_id = r.mentor_school_id
ORDER BY r.year, mentor.short_name, mentee.short_name;
