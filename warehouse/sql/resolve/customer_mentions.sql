-- Every source row that names an end customer, shaped for matching.resolve_entities.
-- CRM accounts typed as resellers, distributors or leasing companies are partners, not customers.
-- A placeholder name ("N/A", "Stock", "Unknown" ...) names nobody: the row has no end customer
-- (reports/sql/registration lists it), unless a CRM row carries an account. Nor does a distributor
-- row whose end customer is its reseller itself (self_named_records, made first by
-- resolve/self_named_records.sql: the same company_key, legal forms, accents, "&" and abbreviations
-- aside): the registration audit lists it as no_end_customer. A row naming only its bill-to names it as
-- the customer when billed_customer_records (resolve/billed_customer_records.sql) says the bill-to is
-- the end customer (a ledger with no ship-to).
SELECT r.record_id,
       r.source,
       r.kind,
       p.rank                                       AS source_priority,
       CASE WHEN NOT is_placeholder_name(r.customer_name) THEN r.customer_name
            WHEN b.record_id IS NOT NULL THEN r.bill_to_name END AS name,
       r.customer_address                               AS address,
       r.customer_city                                  AS city,
       r.customer_state                                 AS state,
       r.customer_postal_code                           AS postal_code,
       r.customer_country                               AS country,
       r.customer_domain                                AS domain,
       r.customer_phone                                 AS phone,
       r.customer_email                                 AS email,
       account_ns(r.kind, r.source, CASE WHEN b.record_id IS NOT NULL THEN r.bill_to_account
                                         ELSE r.customer_account END) AS account,
       coalesce(r.serial_numbers, [])                   AS serials,
       CASE WHEN contract_key(r.contract_number) IS NULL THEN []
            ELSE [contract_key(r.contract_number)] END  AS contract_numbers
FROM source_records r
JOIN source_rank p USING (source)
LEFT JOIN billed_customer_records b USING (record_id)
WHERE (NOT is_placeholder_name(r.customer_name) OR (r.kind LIKE 'crm_%' AND r.customer_account IS NOT NULL)
       OR b.record_id IS NOT NULL)
  AND NOT (r.kind = 'crm_accounts' AND is_partner_type(r.account_type))
  AND r.record_id NOT IN (SELECT record_id FROM self_named_records)
ORDER BY r.record_id
