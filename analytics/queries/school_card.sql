-- One school's registry card.
SELECT school_id, full_name, short_name, school_type, is_rural,
       (SELECT list(alias ORDER BY alias) FROM school_alias a WHERE a.school_id = s.school_id) AS aliases
FROM school AS s
WHERE school_id = $school_id;
