-- The distributor rows whose end customer is their reseller itself, as the TEMP table
-- self_named_records (record_id): read by resolve/customer_mentions.sql, the customers_resolved
-- check and the registration audit, so a row is never both a customer and a no_end_customer finding.
-- The question is names_reseller_itself of resolve_macros.sql (the same company_key), asked once per
-- distinct name: a million rows name about 100k companies, and the key per row cost 9 s a query at a
-- million rows (0.5 s this way).
CREATE OR REPLACE TEMP TABLE self_named_records AS
WITH names AS (
    SELECT name, company_key(name) AS name_key
    FROM (
        SELECT customer_name AS name FROM source_records WHERE kind = 'distributor'
        UNION
        SELECT reseller_name AS name FROM source_records WHERE kind = 'distributor'
    )
    WHERE name IS NOT NULL
)
SELECT r.record_id
FROM source_records r
JOIN names c ON c.name = r.customer_name
JOIN names p ON p.name = r.reseller_name
WHERE r.kind = 'distributor' AND c.name_key = p.name_key;
