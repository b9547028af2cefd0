-- The demo load's progress: false when it starts, true when every demo file is in.
CREATE OR REPLACE TABLE demo_load AS SELECT CAST($finished AS BOOLEAN) AS finished;
