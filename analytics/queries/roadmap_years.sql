-- The school years with a road map, ascending.
SELECT DISTINCT year FROM roadmap_measure ORDER BY year;
