-- Rows and years of a checked bulk file (bulk_parsed).
SELECT count(*)::INTEGER AS rows, list(DISTINCT year ORDER BY year) AS years FROM bulk_parsed;
