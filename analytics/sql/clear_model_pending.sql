-- A rebuild, in its own transaction, has brought every pending change into the models.
DELETE FROM model_pending;
