-- Golden records: per entity and attribute the winning value and the source that supplied it.
-- _golden_records holds one row per record: record_id, _priority (lower is more trusted), _pos
-- (input order), _source and one VARCHAR column per attribute; _golden_entities maps record_id to
-- _entity (an integer code, -1 for none; a record mapped twice takes its first row). Among an entity's non-blank
-- values of an attribute only those of its most trusted source present compete; the most frequent
-- wins, then the one seen first. The source is that of the value's first record that names one.
WITH entity_of AS (
    SELECT record_id, arg_min(_entity, _row) AS _entity  -- -1: mapped to no entity
    FROM _golden_entities
    GROUP BY record_id
),
long AS (
    UNPIVOT (
        SELECT e._entity, r.* EXCLUDE (record_id)
        FROM _golden_records r JOIN entity_of e USING (record_id)
        WHERE e._entity >= 0
    )
    ON COLUMNS(* EXCLUDE (_entity, _priority, _pos, _source))
    INTO NAME attribute VALUE value
),
tier AS (
    SELECT * FROM long
    QUALIFY _priority = min(_priority) OVER (PARTITION BY _entity, attribute)
),
stats AS (
    SELECT _entity, attribute, value, count(*) AS n, min(_pos) AS first_pos,
           arg_min(_source, _pos) FILTER (WHERE _source IS NOT NULL) AS source
    FROM tier
    GROUP BY _entity, attribute, value
)
SELECT _entity, attribute, value, source
FROM stats
QUALIFY row_number() OVER (PARTITION BY _entity, attribute ORDER BY n DESC, first_pos ASC) = 1
