-- What the warehouse was built from, for the run summary's Inputs section: the inbox files by status
-- (each path's current row: superseded versions left out) with the rows they hold, then the files a
-- person should look at - empty deliveries, files that could not be read and files waiting for a
-- `columns:` mapping - one row each (path, status, error), at most 20, those that failed first.
-- The union is ordered from outside (DuckDB 1.4 orders a UNION by its output columns only).
SELECT *
FROM (
    SELECT
        status,
        count(*) AS files,
        coalesce(sum(rows_loaded), 0)::BIGINT AS rows_loaded,
        coalesce(sum(rows_quarantined), 0)::BIGINT AS rows_quarantined,
        NULL::VARCHAR AS path,
        NULL::VARCHAR AS error
    FROM ingested_files
    WHERE status <> 'superseded'
    GROUP BY status
    UNION ALL
    SELECT * FROM (
        SELECT status, 1, 0, 0, path, error
        FROM ingested_files
        WHERE status IN ('empty', 'error', 'needs_mapping')
        ORDER BY CASE status WHEN 'error' THEN 0 WHEN 'empty' THEN 1 ELSE 2 END, path
        LIMIT 20
    )
) AS inputs
ORDER BY path IS NOT NULL, CASE status WHEN 'error' THEN 0 WHEN 'empty' THEN 1 ELSE 2 END, path
