-- The school years of working lists whose effect can be shown (a risk cluster's list), newest first.
SELECT DISTINCT list_year AS year FROM support_effects ORDER BY year DESC;
