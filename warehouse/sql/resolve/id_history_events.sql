-- id_history: every id event ever recorded. A stage's events (`id_events`, in the order given by
-- its `pos`) are appended, each distinct event once and none the history holds already (a NULL
-- old_id equals a NULL old_id). Done here rather than in pandas: at millions of events the history
-- as Python objects took 1.5 GiB more than the table itself.
CREATE TABLE IF NOT EXISTS id_history (
    entity VARCHAR, old_id VARCHAR, new_id VARCHAR, event VARCHAR, run_date VARCHAR
);

INSERT INTO id_history BY NAME
SELECT e.entity, e.old_id, e.new_id, e.event, e.run_date
FROM (
    SELECT e.*,
           row_number() OVER (PARTITION BY entity, old_id, new_id, event, run_date ORDER BY pos) AS nth
    FROM (
        SELECT CAST(entity AS VARCHAR) AS entity, CAST(old_id AS VARCHAR) AS old_id,
               CAST(new_id AS VARCHAR) AS new_id, CAST(event AS VARCHAR) AS event,
               CAST(run_date AS VARCHAR) AS run_date, pos
        FROM id_events
    ) e
) e
-- an anti join, not NOT EXISTS: DuckDB 1.4.0 failed the correlated form at 354k events with an
-- internal error in its hash aggregate (docs/scale.md, sixteenth session)
ANTI JOIN id_history h
    ON h.entity IS NOT DISTINCT FROM e.entity AND h.old_id IS NOT DISTINCT FROM e.old_id
   AND h.new_id IS NOT DISTINCT FROM e.new_id AND h.event IS NOT DISTINCT FROM e.event
   AND h.run_date IS NOT DISTINCT FROM e.run_date
WHERE e.nth = 1
ORDER BY e.pos;
