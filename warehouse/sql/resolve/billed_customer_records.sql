-- The rows that name only who is invoiced (no end customer, no ship-to) and whose bill-to is the end
-- customer itself, as the TEMP table billed_customer_records (record_id): a reseller's ledger bills its
-- customers, a vendor's bills its resellers. Read by resolve/customer_mentions.sql (the bill-to is then
-- the row's customer mention) and resolve/partner_mentions.sql (a bill-to that is the row's customer is
-- no partner). Companies are compared by company_key (legal forms, accents, "&" and case aside).
--   * a bill-to the other rows name as an end customer and never as a partner (a reseller, a CRM
--     partner account, a partner-program partner, or a bill-to beside two other end customers or
--     more) is the customer;
--   * a bill-to no other row names is the customer when its source bills customers: at least two of
--     the source's bill-to companies are customers by the first rule, and at least two in three of
--     those the other rows know.
-- Nothing is keyed when no row names only its bill-to (the usual case); else each distinct name once,
-- in a projection (company_key in a filter or a join condition ran 30 times slower on DuckDB 1.4-2.0).
CREATE OR REPLACE TEMP TABLE billed_customer_records AS
WITH billed AS MATERIALIZED (
    SELECT record_id, source, bill_to_name AS name
    FROM source_records
    WHERE bill_to_name IS NOT NULL AND customer_account IS NULL AND kind NOT LIKE 'crm_%'
      AND (customer_name IS NULL OR is_placeholder_name(customer_name)) AND NOT is_placeholder_name(bill_to_name)
),
wanted AS (SELECT count(*) > 0 AS yes FROM billed),
named AS MATERIALIZED (  -- each company another row names, and whether as an end customer
    SELECT DISTINCT name, as_customer FROM (
        SELECT customer_name AS name, NOT (kind = 'crm_accounts' AND is_partner_type(account_type)) AS as_customer
        FROM source_records
        WHERE customer_name IS NOT NULL AND (SELECT yes FROM wanted)
        UNION ALL
        SELECT reseller_name, false FROM source_records WHERE reseller_name IS NOT NULL AND (SELECT yes FROM wanted)
        UNION ALL
        SELECT partner_name, false FROM source_records
        WHERE kind = 'partner_program' AND partner_name IS NOT NULL AND (SELECT yes FROM wanted)
    )
    WHERE NOT is_placeholder_name(name)
),
beside AS MATERIALIZED (  -- bill-tos on rows with an end customer of their own
    SELECT DISTINCT bill_to_name, customer_name FROM source_records
    WHERE bill_to_name IS NOT NULL AND customer_name IS NOT NULL AND (SELECT yes FROM wanted)
),
keys AS MATERIALIZED (  -- every name above, keyed once
    SELECT name, company_key(name) AS name_key
    FROM (SELECT name FROM named UNION SELECT bill_to_name FROM beside UNION SELECT name FROM billed)
),
billed_beside AS (  -- a bill-to beside two other end customers or more is a partner (a reseller or a lessor); a
                   -- customer cut short or spelt out in full ("Kingsley Paper Holdi") is no other one
    SELECT b.bill_to_name AS name
    FROM beside b
    JOIN keys kb ON kb.name = b.bill_to_name
    JOIN keys kc ON kc.name = b.customer_name
    WHERE NOT is_placeholder_name(b.customer_name) AND kb.name_key IS NOT NULL AND kc.name_key IS NOT NULL
      AND NOT starts_with(kb.name_key, kc.name_key) AND NOT starts_with(kc.name_key, kb.name_key)
    GROUP BY b.bill_to_name
    HAVING count(DISTINCT kc.name_key) >= 2
),
known AS (
    SELECT k.name_key, bool_or(n.as_customer) AS customer, bool_or(NOT n.as_customer) AS partner
    FROM (SELECT name, as_customer FROM named UNION SELECT name, false FROM billed_beside) n
    JOIN keys k USING (name)
    WHERE k.name_key IS NOT NULL
    GROUP BY ALL
),
verdicts AS (  -- per bill-to name: customer / partner / unknown
    SELECT k.name, k.name_key,
           CASE WHEN n.partner THEN 'partner' WHEN n.customer THEN 'customer' ELSE 'unknown' END AS verdict
    FROM (SELECT DISTINCT name FROM billed) b
    JOIN keys k USING (name)
    LEFT JOIN known n ON n.name_key = k.name_key
),
sources AS (  -- the sources that bill customers
    SELECT source
    FROM (SELECT DISTINCT b.source, v.name_key, v.verdict FROM billed b JOIN verdicts v USING (name))
    GROUP BY source
    HAVING count(*) FILTER (WHERE verdict = 'customer') >= 2
       AND count(*) FILTER (WHERE verdict = 'customer') >= 2 * count(*) FILTER (WHERE verdict = 'partner')
)
SELECT b.record_id
FROM billed b
JOIN verdicts v USING (name)
WHERE v.verdict = 'customer' OR (v.verdict = 'unknown' AND b.source IN (SELECT source FROM sources))
ORDER BY b.record_id;
