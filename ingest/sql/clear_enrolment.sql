-- Removes the stored enrolment of each incoming school and year.
DELETE FROM school_enrolment AS e WHERE EXISTS (SELECT 1 FROM incoming_enrolment AS i
  WHERE i.school_id = e.school_id AND i.year IS NOT DISTINCT FROM e.year);
