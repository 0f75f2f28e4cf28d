-- source_rank: every source's trust rank (lower wins): its explicit `priority:` in sources.yaml,
-- else its kind's place in `source_priority`, else after every listed kind.
CREATE OR REPLACE TEMP TABLE source_rank AS
SELECT s.source, s.kind,
       coalesce(o.rank, k.rank, (SELECT count(*) FROM kind_rank) + 100) AS rank
FROM (SELECT DISTINCT source, kind FROM source_records) s
LEFT JOIN source_rank_override o USING (source)
LEFT JOIN kind_rank k USING (kind);
