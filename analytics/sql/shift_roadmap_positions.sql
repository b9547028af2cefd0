-- Makes room after position $after of year $year's road map for one measure.
UPDATE roadmap_measure SET position = position + 1
WHERE year = $year AND position > $after;
