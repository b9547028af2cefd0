-- The registry's schools a measure may name, by short name.
SELECT school_id, short_name FROM school ORDER BY short_name, school_id;
