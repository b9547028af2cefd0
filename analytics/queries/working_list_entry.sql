-- Whether a school is on a cluster's working list of a year, and whether the school exists.
SELECT EXISTS (SELECT 1 FROM school WHERE school_id = $school_id) AS school_known,
  EXISTS (SELECT 1 FROM working_list
          WHERE year = $year AND school_id = $school_id AND cluster = $cluster) AS listed;
