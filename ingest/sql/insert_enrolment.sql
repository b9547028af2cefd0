-- Stores the incoming enrolment.
INSERT INTO school_enrolment SELECT * FROM incoming_enrolment;
