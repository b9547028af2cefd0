-- All registry schools, for navigation.
SELECT school_id, short_name, school_type, is_rural FROM school ORDER BY short_name;
