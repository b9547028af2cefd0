-- In the migrations' transaction: migration $version ($name) has been applied.
INSERT INTO schema_version VALUES (CAST($version AS INTEGER), $name, now()::TIMESTAMP);
