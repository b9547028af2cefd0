-- One row per school × year × assessment procedure with the pupils who did not pass its
-- minimum: ВПР subject × grade and ОГЭ subject (mark «2»), ЕГЭ subject (below the minimum
-- score). The unit the risk rules count (DOMAIN.md §2.2).
CREATE OR REPLACE TABLE stg_procedure_results AS
SELECT 'ВПР' AS kind, 'ВПР ' || subject || ', ' || grade || ' кл.' AS procedure, year, school_id,
       participants_count AS n, n2 AS fails
FROM ind_vpr WHERE level = 'school'
UNION ALL
SELECT 'ОГЭ', 'ОГЭ ' || subject, year, school_id, marked_count, n2
FROM ind_gia WHERE level = 'school' AND exam = 'ОГЭ' AND marked_count > 0
UNION ALL
SELECT 'ЕГЭ', 'ЕГЭ ' || subject, year, school_id, scored_count, below_min_count
FROM ind_gia
WHERE level = 'school' AND exam = 'ЕГЭ' AND scored_count > 0 AND below_min_count IS NOT NULL;
