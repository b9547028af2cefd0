-- One school's whole history of network pairs, every year and both roles (наставник of a
-- подшефная школа, or подшефная школа of a наставник), newest year first: the partner with its
-- clusters on the working list of the pair's year, the form, the contract and the year the pair began.
SELECT year,
  CASE WHEN mentor_school_id = $school_id THEN 'наставник' ELSE 'подшефная школа' END AS role,
  CASE WHEN mentor_school_id = $school_id THEN mentee_school_id ELSE mentor_school_id END
    AS partner_id,
  CASE WHEN mentor_school_id = $school_id THEN mentee_name ELSE mentor_name END AS partner_name,
  CASE WHEN mentor_school_id = $school_id THEN mentee_clusters ELSE mentor_clusters END
    AS partner_clusters,
  kind, form, contract, contract_number, strftime(contract_date, '%Y-%m-%d') AS contract_date,
  began, years_running
FROM network_pairs
WHERE $school_id IN (mentor_school_id, mentee_school_id)
ORDER BY year DESC, role, partner_name, partner_id;
