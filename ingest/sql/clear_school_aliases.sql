-- The incoming schools lose their old aliases (the new ones are appended next).
DELETE FROM school_alias WHERE school_id IN (SELECT school_id FROM incoming_school);
