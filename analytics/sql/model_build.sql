-- What the models were last built from; fails when they never were.
SELECT fingerprint FROM model_build;
