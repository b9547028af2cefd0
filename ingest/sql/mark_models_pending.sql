-- In the load's transaction: the models of this year (NULL: of every year) must be rebuilt.
INSERT INTO model_pending VALUES (CAST($year AS INTEGER), now()::TIMESTAMP);
