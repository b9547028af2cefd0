-- PLACEHOLDER on branch `history` only: the branch `lists` owns migration 002 (the official lists
-- as they are written: label, basis, source). When both branches merge, keep `lists`' 002 and
-- delete this file; 003 adds the same columns only if they are missing, so either order works.
ALTER TABLE raw_official_cluster ADD COLUMN IF NOT EXISTS label VARCHAR;
ALTER TABLE raw_official_cluster ADD COLUMN IF NOT EXISTS basis VARCHAR;
ALTER TABLE raw_official_cluster ADD COLUMN IF NOT EXISTS source VARCHAR;
