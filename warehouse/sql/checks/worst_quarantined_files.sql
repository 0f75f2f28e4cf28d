-- Per source, its file among those the night judges ($1 = their paths: read this run, or not yet published)
-- with the most quarantined rows, with its row counts and the reason of its first quarantined row (the reason
-- names the file, the row and the field).
WITH this_run AS (
    SELECT source, path, rows_quarantined, rows_loaded + rows_quarantined AS rows_total
    FROM ingested_files
    WHERE status = 'loaded' AND rows_quarantined > 0 AND list_contains($1, path)
),
worst AS (
    SELECT source, arg_max(path, rows_quarantined) AS path, max(rows_quarantined) AS rows_quarantined
    FROM this_run
    GROUP BY source
)
SELECT w.source, w.path, w.rows_quarantined, t.rows_total,
       (SELECT q.reason FROM quarantine AS q WHERE q.source_file = w.path ORDER BY q.source_row LIMIT 1) AS reason
FROM worst AS w
JOIN this_run AS t ON t.source = w.source AND t.path = w.path
ORDER BY w.source
