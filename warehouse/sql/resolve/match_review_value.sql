-- match_review's value at stake and rank, once renewal_opportunities exist: the open value (renewals,
-- win-backs and coverage gaps; co-terms are alternatives, never added) of the customers on both sides
-- (one customer's once when both sides are in it), in the reporting currency ($1; other currencies are
-- not added up, as in renewal_summary). Ranked by that value, then by match probability.
CREATE OR REPLACE TABLE match_review AS
WITH open_value AS (
    SELECT
        customer_id,
        sum(value) AS value
    FROM renewal_opportunities
    WHERE
        kind IN ('renewal', 'lapsed', 'coverage_gap')
        AND customer_id IS NOT NULL
        AND currency = $1
    GROUP BY customer_id
),

valued AS (
    SELECT
        m.* EXCLUDE (review_rank, value_at_stake, currency),
        CAST(
            coalesce(lv.value, 0)
            + CASE WHEN m.right_customer_id = m.left_customer_id THEN 0 ELSE coalesce(rv.value, 0) END
            AS DECIMAL(18, 2)
        ) AS value_at_stake
    FROM match_review AS m
    LEFT JOIN open_value AS lv ON m.left_customer_id = lv.customer_id
    LEFT JOIN open_value AS rv ON m.right_customer_id = rv.customer_id
)

SELECT
    row_number() OVER (
        ORDER BY value_at_stake DESC, match_probability DESC, left_record_id ASC, right_record_id ASC
    ) AS review_rank,
    question,
    value_at_stake,
    CAST($1 AS VARCHAR) AS currency,
    * EXCLUDE (question, value_at_stake)
FROM valued
ORDER BY review_rank;
