-- One school's registry card; its network pairs are in school_pairs.
SELECT s.school_id, s.full_name, s.short_name, s.school_type, s.is_rural,
       (SELECT list(alias ORDER BY alias) FROM school_alias a WHERE a.school_id = s.school_id) AS aliases
FROM school AS s
WHERE s.school_id = $school_id;
