-- The store's schema version: the highest migration it has had (0: none yet).
SELECT coalesce(max(version), 0)::INTEGER AS version FROM schema_version;
