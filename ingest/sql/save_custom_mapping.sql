-- Saves (or replaces) the column mapping of a file signature.
INSERT OR REPLACE INTO custom_mapping (signature, set_name, mapping_json, saved_by, saved_at)
VALUES ($signature, $set, $json, $user, now()::TIMESTAMP);
