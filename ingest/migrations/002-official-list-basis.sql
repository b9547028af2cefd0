-- The lists as they are written (issue 23): the cluster as the list names it (`label`; `cluster`
-- holds the code the methodology's table of names gives it), the document that approved the list
-- (`basis`: «распоряжение КО от 19.10.2023 № 356», «письмо КОиПО ЛО от 10.10.2023 № 19-39080/2023»)
-- and who approved it (`source`: 'регион' — the region's committee, 'комитет' — the municipal
-- committee's распоряжение). The table is made again rather than altered, so that the new columns
-- come before `scope`, where the loader's appender puts a row's values. The lists stored so far
-- are the region's (the only kind the import knew); their scope gains the source, so that the
-- committee's list of a cluster never replaces the region's.
CREATE TABLE raw_official_cluster_v2 (
  batch_id INTEGER NOT NULL,
  year INTEGER NOT NULL,
  school_id VARCHAR NOT NULL,
  cluster VARCHAR NOT NULL,
  label VARCHAR NOT NULL,
  basis VARCHAR,
  source VARCHAR NOT NULL,
  scope VARCHAR NOT NULL
);
INSERT INTO raw_official_cluster_v2
SELECT batch_id, year, school_id, cluster, cluster, NULL, 'регион',
       CAST(year AS VARCHAR) || '|регион|' || cluster
FROM raw_official_cluster;
DROP TABLE raw_official_cluster;
ALTER TABLE raw_official_cluster_v2 RENAME TO raw_official_cluster;
