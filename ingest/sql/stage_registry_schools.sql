-- The registry schools of one load, appended before they replace the stored ones.
CREATE OR REPLACE TEMP TABLE incoming_school (school_id VARCHAR, full_name VARCHAR,
  short_name VARCHAR, school_type VARCHAR, is_rural BOOLEAN, batch_id INTEGER);
