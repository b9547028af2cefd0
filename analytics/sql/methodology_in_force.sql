-- The latest methodology version saved from the dashboard, with its body.
SELECT revision_id, version, body, saved_by, strftime(saved_at, '%Y-%m-%dT%H:%M:%S') AS saved_at
FROM methodology_revision ORDER BY revision_id DESC LIMIT 1;
