-- What the store holds, per dataset: files, rows and years of the batches in it.
SELECT
  dataset,
  count(*)::INTEGER AS files_count,
  sum(rows_count)::INTEGER AS rows_count,
  list_sort(list_distinct(flatten(list(string_split(nullif(years, ''), ','))))) AS years,
  strftime(max(imported_at), '%Y-%m-%dT%H:%M:%S') AS last_imported_at
FROM import_batch
GROUP BY dataset
ORDER BY dataset;
