-- Drops the registry load staging tables.
DROP TABLE incoming_school; DROP TABLE incoming_enrolment;
