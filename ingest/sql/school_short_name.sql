-- A school's short name by its code, for the users command.
SELECT short_name FROM school WHERE school_id = $school;
