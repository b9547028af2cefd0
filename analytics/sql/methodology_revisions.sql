-- Every saved methodology version, the latest first, without the bodies.
SELECT revision_id, version, saved_by, strftime(saved_at, '%Y-%m-%dT%H:%M:%S') AS saved_at
FROM methodology_revision ORDER BY revision_id DESC;
