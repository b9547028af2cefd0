-- The imported measures of a road map's year (page-added ones, batch_id NULL, are not replaced),
-- with what a new version carries over: the id, the status, its date and note.
SELECT measure_id, section, title, status, strftime(status_on, '%Y-%m-%d') AS status_on, status_note
FROM roadmap_measure
WHERE year = $year AND batch_id IS NOT NULL
ORDER BY position, measure_id;
