-- Store summary for /api/health and the page header: schools, years, demo or not.
SELECT
  (SELECT count(*)::INTEGER FROM school) AS schools_count,
  (SELECT coalesce(list(DISTINCT year ORDER BY year), []) FROM ind_vpr) AS years,
  (SELECT coalesce(bool_or(is_demo), false) FROM import_batch) AS is_demo,
  (SELECT strftime(max(imported_at), '%Y-%m-%d') FROM import_batch) AS data_date,
  (SELECT version FROM methodology_setting) AS methodology_version,
  (SELECT min_n FROM methodology_setting) AS min_n;
