-- The school years of risk clusters' working lists, newest first, and whether the support year's
-- results are in (the re-measurement), so the page opens on the latest year with an effect.
SELECT list_year AS year, bool_or(n IS NOT NULL) AS measured
FROM support_effects GROUP BY list_year ORDER BY year DESC;
