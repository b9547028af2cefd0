-- How many rows the table $name has (query_table takes the name as a bound value).
SELECT count(*)::INTEGER AS n FROM query_table($name);
