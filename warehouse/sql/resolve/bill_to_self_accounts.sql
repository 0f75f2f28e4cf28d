-- Rows whose bill-to account is an account of the row's own resolved customer (a direct deal).
WITH customer_accounts AS (
    SELECT cs.customer_id, upper(trim(r.customer_account)) AS account
    FROM customer_sources cs
    JOIN source_records r USING (record_id)
    WHERE r.customer_account IS NOT NULL
    GROUP BY ALL
)
SELECT DISTINCT r.record_id
FROM source_records r
JOIN customer_sources cs USING (record_id)
JOIN customer_accounts a ON a.customer_id = cs.customer_id AND a.account = upper(trim(r.bill_to_account))
WHERE r.bill_to_account IS NOT NULL
