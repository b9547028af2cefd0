-- A measure's status with the day it was reached and a note.
UPDATE roadmap_measure SET
  status = $status, status_on = CAST($on AS DATE), status_note = $note,
  updated_by = $user, updated_at = now()::TIMESTAMP
WHERE measure_id = $id;
