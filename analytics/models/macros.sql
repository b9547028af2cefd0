-- Helpers for the Russian sentences of the flag models (ru-RU: decimal comma, plural forms).
--
-- The rounding rule of every number a model writes into Russian text, the same as the
-- dashboard's (contract/format.ts, roundedUnits): half away from zero on the DECIMAL value the
-- double stands for, as a methodologist rounds by hand (56,25 → 56,3; 12,35 → 12,4 although the
-- double is 12.3499…; printf would give 56,2 and 12,3). The double is first settled to 9
-- decimals (x · 1e9 rounded half away from zero to a whole number) to drop the noise of the
-- arithmetic that made it, then rounded to `digits` in integer arithmetic. A value that rounds to
-- zero has no minus. test/contract/rounding-cases.ts holds the cases both implementations pass.
--
-- x in whole units of 10^-digits (digits 0…9), signed: round_units(12.35, 1) = 124.
CREATE OR REPLACE MACRO round_units(x, digits) AS
  sign(round(x::DOUBLE * 1e9))::HUGEINT
    * ((abs(round(x::DOUBLE * 1e9))::HUGEINT + pow(10, 9 - digits)::HUGEINT // 2)
       // pow(10, 9 - digits)::HUGEINT);
-- A whole number ≥ 0 with a no-break space between thousands, as ru-RU writes it: 1 286 540.
CREATE OR REPLACE MACRO ru_thousands(n) AS replace(format('{:,}', n::HUGEINT), ',', chr(160));
-- x with `digits` decimals by the rounding rule: ru_num(56.25, 1) = '56,3', ru_num(-0.04, 1) = '0,0'.
CREATE OR REPLACE MACRO ru_num(x, digits) AS
  CASE WHEN round_units(x, digits) < 0 THEN '-' ELSE '' END
    || ru_thousands(abs(round_units(x, digits)) // pow(10, digits)::HUGEINT)
    || CASE WHEN digits > 0
         THEN ',' || lpad((abs(round_units(x, digits)) % pow(10, digits)::HUGEINT)::VARCHAR, digits, '0')
         ELSE '' END;
-- A methodology's own value (a threshold) with as many decimals as it has, up to 2, by the same
-- rule: 10 → '10', 1.5 → '1,5' (the dashboard's formatNumber).
CREATE OR REPLACE MACRO ru_g(x) AS rtrim(rtrim(ru_num(x, 2), '0'), ',');
-- A share in per cent of a count a out of n, computed one way everywhere: 100 · a is exact, so
-- the one division gives the double nearest to the true share, and a share equal to a threshold
-- written in the methodology (15 %, 12,5 %) is that threshold's double exactly (3 of 20 is 15,
-- not 15.000000000000002). NULL when n is 0 or NULL: no share of nobody.
CREATE OR REPLACE MACRO share_pct(a, n) AS 100.0 * a / nullif(n, 0);
-- A computed difference or mean (п.п., σ, a slope) rounded to 9 decimals before it is compared
-- with a threshold: the arithmetic of doubles leaves noise (50 % − 40 % is 9.999999999999998,
-- 2/24 − 4/30 is −5.000000000000002), so an exact 10 п.п. would fail «не меньше 10 п.п.». The
-- tolerance: differences under 1e-9 п.п. count as none (shares of real counts on a threshold with
-- up to 2 decimals differ from it by far more, except at a country's size).
CREATE OR REPLACE MACRO drop_float_noise(x) AS round(x::DOUBLE, 9);
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
-- Clamped to [0, 1], and exactly 0 below a share of 0 and 1 above a share of 1: the formula
-- misses those by rounding (±4e-17, or about −3e-15 before, which read «−0,0 %»; and
-- 1.0000000000000002, an upper bound of 100.00000000000003 %).
CREATE OR REPLACE MACRO wilson_low(p, n, z) AS
  CASE WHEN p <= 0 THEN 0.0::DOUBLE ELSE greatest(0.0::DOUBLE,
    (p + z * z / (2 * n::DOUBLE) - z * sqrt(p * (1 - p) / n + z * z / (4 * n::DOUBLE * n))) / (1 + z * z / n))
  END;
CREATE OR REPLACE MACRO wilson_high(p, n, z) AS
  CASE WHEN p >= 1 THEN 1.0::DOUBLE ELSE least(1.0::DOUBLE,
    (p + z * z / (2 * n::DOUBLE) + z * sqrt(p * (1 - p) / n + z * z / (4 * n::DOUBLE * n))) / (1 + z * z / n))
  END;
-- Whether a share of a out of n differs from b out of m beyond chance: the two-proportion z-test
-- with the pooled share (|z| > z_critical), as in trend_shares. False when a group is empty or the
-- pooled share is 0 or 1 (nobody or everybody in both years: no variance, no change to test).
CREATE OR REPLACE MACRO shares_differ(a, n, b, m, z_critical) AS coalesce(
  (a + b) / (n + m)::DOUBLE > 0 AND (a + b) / (n + m)::DOUBLE < 1
    AND abs((a / n::DOUBLE - b / m::DOUBLE)
            / sqrt((a + b) / (n + m)::DOUBLE * (1 - (a + b) / (n + m)::DOUBLE)
                   * (1 / n::DOUBLE + 1 / m::DOUBLE))) > z_critical,
  false);
-- The words for a change of a share, the same as the trends': a direction only for a significant
-- change with n not below min_n in both years; «улучшение» when it went the good way (up when
-- higher_is_better, as «4» and «5»; down for «2»).
CREATE OR REPLACE MACRO effect_verdict(before_n, after_n, change_pp, significant, min_n,
                                       higher_is_better) AS
  CASE
    WHEN before_n IS NULL OR before_n = 0 THEN 'нет данных до начала'
    WHEN after_n IS NULL OR after_n = 0 THEN 'нет повторного измерения'
    WHEN before_n < min_n OR after_n < min_n THEN 'мало данных'
    WHEN significant AND change_pp <> 0 AND (change_pp > 0) = higher_is_better THEN 'улучшение'
    WHEN significant AND change_pp <> 0 THEN 'ухудшение'
    ELSE 'без значимых изменений'
  END;
-- A procedure's count of the key indicator's cases: «4» and «5» when higher is better, else «2»
-- (ЕГЭ: below the minimum score).
CREATE OR REPLACE MACRO effect_count(fails, good, higher_is_better) AS
  CASE WHEN higher_is_better THEN good ELSE fails END;
-- Whether a procedure's result (stg_procedure_results) counts in a key indicator of the effect of
-- support (effect_scope): one of its kinds, its subjects (all when NULL) and, for ВПР, its
-- grades (all when NULL).
CREATE OR REPLACE MACRO in_effect_scope(kind, subject, grade, kinds, subjects, grades) AS
  list_contains(kinds, kind)
  AND (subjects IS NULL OR list_contains(subjects, subject))
  AND (kind <> 'ВПР' OR grades IS NULL OR list_contains(grades, grade));
