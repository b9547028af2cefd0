-- Stores a new methodology version under the next revision number.
INSERT INTO methodology_revision (revision_id, version, body, saved_by)
SELECT coalesce(max(revision_id), 0) + 1, $version, $body, $user FROM methodology_revision;
