-- The scopes of a checked bulk file (its rows are all its own: none is shared).
CREATE OR REPLACE TEMP TABLE incoming_scope AS SELECT DISTINCT scope FROM bulk_parsed;
