-- The enrolment of the incoming schools, appended before it replaces the stored one.
CREATE OR REPLACE TEMP TABLE incoming_enrolment (school_id VARCHAR, year INTEGER, grade INTEGER, pupils INTEGER, batch_id INTEGER);
