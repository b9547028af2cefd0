-- One school's registry card, with its partners in the network (наставник ↔ подшефная школа)
-- in the latest year a pair was loaded for it, each with its clusters on the working list of the
-- pair's year (a подшефная школа in a cluster is the pairing's point).
WITH pairs AS (
  SELECT p.year, p.kind,
         CASE WHEN p.mentor_school_id = $school_id THEN 'подшефная школа' ELSE 'наставник' END AS role,
         CASE WHEN p.mentor_school_id = $school_id THEN p.mentee_school_id ELSE p.mentor_school_id END AS partner_id
  FROM raw_network_pair AS p
  WHERE $school_id IN (p.mentor_school_id, p.mentee_school_id)
  QUALIFY p.year = max(p.year) OVER ()
)
SELECT s.school_id, s.full_name, s.short_name, s.school_type, s.is_rural,
       (SELECT list(alias ORDER BY alias) FROM school_alias a WHERE a.school_id = s.school_id) AS aliases,
       (SELECT coalesce(list({'school_id': p.partner_id, 'short_name': ps.short_name, 'role': p.role,
                              'kind': p.kind, 'year': p.year,
                              'clusters': coalesce((SELECT list(w.cluster ORDER BY w.cluster)
                                                    FROM working_list AS w
                                                    WHERE w.year = p.year
                                                      AND w.school_id = p.partner_id), [])}
                         ORDER BY ps.short_name), [])
        FROM pairs AS p JOIN school AS ps ON ps.school_id = p.partner_id) AS partners
FROM school AS s
WHERE s.school_id = $school_id;
