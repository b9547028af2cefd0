-- What the models were built from (see modelsFingerprint) and when.
CREATE OR REPLACE TABLE model_build AS SELECT $fingerprint AS fingerprint, now()::TIMESTAMP AS built_at;
