-- The years whose models an import changed and no rebuild has committed yet; NULL: every year.
SELECT DISTINCT year FROM model_pending ORDER BY year NULLS FIRST;
