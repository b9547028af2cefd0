-- One row per school × year × assessment procedure with its participants and marks: ВПР
-- subject × grade and ОГЭ subject (fails = mark «2»), ЕГЭ subject (fails = below the minimum
-- score; no marks). The unit the risk rules count (docs/methodology.md §2.2).
CREATE OR REPLACE TABLE stg_procedure_results AS
SELECT 'ВПР' AS kind, 'ВПР ' || subject || ', ' || grade || ' кл.' AS procedure, subject, grade,
       year, school_id, participants_count AS n, n2 AS fails, n4 + n5 AS good,
       2 * n2 + 3 * n3 + 4 * n4 + 5 * n5 AS mark_total
FROM ind_vpr WHERE level = 'school'
UNION ALL
SELECT 'ОГЭ', 'ОГЭ ' || subject, subject, 9, year, school_id, marked_count, n2, n4 + n5,
       2 * n2 + 3 * n3 + 4 * n4 + 5 * n5
FROM ind_gia WHERE level = 'school' AND exam = 'ОГЭ' AND marked_count > 0
UNION ALL
SELECT 'ЕГЭ', 'ЕГЭ ' || subject, subject, 11, year, school_id, scored_count, below_min_count,
       NULL, NULL
FROM ind_gia
WHERE level = 'school' AND exam = 'ЕГЭ' AND scored_count > 0 AND below_min_count IS NOT NULL;
