-- The years a rebuild replaces, appended by the caller.
CREATE OR REPLACE TEMP TABLE rebuild_years (year INTEGER);
