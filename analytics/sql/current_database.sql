-- The name of the store's database, which qualifies the stored tables a rebuild shadows.
SELECT current_database() AS db;
