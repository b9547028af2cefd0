-- Справка, section 1: the files the figures of a school year come from, per dataset, with the
-- date of the latest import (the data date of the briefing). The registry holds for every year.
SELECT
  dataset,
  count(*)::INTEGER AS files_count,
  list(file_name ORDER BY file_name) AS file_names,
  strftime(max(imported_at), '%Y-%m-%d') AS imported_on,
  bool_or(is_demo) AS is_demo
FROM import_batch
WHERE dataset = 'registry' OR list_contains(string_split(years, ','), $year::VARCHAR)
GROUP BY dataset
ORDER BY min(batch_id);
