-- Network pairs as a register: the form of the pair as the seeds name it («ресурсное
-- (донорское)», «паритетное», or as written), and the contract or order behind it, as written
-- («Договор № 01/2023 от 03.10.2023 года…») and as its number and date. The table is made again
-- rather than altered, so that the new columns come before `scope`, where the loader's appender
-- puts a row's values (as in 002). Pairs stored so far keep their form as written in `kind`
-- (the network_pairs model reads the form from it when `form` is empty).
CREATE TABLE raw_network_pair_v2 (
  batch_id INTEGER NOT NULL,
  year INTEGER NOT NULL,
  mentor_school_id VARCHAR NOT NULL,
  mentee_school_id VARCHAR NOT NULL,
  kind VARCHAR,
  form VARCHAR,
  contract VARCHAR,
  contract_number VARCHAR,
  contract_date DATE,
  scope VARCHAR NOT NULL
);
INSERT INTO raw_network_pair_v2
SELECT batch_id, year, mentor_school_id, mentee_school_id, kind, NULL, NULL, NULL, NULL, scope
FROM raw_network_pair;
DROP TABLE raw_network_pair;
ALTER TABLE raw_network_pair_v2 RENAME TO raw_network_pair;
