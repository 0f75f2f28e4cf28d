-- Records per entity for the golden records (see golden_winners.sql for the two tables).
WITH entity_of AS (
    SELECT record_id, arg_min(_entity, _row) AS _entity  -- -1: mapped to no entity
    FROM _golden_entities
    GROUP BY record_id
)
SELECT e._entity, count(*) AS records
FROM _golden_records r JOIN entity_of e USING (record_id)
WHERE e._entity >= 0
GROUP BY e._entity
