-- A school's values of the region's own indicators (custom tables), per year.
SELECT set_name, indicator, year, value
FROM raw_custom_indicator
WHERE school_id = $school_id
ORDER BY set_name, indicator, year;
