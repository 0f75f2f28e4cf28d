-- match_review from the review queue (frame `review_queue`, matching.review): each undecided pair whose
-- decision would change the result, both sides as their source records say, readable without a join.
-- value_at_stake and review_rank stay NULL here: resolve/match_review_value.sql fills them once
-- renewal_opportunities exist (stage opportunities). Needs source_records.
CREATE OR REPLACE TABLE match_review AS
SELECT CAST(NULL AS BIGINT) AS review_rank,
       q.question,
       CAST(NULL AS DECIMAL(18, 2)) AS value_at_stake,
       CAST(NULL AS VARCHAR) AS currency,
       q.match_probability,
       q.match_weight,
       q.evidence,
       CAST(q.match_rule AS VARCHAR) AS match_rule,  -- text, whatever dtype the frame carried
       CAST(q.blocking_rule AS VARCHAR) AS blocking_rule,
       q.left_record_id,
       CAST(q.left_entity_id AS VARCHAR) AS left_customer_id,
       l.customer_name AS left_name,
       l.customer_address AS left_address,
       l.customer_postal_code AS left_postal_code,
       l.customer_city AS left_city,
       l.customer_country AS left_country,
       l.customer_phone AS left_phone,
       l.source AS left_source,
       l.source_file AS left_source_file,
       l.source_sheet AS left_source_sheet,
       l.source_row AS left_source_row,
       q.right_record_id,
       CAST(q.right_entity_id AS VARCHAR) AS right_customer_id,
       r.customer_name AS right_name,
       r.customer_address AS right_address,
       r.customer_postal_code AS right_postal_code,
       r.customer_city AS right_city,
       r.customer_country AS right_country,
       r.customer_phone AS right_phone,
       r.source AS right_source,
       r.source_file AS right_source_file,
       r.source_sheet AS right_source_sheet,
       r.source_row AS right_source_row
FROM review_queue AS q
INNER JOIN source_records AS l ON q.left_record_id = l.record_id
INNER JOIN source_records AS r ON q.right_record_id = r.record_id
ORDER BY q.match_probability DESC, q.left_record_id ASC, q.right_record_id ASC;
