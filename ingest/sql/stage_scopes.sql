-- The scopes of the incoming rows (appended by the JS path).
CREATE OR REPLACE TEMP TABLE incoming_scope (scope VARCHAR);
