-- The school years with network pairs, oldest first.
SELECT DISTINCT year FROM network_pairs ORDER BY year;
