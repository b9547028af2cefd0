-- Helpers for the Russian sentences of the flag models (ru-RU: decimal comma, plural forms).
CREATE OR REPLACE MACRO ru_num(x, digits) AS
  replace(CASE digits WHEN 0 THEN printf('%.0f', x) WHEN 2 THEN printf('%.2f', x) ELSE printf('%.1f', x) END, '.', ',');
CREATE OR REPLACE MACRO ru_g(x) AS replace(printf('%g', x), '.', ',');
CREATE OR REPLACE MACRO ru_school_year(y) AS (y - 1)::VARCHAR || '/' || right(y::VARCHAR, 2);
CREATE OR REPLACE MACRO ru_plural(n, one, few, many) AS
  CASE
    WHEN n % 10 = 1 AND n % 100 <> 11 THEN one
    WHEN n % 10 BETWEEN 2 AND 4 AND n % 100 NOT BETWEEN 12 AND 14 THEN few
    ELSE many
  END;
CREATE OR REPLACE MACRO ru_list(items) AS array_to_string(items, ', ');
-- Whether a rule version in force from `from_year` until `until_year` (open when NULL) covers `year`.
CREATE OR REPLACE MACRO in_force(year, from_year, until_year) AS
  year >= from_year AND (until_year IS NULL OR year < until_year);
-- Wilson score interval of a share p observed on n, at critical value z (1,96 for 95 %).
-- n is taken as DOUBLE: n * n of a region's or the country's participants overflows INTEGER.
CREATE OR REPLACE MACRO wilson_low(p, n, z) AS
  (p + z * z / (2 * n::DOUBLE) - z * sqrt(p * (1 - p) / n + z * z / (4 * n::DOUBLE * n))) / (1 + z * z / n);
CREATE OR REPLACE MACRO wilson_high(p, n, z) AS
  (p + z * z / (2 * n::DOUBLE) + z * sqrt(p * (1 - p) / n + z * z / (4 * n::DOUBLE * n))) / (1 + z * z / n);
