-- Where a measure added to section $section of year $year goes: after the section's last measure,
-- or after the year's last one when the section is new (0 in an empty year).
SELECT coalesce(max(position) FILTER (WHERE section = $section), max(position), 0)::INTEGER AS after
FROM roadmap_measure
WHERE year = $year;
