-- Adds the incoming schools, or updates those already stored.
INSERT OR REPLACE INTO school SELECT * FROM incoming_school;
