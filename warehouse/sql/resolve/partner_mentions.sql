-- Every mention of a reseller, bill-to party, partner account, partner-program partner, named
-- service provider or distributor, shaped for
-- matching.resolve_entities. `mention_id` is the record id plus the role it was named in.
-- `customer_name` / `customer_account` travel along so a bill-to that is the customer itself
-- can be told apart from a partner. Needs billed_customer_records (warehouse.mentions.mark_billed_customers).
WITH resellers AS (
    SELECT r.record_id || ':reseller' AS mention_id, r.record_id, 'reseller' AS named_as,
           'reseller' AS role_hint, r.reseller_name AS name,
           account_ns(r.kind, r.source, r.reseller_account) AS account,
           NULL AS address, NULL AS city, NULL AS state, NULL AS postal_code, NULL AS country,
           NULL AS domain, NULL AS phone, NULL AS email,
           NULL AS customer_name, NULL AS customer_account, r.source, r.kind
    FROM source_records r
    WHERE NOT is_placeholder_name(r.reseller_name)  -- "DIRECT", "N/A", "(none)", "-": a direct sale, no reseller
),
bill_to AS (  -- a bill-to that is the row's end customer (billed_customer_records) travels as its customer too
    SELECT r.record_id || ':bill_to', r.record_id, 'bill_to', NULL, r.bill_to_name,
           account_ns(r.kind, r.source, r.bill_to_account),
           NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
           CASE WHEN b.record_id IS NOT NULL THEN r.bill_to_name ELSE r.customer_name END,
           account_ns(r.kind, r.source, CASE WHEN b.record_id IS NOT NULL THEN r.bill_to_account
                                             ELSE r.customer_account END), r.source, r.kind
    FROM source_records r
    LEFT JOIN billed_customer_records b USING (record_id)
    WHERE NOT is_placeholder_name(r.bill_to_name)
),
crm_partners AS (
    SELECT r.record_id || ':account', r.record_id, 'account', partner_role(r.account_type),
           r.customer_name, account_ns(r.kind, r.source, r.customer_account),
           r.customer_address, r.customer_city, r.customer_state, r.customer_postal_code,
           r.customer_country, r.customer_domain, r.customer_phone, r.customer_email,
           NULL, NULL, r.source, r.kind
    FROM source_records r
    WHERE r.kind = 'crm_accounts' AND is_partner_type(r.account_type)
),
program AS (  -- a partner program's partner (kind partner_program)
    SELECT r.record_id || ':partner', r.record_id, 'program', NULL, coalesce(r.partner_name, r.partner_account),
           account_ns(r.kind, r.source, r.partner_account),
           NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
           NULL, NULL, r.source, r.kind
    FROM source_records r
    WHERE r.kind = 'partner_program' AND coalesce(r.partner_name, r.partner_account) IS NOT NULL
),
providers AS (  -- a named service provider (a generic word such as "Vendor" names no company)
    SELECT r.record_id || ':service_provider', r.record_id, 'service_provider', NULL, r.service_provider,
           NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
           NULL, NULL, r.source, r.kind
    FROM source_records r
    WHERE nullif(trim(r.service_provider), '') IS NOT NULL AND provider_keyword(r.service_provider) IS NULL
),
distributors AS (
    SELECT DISTINCT 'source:' || source, NULL, 'distributor', 'distributor', source,
           'source:' || upper(source), NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
           NULL, NULL, source, kind
    FROM source_records
    WHERE kind = 'distributor'
)
SELECT m.*, p.rank AS source_priority
FROM (SELECT * FROM resellers UNION ALL SELECT * FROM bill_to
      UNION ALL SELECT * FROM crm_partners UNION ALL SELECT * FROM program UNION ALL SELECT * FROM providers
      UNION ALL SELECT * FROM distributors) m
JOIN source_rank p USING (source)
ORDER BY m.mention_id
